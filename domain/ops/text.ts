/**
 * Text PostgreSQL cannot store as it was sent: NUL, and UTF-16 surrogates without their pair
 * (a JavaScript string may hold them; the database refuses them or stores U+FFFD instead).
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

export const hasUnstorableText = (text: string): boolean => UNSTORABLE.test(text);

/** The text with each NUL and unpaired surrogate replaced by U+FFFD, as a record of what was sent. */
export const storableText = (text: string): string => text.replace(UNSTORABLE_ALL, '\uFFFD');

/** The path of the first string or key in a JSON value that the database cannot store, or null. */
export function findUnstorableText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return hasUnstorableText(value) ? path || '(text)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const here = path ? `${path}.${storableText(key)}` : storableText(key);
      if (hasUnstorableText(key)) return here;
      const found = findUnstorableText(v, here);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A JSON value with every string and key made storable. */
export function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storableJson(v)]));
  return value;
}
