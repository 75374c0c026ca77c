/**
 * PostgreSQL stores text as UTF-8 and refuses NUL: a JavaScript string with a lone UTF-16
 * surrogate reaches the table as U+FFFD, and one with NUL is refused mid-transaction. Anything
 * hashed or compared before it is stored must therefore be exactly what the database keeps.
 */

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

export interface IllFormedText {
  /** Where in the value: `username`, `lines.2.note`; empty for the value itself. */
  path: string;
  problem: 'lone_surrogate' | 'nul';
}

/** The first string (value or object key) that the database could not store as it is. */
export function findIllFormedText(value: unknown, path: readonly string[] = []): IllFormedText | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path: path.join('.'), problem: 'nul' };
    if (LONE_SURROGATE.test(value)) return { path: path.join('.'), problem: 'lone_surrogate' };
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findIllFormedText(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const keyProblem = findIllFormedText(key, [...path, key]);
      if (keyProblem) return keyProblem;
      const found = findIllFormedText(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** The text as PostgreSQL will keep it: lone surrogates become U+FFFD, NUL is dropped. */
export function storableText(text: string): string {
  const withoutNul = text.includes('\u0000') ? text.replace(/\u0000/g, '') : text;
  return LONE_SURROGATE.test(withoutNul) ? withoutNul.replace(LONE_SURROGATES, '\uFFFD') : withoutNul;
}

/** storableText applied to every string and object key of a JSON-like value. */
export function storableValue<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => storableValue(v)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [storableText(k), storableValue(v)])) as T;
  }
  return value;
}
