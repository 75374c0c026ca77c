/**
 * Text from the record shown on a terminal: control characters (ESC could move the cursor,
 * recolour or hide what follows), DEL, C1 controls, lone surrogates and the bidirectional
 * overrides are written as \u escapes so what an auditor reads is what is stored.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\uD800-\uDFFF]/g, (ch, offset: number, whole: string) => {
    const code = ch.charCodeAt(0);
    // A surrogate that is half of a proper pair is a normal character.
    if (code >= 0xd800 && code <= 0xdbff && /[\uDC00-\uDFFF]/.test(whole[offset + 1] ?? '')) return ch;
    if (code >= 0xdc00 && code <= 0xdfff && /[\uD800-\uDBFF]/.test(whole[offset - 1] ?? '')) return ch;
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
