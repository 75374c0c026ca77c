/**
 * The GS1 Global Model Number (AI 8013), the carrier GS1 gives a Basic UDI-DI: a GS1 Company
 * Prefix, a model reference and two check characters. Its check is not the mod-10 digit of the
 * other GS1 keys: each character's value in character set 82 is weighted by a prime, the
 * rightmost by 2 and rising leftward, the sum taken modulo 1021, and the result's two 5-bit
 * halves written in the 32 characters that cannot be misread for one another (GS1 General
 * Specifications 7.9.5).
 */

/** GS1 character set 82 in the order that gives each character its value. */
const CSET82_ORDER = '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
/** The check characters: digits and capitals without 0, 1, I and O. */
const CHECK_CHARACTERS = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const PRIME_WEIGHTS = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83] as const;
const MODULUS = 1021;

/** A GMN is at most 25 characters with its check pair. */
export const GMN_MAX_LENGTH = 25;
/** GS1 Company Prefixes that carry a GMN are at least 5 digits long. */
const PREFIX_MIN_DIGITS = 5;

export type GmnProblem =
  | { code: 'too_short'; message: string }
  | { code: 'too_long'; message: string }
  | { code: 'prefix_not_digits'; position: number; message: string }
  | { code: 'not_cset82'; position: number; message: string }
  | { code: 'bad_check_character'; position: number; message: string }
  | { code: 'wrong_check_pair'; expected: string; message: string };

export type GmnResult<T> = ({ ok: true } & T) | ({ ok: false } & GmnProblem);

/** Why a GMN without its check pair cannot be one, or null. */
function bodyProblem(body: string): GmnProblem | null {
  if (body.length < PREFIX_MIN_DIGITS + 1)
    return {
      code: 'too_short',
      message: `a GMN needs a company prefix of ${PREFIX_MIN_DIGITS} digits or more and a model reference`,
    };
  if (body.length > GMN_MAX_LENGTH - 2)
    return {
      code: 'too_long',
      message: `a GMN has at most ${GMN_MAX_LENGTH} characters with its check pair`,
    };
  for (let i = 0; i < PREFIX_MIN_DIGITS; i++) {
    const c = body.charCodeAt(i);
    if (c < 48 || c > 57)
      return {
        code: 'prefix_not_digits',
        position: i,
        message: `'${body[i]}' at position ${i + 1}: a GMN starts with the digits of a GS1 Company Prefix`,
      };
  }
  for (let i = 0; i < body.length; i++) {
    if (!CSET82_ORDER.includes(body[i]!))
      return {
        code: 'not_cset82',
        position: i,
        message: `'${body[i]}' at position ${i + 1} is not in GS1 character set 82`,
      };
  }
  return null;
}

function pairOf(body: string): string {
  let sum = 0;
  for (let fromRight = 0; fromRight < body.length; fromRight++) {
    sum += CSET82_ORDER.indexOf(body[body.length - 1 - fromRight]!) * PRIME_WEIGHTS[fromRight]!;
  }
  sum %= MODULUS;
  return CHECK_CHARACTERS[sum >> 5]! + CHECK_CHARACTERS[sum & 31]!;
}

/** The check character pair of a GMN given without one. */
export function gmnCheckPair(body: string): GmnResult<{ pair: string }> {
  const problem = bodyProblem(body);
  return problem ? { ok: false, ...problem } : { ok: true, pair: pairOf(body) };
}

/** A GMN given with its check pair: whether the pair is the one its characters make. */
export function checkGmn(gmn: string): GmnResult<Record<never, never>> {
  if (gmn.length < 2)
    return {
      ok: false,
      code: 'too_short',
      message: 'a GMN ends in two check characters',
    };
  const body = gmn.slice(0, -2);
  const problem = bodyProblem(body);
  if (problem) return { ok: false, ...problem };
  for (let i = gmn.length - 2; i < gmn.length; i++) {
    if (!CHECK_CHARACTERS.includes(gmn[i]!))
      return {
        ok: false,
        code: 'bad_check_character',
        position: i,
        message: `'${gmn[i]}' at position ${i + 1} cannot be a GMN check character`,
      };
  }
  const expected = pairOf(body);
  return gmn.endsWith(expected)
    ? { ok: true }
    : {
        ok: false,
        code: 'wrong_check_pair',
        expected,
        message: `the check pair is ${gmn.slice(-2)}, the characters before it make ${expected}`,
      };
}

export const isValidGmn = (gmn: string): boolean => checkGmn(gmn).ok;
