/** Text and attribute values escaped for XML 1.0. */
export function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * The first character XML 1.0's Char production excludes (controls other than tab, line feed
 * and carriage return; lone surrogates; U+FFFE and U+FFFF), or null. No escape can carry these:
 * a document holding one is not well-formed, so such text is refused rather than written.
 */
export function xmlForbiddenCharacter(value: string): string | null {
  const found = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(value);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : null;
}
