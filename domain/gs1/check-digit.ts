/** GS1 mod-10 check digit of the digits given (the check digit itself not included). */
export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) sum += (digits.charCodeAt(i) - 48) * weight;
  return (10 - (sum % 10)) % 10;
}

export const gtinCheckDigit = (gtinWithoutCheck: string) => gs1CheckDigit(gtinWithoutCheck);

export function isValidGtin(gtin: string): boolean {
  return /^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(gtin) && gs1CheckDigit(gtin.slice(0, -1)) === gtin.charCodeAt(gtin.length - 1) - 48;
}

/** GTIN-8/12/13 as the 14 digits AI (01) carries. */
export function toGtin14(gtin: string): string {
  return gtin.padStart(14, '0');
}

/** A 13-digit Global Location Number with its check digit right. */
export function isValidGln(gln: string): boolean {
  return /^\d{13}$/.test(gln) && gs1CheckDigit(gln.slice(0, 12)) === gln.charCodeAt(12) - 48;
}

/** GS1 character set 82 in the order that gives each character its value in a check pair. */
const CSET82_ORDER = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
/** Check characters: digits and capitals that cannot be misread for one another (no 0, 1, I, O). */
const CHECK_PAIR_CHARACTERS = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const PRIME_WEIGHTS = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233, 239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313, 317, 331, 337, 347, 349, 353, 359, 367, 373, 379, 383, 389, 397, 401, 409, 419, 421, 431, 433, 439, 443, 449, 457, 461, 463, 467, 479, 487, 491, 499, 503, 509];

/** The longest text a check character pair can be made for. */
export const CHECK_PAIR_MAX_BODY = PRIME_WEIGHTS.length;

/**
 * The GS1 check character pair (GMN, AI 8013, and the other csumalpha AIs): each character's
 * value in character set 82 weighted by a prime, 2 for the rightmost and rising leftward, the sum
 * modulo 1021 written as two 5-bit halves. Returns the position of the first character outside
 * set 82 instead when there is one. A body longer than CHECK_PAIR_MAX_BODY has no pair.
 */
export function checkCharacterPair(body: string): { pair: string } | { outside: number } {
  let sum = 0;
  for (let at = 0; at < body.length; at++) {
    const value = CSET82_ORDER.indexOf(body[at]!);
    if (value === -1) return { outside: at };
    sum += value * PRIME_WEIGHTS[body.length - 1 - at]!;
  }
  sum %= 1021;
  return { pair: CHECK_PAIR_CHARACTERS[sum >> 5]! + CHECK_PAIR_CHARACTERS[sum & 31]! };
}

/** Whether a character can stand in a check character pair. */
export const isCheckPairCharacter = (c: string) => c.length === 1 && CHECK_PAIR_CHARACTERS.includes(c);
