import { currentDateContext } from './dates';
import { qualifiersInOrder } from './digital-link';
import { GS } from './charsets';
import { aiEntry } from './table';
import type { Element, EncodeResult, ParseOptions } from './types';
import { validateElement, validateMessage } from './validate';

function check(elements: readonly Element[], options: ParseOptions): EncodeResult | null {
  if (elements.length === 0) return { ok: false, error: { code: 'empty', message: 'no elements to encode' } };
  const context = options.referenceYear ? { referenceYear: options.referenceYear } : currentDateContext();
  for (const element of elements) {
    const checked = validateElement(element, context);
    if (!checked.ok) return { ok: false, error: checked.error };
  }
  const messageError = validateMessage(elements, options.checkAssociations ?? true);
  return messageError ? { ok: false, error: messageError } : null;
}

/** `(01)...(10)...`, with "(" in data escaped as `\(` so the text parses back the same. */
export function encodeBracketed(elements: readonly Element[], options: ParseOptions = {}): EncodeResult {
  const refused = check(elements, options);
  if (refused) return refused;
  return { ok: true, value: elements.map((e) => `(${e.ai})${e.value.replace(/\(/g, '\\(')}`).join('') };
}

/**
 * The element string a barcode carries (without the leading FNC1): GS after every AI that is
 * not of predefined length, except the last. Putting the predefined-length AIs first would
 * save separators; the order given is kept because labels print it in that order.
 */
export function encodeRaw(elements: readonly Element[], options: ParseOptions = {}): EncodeResult {
  const refused = check(elements, options);
  if (refused) return refused;
  let out = '';
  elements.forEach((e, i) => {
    out += e.ai + e.value;
    if (i < elements.length - 1 && !aiEntry(e.ai)!.predefinedLength) out += GS;
  });
  return { ok: true, value: out };
}

// RFC 3986 unreserved characters stay; everything else is percent-encoded.
const encodeSegment = (value: string) =>
  encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    // "." and ".." as a whole segment would be read as relative path steps.
    .replace(/^\.{1,2}$/, (dots) => '%2E'.repeat(dots.length));

/** A GS1 Digital Link URI: primary key and qualifiers in the path, data attributes in the query. */
export function encodeDigitalLink(elements: readonly Element[], options: ParseOptions & { domain?: string } = {}): EncodeResult {
  const refused = check(elements, options);
  if (refused) return refused;
  // A repeated AI (same value: check() refused any other) appears once in a URI.
  const unique = elements.filter((e, i) => elements.findIndex((o) => o.ai === e.ai) === i);
  const key = unique.find((e) => aiEntry(e.ai)!.dlPrimaryKey);
  if (!key) return { ok: false, error: { code: 'not_a_digital_link', message: 'no element can be a Digital Link primary key' } };
  const sequences = aiEntry(key.ai)!.dlPrimaryKey!;
  const allowed = new Set(sequences.flat());
  const qualifiers = unique.filter((e) => e !== key && allowed.has(e.ai));
  const order = sequences.find((seq) => qualifiersInOrder(qualifiers.map((q) => q.ai).sort((a, b) => seq.indexOf(a) - seq.indexOf(b)), [seq]));
  if (!order) return { ok: false, error: { code: 'not_a_digital_link', ai: key.ai, message: `qualifiers ${qualifiers.map((q) => `(${q.ai})`).join('')} cannot go together after (${key.ai})` } };
  qualifiers.sort((a, b) => order.indexOf(a.ai) - order.indexOf(b.ai));
  // Attributes: predefined-length AIs first, then the others, each group in the order given.
  const others = unique.filter((e) => e !== key && !qualifiers.includes(e));
  const rest = [...others.filter((e) => aiEntry(e.ai)!.predefinedLength), ...others.filter((e) => !aiEntry(e.ai)!.predefinedLength)];
  for (const e of rest) {
    if (!aiEntry(e.ai)!.dlDataAttribute) return { ok: false, error: { code: 'not_a_digital_link', ai: e.ai, message: `AI (${e.ai}) may not be a Digital Link data attribute` } };
  }
  const domain = (options.domain ?? 'https://id.gs1.org').replace(/\/+$/, '');
  const path = [key, ...qualifiers].map((e) => `/${e.ai}/${encodeSegment(e.value)}`).join('');
  const query = rest.map((e) => `${e.ai}=${encodeSegment(e.value)}`).join('&');
  return { ok: true, value: `${domain}${path}${query ? `?${query}` : ''}` };
}
