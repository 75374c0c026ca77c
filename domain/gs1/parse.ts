import { aiEntry, aiLengthAt } from './table';
import { GS } from './charsets';
import { parseDigitalLink } from './digital-link';
import { finish } from './finish';
import type { Element, Gs1Error, ParseOptions, ParseResult } from './types';

export { GS };

const fail = (error: Gs1Error): ParseResult => ({ ok: false, error });

/** `(01)09506000134352(17)261200(10)ABC`; a literal "(" inside data is written `\(`. */
export function parseBracketed(input: string, options: ParseOptions = {}): ParseResult {
  const found: { element: Element; offset: number }[] = [];
  let i = 0;
  if (input[0] !== '(') return fail({ code: 'malformed', message: 'bracketed data must start with (AI)', position: 0 });
  while (i < input.length) {
    const close = input.indexOf(')', i);
    const ai = close === -1 ? '' : input.slice(i + 1, close);
    if (!/^\d{2,4}$/.test(ai)) return fail({ code: 'malformed', message: `expected (AI) at position ${i + 1}`, position: i });
    if (!aiEntry(ai)) return fail({ code: 'unknown_ai', ai, message: `AI (${ai}) is not a GS1 Application Identifier`, position: i + 1 });
    let value = '';
    let j = close + 1;
    for (; j < input.length; j++) {
      const c = input[j]!;
      if (c === '\\' && input[j + 1] === '(') {
        value += '(';
        j++;
      } else if (c === '(') break;
      else value += c;
    }
    found.push({ element: { ai, value }, offset: close + 1 });
    i = j;
  }
  return finish('bracketed', found, options);
}

const AIM = /^\](?:d2|C1|Q3|e0|e1|e2|J1|d1|Q1)/;

export interface RawOptions extends ParseOptions {
  /** Also read "^" as FNC1, as the GS1 Syntax Engine's test notation writes it. */
  caretIsFnc1?: boolean;
}

/**
 * Unbracketed element strings as a scanner sends them: optional AIM symbology identifier, FNC1
 * as GS (ASCII 29) between fields. A predefined-length AI takes exactly its length; any other
 * runs to the next GS or the end.
 */
export function parseRaw(input: string, options: RawOptions = {}): ParseResult {
  let data = input;
  let symbology: string | undefined;
  const aim = AIM.exec(data);
  let base = 0;
  if (aim) {
    symbology = aim[0];
    data = data.slice(3);
    base = 3;
  }
  const isFnc1 = (c: string | undefined) => c === GS || (options.caretIsFnc1 === true && c === '^');
  let i = 0;
  while (isFnc1(data[i])) i++;
  const found: { element: Element; offset: number }[] = [];
  while (i < data.length) {
    const length = aiLengthAt(data, i);
    const ai = length ? data.slice(i, i + length) : data.slice(i, i + 2);
    if (!length || ai.length < length || !aiEntry(ai) || !/^\d+$/.test(ai)) {
      return fail({ code: 'unknown_ai', ai, message: `no GS1 Application Identifier starts at position ${base + i + 1} ('${data.slice(i, i + 4)}')`, position: base + i });
    }
    const entry = aiEntry(ai)!;
    const start = i + ai.length;
    let end: number;
    if (entry.predefinedLength) {
      end = start + entry.maxLength;
      if (end > data.length) return fail({ code: 'too_short', ai, message: `AI (${ai}): ${data.length - start} characters, needs ${entry.maxLength}`, position: base + start, detail: { key: 'length', params: { length: data.length - start, min: entry.maxLength, max: entry.maxLength } } });
    } else {
      end = start;
      while (end < data.length && !isFnc1(data[end])) end++;
    }
    found.push({ element: { ai, value: data.slice(start, end) }, offset: base + start });
    i = end;
    while (isFnc1(data[i])) i++;
  }
  return finish('raw', found, options, symbology);
}

/** Any of the three forms, told apart by how they start. */
export function parse(input: string, options: RawOptions = {}): ParseResult {
  const trimmed = input.replace(/[\r\n]+$/, '');
  if (trimmed.length === 0) return fail({ code: 'empty', message: 'no GS1 data' });
  if (/^https?:\/\//i.test(trimmed)) return parseDigitalLink(trimmed, options);
  if (trimmed.startsWith('(')) return parseBracketed(trimmed, options);
  return parseRaw(trimmed, options);
}
