import { checkCharacterPair, isCheckPairCharacter } from '../gs1/check-digit';
/**
 * The GS1 Global Model Number (AI 8013), the carrier GS1 gives a Basic UDI-DI: a GS1 Company
 * Prefix, a model reference and two check characters. Its check is not the mod-10 digit of the
 * other GS1 keys: each character's value in character set 82 is weighted by a prime, the
 * rightmost by 2 and rising leftward, the sum taken modulo 1021, and the result's two 5-bit
 * halves written in the 32 characters that cannot be misread for one another (GS1 General
 * Specifications 7.9.5).
 */


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
  const made = checkCharacterPair(body);
  if ('outside' in made)
    return {
      code: 'not_cset82',
      position: made.outside,
      message: `'${body[made.outside]}' at position ${made.outside + 1} is not in GS1 character set 82`,
    };
  return null;
}

/** The pair of a body bodyProblem passed: every character is in set 82, so there is one. */
function pairOf(body: string): string {
  const made = checkCharacterPair(body);
  if (!('pair' in made)) throw new Error(`no check pair for ${JSON.stringify(body)}`);
  return made.pair;
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
    if (!isCheckPairCharacter(gmn[i]!))
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
