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
export function parseDigitalLink(uri: string, options: ParseOptions & { permitZeroSuppressedGtin?: boolean } = {}, symbology?: string): ParseResult {
  const scheme = /^[a-z]+:/i.exec(uri)?.[0] ?? '';
  if (scheme !== scheme.toLowerCase() && scheme !== scheme.toUpperCase()) return fail('the URI scheme must not mix upper and lower case');
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return fail('not a valid URI');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('a GS1 Digital Link uses http or https');
  // The path is taken as written: URL parsing would drop "." and ".." segments, which are legal
  // (percent-encoded) values of a serial or lot.
  const rawPath = /^[a-z]+:\/\/[^/?#]*([^?#]*)/i.exec(uri)?.[1] ?? '';
  const segments = rawPath.split('/').slice(1);
  // The rightmost primary key starts the GS1 part; anything before it is the resolver's own path.
  let keyAt = -1;
  for (let i = segments.length - 2; i >= 0; i--) {
    if (aiEntry(segments[i]!)?.dlPrimaryKey && (segments.length - i) % 2 === 0) {
      keyAt = i;
      break;
    }
  }
  if (keyAt === -1) return fail('the path has no GS1 primary key (/01/..., /00/..., /8004/...)');
  const found: { element: Element; offset: number }[] = [];
  for (let i = keyAt; i < segments.length; i += 2) {
    const ai = segments[i]!;
    const raw = segments[i + 1]!;
    if (raw.length === 0) return fail(`AI (${ai}) has an empty value in the path`, ai);
    const value = decode(raw);
    if (value === null) return fail(`AI (${ai}): bad percent-encoding`, ai);
    if (!/^\d{2,4}$/.test(ai) || !aiEntry(ai)) return fail(`${ai} in the path is not a GS1 Application Identifier`);
    if (ai === '01' && value.length !== 14 && options.permitZeroSuppressedGtin && /^(\d{8}|\d{12}|\d{13})$/.test(value)) found.push({ element: { ai, value: value.padStart(14, '0') }, offset: 0 });
    else found.push({ element: { ai, value }, offset: 0 });
  }
  const key = aiEntry(found[0]!.element.ai)!;
  const qualifiers = found.slice(1).map((f) => f.element.ai);
  if (!qualifiersInOrder(qualifiers, key.dlPrimaryKey!)) {
    return fail(`qualifiers ${qualifiers.map((q) => `(${q})`).join('')} are not allowed after (${key.ai}) in that order`, key.ai);
  }
  const pathAis = new Set(found.map((f) => f.element.ai));
  // An AI that could have qualified the key in the path, alongside the qualifiers used, must be there.
  const belongsInPath = (ai: string) => key.dlPrimaryKey!.some((seq) => seq.includes(ai) && qualifiers.every((q) => seq.includes(q)));
  const queryAis = new Set<string>();
  for (const [name, raw] of url.searchParams) {
    if (!/^\d{2,4}$/.test(name)) continue;
    const entry = aiEntry(name);
    if (!entry) return fail(`query parameter ${name} is not a GS1 Application Identifier`, name);
    if (pathAis.has(name) || queryAis.has(name)) return fail(`AI (${name}) is given twice`, name);
    if (belongsInPath(name)) return fail(`AI (${name}) qualifies (${key.ai}) and belongs in the path`, name);
    if (!entry.dlDataAttribute) return fail(`AI (${name}) may not be a Digital Link data attribute`, name);
    queryAis.add(name);
    const value = name === '01' && options.permitZeroSuppressedGtin && /^(\d{8}|\d{12}|\d{13})$/.test(raw) ? raw.padStart(14, '0') : raw;
    found.push({ element: { ai: name, value }, offset: 0 });
  }
  return finish('digital-link', found, options, symbology);
}
