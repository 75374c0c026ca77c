import { finish } from './finish';
import { aiEntry } from './table';
import type { Element, Gs1Error, ParseOptions, ParseResult } from './types';

const fail = (message: string, ai?: string): ParseResult => ({ ok: false, error: { code: 'not_a_digital_link', message, ...(ai ? { ai } : {}) } as Gs1Error });

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Whether the qualifiers appear in one of the key's allowed orders (each may be left out). */
export function qualifiersInOrder(qualifiers: readonly string[], sequences: readonly string[][]): boolean {
  return sequences.some((sequence) => {
    let at = 0;
    for (const q of qualifiers) {
      const found = sequence.indexOf(q, at);
      if (found === -1) return false;
      at = found + 1;
    }
    return true;
  });
}

/**
 * GS1 Digital Link URIs: any host and path prefix, then the primary key and its qualifiers as
 * /AI/value pairs, then data attributes in the query. Query parameters that are not AIs are
 * left alone, as the standard allows.
 */
export function parseDigitalLink(uri: string, options: ParseOptions = {}, symbology?: string): ParseResult {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return fail('not a valid URI');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('a GS1 Digital Link uses http or https');
  const segments = url.pathname.split('/').filter((s) => s.length > 0);
  let keyAt = -1;
  for (let i = 0; i < segments.length - 1; i++) {
    const entry = aiEntry(segments[i]!);
    if (entry?.dlPrimaryKey && (segments.length - i) % 2 === 0 && segments.slice(i).every((s, k) => k % 2 === 1 || /^\d{2,4}$/.test(s))) {
      keyAt = i;
      break;
    }
  }
  if (keyAt === -1) return fail('the path has no GS1 primary key (/01/..., /00/..., /8004/...)');
  const found: { element: Element; offset: number }[] = [];
  for (let i = keyAt; i < segments.length; i += 2) {
    const ai = segments[i]!;
    let value = decode(segments[i + 1]!);
    if (value === null) return fail(`AI (${ai}): bad percent-encoding`, ai);
    if (!aiEntry(ai)) return fail(`AI (${ai}) is not a GS1 Application Identifier`, ai);
    if (ai === '01' && /^(\d{8}|\d{12}|\d{13})$/.test(value)) value = value.padStart(14, '0');
    found.push({ element: { ai, value }, offset: 0 });
  }
  const key = aiEntry(found[0]!.element.ai)!;
  const qualifiers = found.slice(1).map((f) => f.element.ai);
  if (!qualifiersInOrder(qualifiers, key.dlPrimaryKey!)) {
    return fail(`qualifiers ${qualifiers.map((q) => `(${q})`).join('')} are not allowed after (${key.ai}) in that order`, key.ai);
  }
  for (const [name, raw] of url.searchParams) {
    if (!/^\d{2,4}$/.test(name)) continue;
    const entry = aiEntry(name);
    if (!entry) return fail(`query parameter ${name} is not a GS1 Application Identifier`, name);
    if (!entry.dlDataAttribute) return fail(`AI (${name}) may not be a Digital Link data attribute`, name);
    found.push({ element: { ai: name, value: raw }, offset: 0 });
  }
  return finish('digital-link', found, options, symbology);
}
