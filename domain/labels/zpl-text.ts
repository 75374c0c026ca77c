/** The ^FH hex indicator layout text uses: never a GS1 character, so no barcode data is near it. */
export const TEXT_HEX_INDICATOR = '\\';

const utf8 = new TextEncoder();
const hex = (byte: number) => byte.toString(16).toUpperCase().padStart(2, '0');

/**
 * Field data for a ^FH field: `^` and `~` would start a ZPL command, the indicator itself would
 * start a hex pair, and anything outside printable ASCII goes as its UTF-8 bytes (the format
 * sets ^CI28), so no text a user types can break the label.
 */
export function hexEscapeText(text: string, indicator: string = TEXT_HEX_INDICATOR): string {
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f && code !== 0x5e && code !== 0x7e && text[i] !== indicator) continue;
    out += text.slice(plainFrom, i);
    const isPair = code >= 0xd800 && code < 0xdc00 && i + 1 < text.length;
    const char = isPair ? text.slice(i, i + 2) : text[i]!;
    for (const byte of utf8.encode(char)) out += indicator + hex(byte);
    if (isPair) i++;
    plainFrom = i + 1;
  }
  return plainFrom === 0 ? text : out + text.slice(plainFrom);
}
