import { aiEntry, type AiComponent, type AiEntry } from '../domain/gs1';

/**
 * The referee for the GS1 benchmark: when two parsers disagree, this decides which one is right by
 * the rules the GS1 Barcode Syntax Dictionary and the General Specifications define — FNC1
 * separators after variable-length fields, each component's character set and length, the check
 * digit, date validity, AI associations (req/ex), and GS1 Digital Link URI syntax. It reads only
 * the dictionary's entries and does its own arithmetic, so it is not Lotline's parser judging
 * itself.
 */

export type RuleName = 'symbology' | 'unknown AI' | 'separator' | 'length' | 'character set' | 'check digit' | 'date' | 'association' | 'duplicate AI' | 'digital link';

export type Ruling = { valid: true; elements: string[] } | { valid: false; rule: RuleName; why: string };

const GS = '\x1d';
const AIM_PREFIXES = [']d2', ']C1', ']Q3', ']e0', ']J1'];
const CSET82 = new Set("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");
const CSET39 = new Set('#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const CSET64 = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');

class Broken extends Error {
  constructor(
    readonly rule: RuleName,
    why: string,
  ) {
    super(why);
  }
}

/** GS1 mod-10: weights 3 and 1 from the right, the last digit checks the rest. */
function checkDigitOk(digits: string): { ok: boolean; expected: number } {
  let sum = 0;
  for (let i = digits.length - 2, w = 3; i >= 0; i--, w = w === 3 ? 1 : 3) sum += Number(digits[i]) * w;
  const expected = (10 - (sum % 10)) % 10;
  return { ok: Number(digits[digits.length - 1]) === expected, expected };
}

/** YYMMDD with the General Specifications' century window (7.12); DD=00 only where the linter allows it. */
function dateOk(value: string, zeroDayAllowed: boolean, referenceYear: number): boolean {
  const yy = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const diff = yy - (referenceYear % 100);
  const century = Math.floor(referenceYear / 100) * 100 + (diff >= 51 ? -100 : diff <= -50 ? 100 : 0);
  if (month < 1 || month > 12) return false;
  if (day === 0) return zeroDayAllowed;
  return day <= new Date(Date.UTC(century + yy, month, 0)).getUTCDate();
}

function inSet(ch: string, cset: AiComponent['cset']): boolean {
  if (cset === 'N') return ch >= '0' && ch <= '9';
  return (cset === 'X' ? CSET82 : cset === 'Y' ? CSET39 : CSET64).has(ch);
}

/** Splits a value into its components: fixed ones take their length, the last variable one the rest. */
function checkComponents(entry: AiEntry, value: string, referenceYear: number): void {
  if (value.length < entry.minLength || value.length > entry.maxLength) {
    throw new Broken('length', `AI (${entry.ai}) is ${entry.minLength === entry.maxLength ? `exactly ${entry.maxLength}` : `${entry.minLength} to ${entry.maxLength}`} characters; this one has ${value.length}`);
  }
  let at = 0;
  for (const component of entry.components) {
    if (at >= value.length && component.optional) break;
    const take = component.min === component.max ? component.max : Math.min(component.max, value.length - at);
    const part = value.slice(at, at + take);
    at += take;
    if (part.length < component.min) throw new Broken('length', `AI (${entry.ai}): a component of ${component.min}+ characters has ${part.length}`);
    for (let i = 0; i < part.length; i++) {
      if (!inSet(part[i]!, component.cset)) {
        const set = component.cset === 'N' ? 'digits' : component.cset === 'X' ? 'character set 82' : component.cset === 'Y' ? 'character set 39' : 'character set 64';
        throw new Broken('character set', `AI (${entry.ai}): ${JSON.stringify(part[i])} is outside ${set}`);
      }
    }
    for (const linter of component.linters) {
      if (linter === 'csum') {
        const { ok, expected } = checkDigitOk(part);
        if (!ok) throw new Broken('check digit', `AI (${entry.ai}): mod-10 check digit should be ${expected}, is ${part[part.length - 1]}`);
      }
      if ((linter === 'yymmd0' || linter === 'yymmdd') && !dateOk(part, linter === 'yymmd0', referenceYear)) {
        throw new Broken('date', `AI (${entry.ai}): ${part} is not a calendar date (YYMMDD${linter === 'yymmd0' ? ', DD 00 allowed' : ''})`);
      }
    }
  }
  if (at < value.length) throw new Broken('length', `AI (${entry.ai}): ${value.length - at} characters left over after its components`);
}

/** The dictionary's AIs are prefix-free: the one 2-, 3- or 4-digit prefix that names an AI is the AI. */
function aiAt(data: string, at: number): AiEntry {
  for (const n of [2, 3, 4]) {
    const entry = aiEntry(data.slice(at, at + n));
    if (entry) return entry;
  }
  throw new Broken('unknown AI', `no AI in the dictionary starts ${JSON.stringify(data.slice(at, at + 4))}`);
}

const matches = (ai: string, pattern: string) => pattern.length === ai.length && [...pattern].every((c, i) => c === 'n' || c === ai[i]);

function checkAssociations(elements: { ai: string; value: string }[]): void {
  const seen = new Map<string, string>();
  for (const { ai, value } of elements) {
    if (seen.has(ai) && seen.get(ai) !== value) throw new Broken('duplicate AI', `AI (${ai}) appears twice with different values`);
    seen.set(ai, value);
  }
  const present = [...seen.keys()];
  const has = (pattern: string) => present.some((ai) => matches(ai, pattern));
  for (const ai of present) {
    const entry = aiEntry(ai)!;
    for (const group of entry.requires) {
      if (!group.some((alternative) => alternative.every(has))) {
        throw new Broken('association', `AI (${ai}) requires ${group.map((alt) => alt.map((a) => `(${a})`).join('+')).join(' or ')} in the same message`);
      }
    }
    for (const pattern of entry.excludes) {
      const clash = present.find((other) => other !== ai && matches(other, pattern));
      if (clash) throw new Broken('association', `AI (${ai}) may not appear with (${clash})`);
    }
  }
}

/** Element string: each fixed-length AI takes its length; a variable one runs to FNC1 or the end. */
function elementString(data: string, referenceYear: number): { ai: string; value: string }[] {
  const elements: { ai: string; value: string }[] = [];
  let at = 0;
  while (at < data.length) {
    if (data[at] === GS) {
      at++;
      continue;
    }
    const entry = aiAt(data, at);
    at += entry.ai.length;
    let value: string;
    if (entry.predefinedLength) {
      value = data.slice(at, at + entry.maxLength);
      at += value.length;
    } else {
      const end = data.indexOf(GS, at);
      value = data.slice(at, end === -1 ? data.length : end);
      at += value.length;
      if (value.length > entry.maxLength) {
        // Whatever follows a variable-length AI up to FNC1 is its value, so an overlong value is
        // either a missing separator (the next AI swallowed) or a value too long: both break the rule.
        throw new Broken('separator', `AI (${entry.ai}) is at most ${entry.maxLength} characters up to FNC1 or the end; ${value.length} follow it (a missing separator, or too long)`);
      }
    }
    checkComponents(entry, value, referenceYear);
    elements.push({ ai: entry.ai, value });
  }
  if (elements.length === 0) throw new Broken('length', 'no element string');
  return elements;
}

/** GS1 Digital Link 1.x: /{primary key}/{value}[/{qualifier}/{value}...] then ?{ai}={value} data attributes. */
function digitalLink(uri: string, referenceYear: number): { ai: string; value: string }[] {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new Broken('digital link', 'not a URI');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Broken('digital link', `scheme ${url.protocol} is not http(s)`);
  const segments = url.pathname.split('/').filter((s) => s.length > 0);
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw new Broken('digital link', `bad percent-encoding in ${JSON.stringify(s)}`);
    }
  };
  // The primary key is the first path segment that the dictionary marks as a DL primary key with a value after it.
  const keyAt = segments.findIndex((s, i) => i + 1 < segments.length && aiEntry(s)?.dlPrimaryKey != null);
  if (keyAt === -1) throw new Broken('digital link', 'no primary key AI in the path');
  const key = aiEntry(segments[keyAt]!)!;
  const path = segments.slice(keyAt);
  if (path.length % 2 !== 0) throw new Broken('digital link', 'path AIs and values do not pair up');
  const elements: { ai: string; value: string }[] = [];
  for (let i = 0; i < path.length; i += 2) elements.push({ ai: path[i]!, value: decode(path[i + 1]!) });
  const qualifiers = elements.slice(1).map((e) => e.ai);
  const allowed = key.dlPrimaryKey!.some((sequence) => {
    let from = 0;
    return qualifiers.every((q) => {
      const found = sequence.indexOf(q, from);
      if (found === -1) return false;
      from = found + 1;
      return true;
    });
  });
  if (!allowed) throw new Broken('digital link', `qualifiers ${qualifiers.join(', ')} are not a permitted sequence after (${key.ai})`);
  for (const [name, value] of url.searchParams) {
    if (!/^\d+$/.test(name)) continue; // non-GS1 query parameters are allowed and ignored
    const entry = aiEntry(name);
    if (!entry) throw new Broken('unknown AI', `query parameter ${name} is not an AI`);
    if (!entry.dlDataAttribute) throw new Broken('digital link', `AI (${name}) may not be a Digital Link data attribute`);
    elements.push({ ai: name, value });
  }
  for (const e of elements) {
    const entry = aiEntry(e.ai);
    if (!entry) throw new Broken('unknown AI', `path segment ${e.ai} is not an AI`);
    checkComponents(entry, e.value, referenceYear);
  }
  return elements;
}

/** What the dictionary says of one scan: valid with its elements, or the first rule it breaks. */
export function referee(input: string, referenceYear = new Date().getFullYear()): Ruling {
  try {
    let elements: { ai: string; value: string }[];
    if (/^https?:\/\//i.test(input)) elements = digitalLink(input, referenceYear);
    else {
      const aim = AIM_PREFIXES.find((p) => input.startsWith(p));
      if (!aim && input.startsWith(']')) throw new Broken('symbology', `symbology identifier ${input.slice(0, 3)} does not carry GS1 data`);
      elements = elementString(aim ? input.slice(aim.length) : input, referenceYear);
    }
    checkAssociations(elements);
    return { valid: true, elements: elements.map((e) => `(${e.ai})${e.value}`) };
  } catch (error) {
    if (error instanceof Broken) return { valid: false, rule: error.rule, why: error.message };
    throw error;
  }
}

export type ParserOutcome = { valid: true; elements: string[] } | { valid: false; error: string };

const sameElements = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Whether a parser's answer is the one the dictionary gives: same verdict, and when valid the same elements. */
export function agreesWithRuling(outcome: ParserOutcome, ruling: Ruling): boolean {
  if (outcome.valid !== ruling.valid) return false;
  return !outcome.valid || sameElements(outcome.elements, (ruling as { elements: string[] }).elements);
}
