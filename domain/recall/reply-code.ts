/**
 * The one-time code a consignee answers a recall letter with. Crockford's base32 leaves out I, L,
 * O and U, so a code read off paper and typed on a phone has nothing to confuse; 20 characters
 * carry 100 bits, far beyond guessing at the rate the reply form allows.
 */
export const REPLY_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REPLY_CODE_LENGTH = 20;
const GROUP = 4;

/** The code from (at least) 13 bytes of key material, in groups of four: `7K3M-…`. */
export function replyCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length * 8 < REPLY_CODE_LENGTH * 5) throw new RangeError(`a reply code needs ${REPLY_CODE_LENGTH * 5} bits`);
  let out = '';
  for (let i = 0; i < REPLY_CODE_LENGTH; i++) {
    const bit = i * 5;
    const byte = bit >> 3;
    const word = (bytes[byte]! << 8) | (bytes[byte + 1] ?? 0);
    out += REPLY_CODE_ALPHABET[(word >> (11 - (bit & 7))) & 31];
  }
  return out.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

/**
 * A code as a person typed it, in the one form it is hashed in, or null when it cannot be a code
 * at all. Case, spaces and dashes do not matter, and the letters people put for the digits they
 * look like (O for 0, I and L for 1) are read as those digits.
 */
export function normalizeReplyCode(typed: string): string | null {
  const plain = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (plain.length !== REPLY_CODE_LENGTH) return null;
  for (const ch of plain) if (!REPLY_CODE_ALPHABET.includes(ch)) return null;
  return plain.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}
