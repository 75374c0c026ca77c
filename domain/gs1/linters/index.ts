import { CODE_LISTS } from '../ai-table.generated';
import { firstOutside } from '../charsets';
import { CHECK_PAIR_MAX_BODY, checkCharacterPair, gs1CheckDigit } from '../check-digit';
import { yymmdd, yyyymmdd, type DateContext } from '../dates';
import type { Gs1Detail } from '../types';
import { couponCode, couponPosOffer } from './coupon';

export interface LintProblem {
  message: string;
  detail?: Gs1Detail;
  /** Offset of the offending characters within the component. */
  position: number;
}

export type Linter = (value: string, context: DateContext) => LintProblem | null;

const problem = (message: string, position = 0, detail?: Gs1Detail): LintProblem => ({ message, position, ...(detail ? { detail } : {}) });
const digitsOnly = (v: string) => {
  const bad = firstOutside(v, 'N');
  return bad === -1 ? null : problem(`'${v[bad]}' at position ${bad + 1} is not a digit`, bad, { key: 'not_digit', params: { char: v[bad]!, position: bad + 1 } });
};
const inList = (list: readonly string[], what: string): Linter => {
  const set = new Set(list);
  return (v) => (set.has(v) ? null : problem(`${v} is not ${what}`, 0, { key: 'not_in_list', params: { value: v } }));
};
const badDate = (v: string, format: string) => problem(`${v} is not a valid date (${format})`, 0, { key: 'bad_date', params: { value: v } });
const range = (max: number, what: string): Linter => (v) => digitsOnly(v) ?? (v.length === 2 && Number(v) <= max ? null : problem(`${v} is not a valid ${what}`));

const GCP_MIN_LENGTH = 4;

function gcpFrom(v: string, start: number): LintProblem | null {
  if (v.length - start < GCP_MIN_LENGTH) return problem('too short to hold a GS1 Company Prefix', start);
  const bad = firstOutside(v, 'N', start, start + GCP_MIN_LENGTH);
  return bad === -1 ? null : problem('does not start with a valid GS1 Company Prefix', bad);
}

function ibanCheck(v: string): LintProblem | null {
  if (v.length < 4) return problem('an IBAN has at least 5 characters');
  if (!CODE_LISTS.iso3166alpha2.includes(v.slice(0, 2) as never)) return problem(`${v.slice(0, 2)} is not an IBAN country code`);
  if (v.length > 34) return problem('an IBAN has at most 34 characters');
  if (v.length <= 4) return problem('an IBAN has at least 5 characters');
  let remainder = 0;
  const rotated = v.slice(4) + v.slice(0, 4);
  for (let i = 0; i < rotated.length; i++) {
    const c = rotated[i]!;
    let n: number;
    if (c >= '0' && c <= '9') n = c.charCodeAt(0) - 48;
    else if (c >= 'A' && c <= 'Z') n = c.charCodeAt(0) - 55;
    else return problem(`'${c}' is not allowed in an IBAN`, (i + 4) % v.length);
    remainder = (n > 9 ? remainder * 100 + n : remainder * 10 + n) % 97;
  }
  return remainder === 1 ? null : problem('IBAN check digits are wrong', 2);
}

/**
 * The content checks the Syntax Dictionary names, by name. Each returns null when the component
 * passes, or what is wrong and where.
 */
export const LINTERS: Readonly<Record<string, Linter>> = {
  csetnumeric: digitsOnly,
  cset82: (v) => {
    const bad = firstOutside(v, 'X');
    return bad === -1 ? null : problem(`'${v[bad]}' at position ${bad + 1} is not in GS1 character set 82`, bad);
  },
  cset39: (v) => {
    const bad = firstOutside(v, 'Y');
    return bad === -1 ? null : problem(`'${v[bad]}' at position ${bad + 1} is not in GS1 character set 39`, bad);
  },
  cset64: (v) => {
    let pads = 0;
    while (pads < v.length && v[v.length - pads - 1] === '=') pads++;
    if (pads > 2 || (pads > 0 && v.length % 3 !== 0)) return problem('base64 padding is wrong', v.length - pads);
    const bad = firstOutside(v, 'Z', 0, v.length - pads);
    return bad === -1 ? null : problem(`'${v[bad]}' at position ${bad + 1} is not file-safe base64`, bad);
  },
  csum: (v) => {
    const bad = digitsOnly(v);
    if (bad) return bad;
    if (v.length < 2) return problem('too short for a check digit');
    const expected = gs1CheckDigit(v.slice(0, -1));
    return v.charCodeAt(v.length - 1) - 48 === expected ? null : problem(`check digit is ${v[v.length - 1]}, expected ${expected}`, v.length - 1, { key: 'check_digit', params: { found: v[v.length - 1]!, expected: String(expected) } });
  },
  csumalpha: (v) => {
    if (v.length < 2) return problem('too short for a check character pair');
    if (v.length > CHECK_PAIR_MAX_BODY + 2) return problem('too long for a check character pair');
    if (v.length === 2) return v === '22' ? null : problem('check character pair is wrong');
    const made = checkCharacterPair(v.slice(0, -2));
    if ('outside' in made) return problem(`'${v[made.outside]}' is not in GS1 character set 82`, made.outside);
    return v.slice(-2) === made.pair ? null : problem(`check character pair is ${v.slice(-2)}, expected ${made.pair}`, v.length - 2, { key: 'check_pair', params: { found: v.slice(-2), expected: made.pair } });
  },
  gcppos1: (v) => gcpFrom(v, 0),
  gcppos2: (v) => (v.length < 2 ? problem('too short to hold a GS1 Company Prefix') : gcpFrom(v, 1)),
  key: (v) => gcpFrom(v, 0),
  yymmdd: (v, ctx) => (yymmdd(v, false, ctx) ? null : badDate(v, 'YYMMDD')),
  yymmd0: (v, ctx) => (yymmdd(v, true, ctx) ? null : badDate(v, 'YYMMDD, DD may be 00')),
  yyyymmdd: (v) => (yyyymmdd(v, false) ? null : badDate(v, 'YYYYMMDD')),
  yyyymmd0: (v) => (yyyymmdd(v, true) ? null : badDate(v, 'YYYYMMDD, DD may be 00')),
  hh: range(23, 'hour'),
  mi: range(59, 'minute'),
  ss: range(59, 'second'),
  hhmi: (v) => digitsOnly(v) ?? (v.length === 4 && Number(v.slice(0, 2)) <= 23 && Number(v.slice(2)) <= 59 ? null : problem(`${v} is not a valid time (HHMM)`)),
  nonzero: (v) => digitsOnly(v) ?? (/^0*$/.test(v) ? problem('must not be zero') : null),
  zero: (v) => (/^0+$/.test(v) ? null : problem('must be zero')),
  nozeroprefix: (v) => digitsOnly(v) ?? (v[0] === '0' ? problem('must not start with 0') : null),
  yesno: (v) => (v === '0' || v === '1' ? null : problem('must be 0 (no) or 1 (yes)')),
  winding: (v) => (v === '0' || v === '1' || v === '9' ? null : problem('winding direction must be 0, 1 or 9')),
  hyphen: (v) => (v.length > 0 && /^-+$/.test(v) ? null : problem('must be a hyphen')),
  hasnondigit: (v) => (/[^0-9]/.test(v) ? null : problem('must contain a character that is not a digit')),
  pcenc: (v) => {
    for (let i = 0; i < v.length; i++) {
      if (v[i] === '%' && !/^[0-9A-Fa-f]{2}$/.test(v.slice(i + 1, i + 3))) return problem('invalid percent-encoding', i);
      if (v[i] === '%') i += 2;
    }
    return null;
  },
  pieceoftotal: (v) => {
    const bad = digitsOnly(v);
    if (bad) return bad;
    if (v.length === 0 || v.length % 2 !== 0) return problem('piece and total must have the same length');
    const piece = v.slice(0, v.length / 2);
    const total = v.slice(v.length / 2);
    if (/^0+$/.test(piece)) return problem('piece number must not be zero');
    if (/^0+$/.test(total)) return problem('total number of pieces must not be zero', v.length / 2);
    return piece > total ? problem(`piece ${Number(piece)} is more than the total ${Number(total)}`) : null;
  },
  posinseqslash: (v) => {
    const m = /^(\d+)\/(\d+)$/.exec(v);
    if (!m) return problem('must be position/total, e.g. 1/3');
    if (m[1]![0] === '0' || m[2]![0] === '0') return problem('must not start with 0');
    return Number(m[1]) > Number(m[2]) ? problem('position is after the end of the sequence') : null;
  },
  latitude: (v) => digitsOnly(v) ?? (v.length === 10 && Number(v) <= 1_800_000_000 ? null : problem('not a valid latitude')),
  longitude: (v) => digitsOnly(v) ?? (v.length === 10 && Number(v) <= 3_600_000_000 ? null : problem('not a valid longitude')),
  mediatype: (v) => {
    const n = /^\d\d$/.test(v) ? Number(v) : -1;
    return (n >= 1 && n <= 10) || (n >= 80 && n <= 99) ? null : problem(`${v} is not an AIDC media type`);
  },
  importeridx: (v) => (/^[-0-9A-Z_a-z]$/.test(v) ? null : problem('importer index must be one character of 0-9, A-Z, a-z, - or _')),
  iso3166: inList(CODE_LISTS.iso3166, 'an ISO 3166 country code'),
  iso3166999: (v, ctx) => (v === '999' ? null : LINTERS.iso3166!(v, ctx)),
  iso3166alpha2: inList(CODE_LISTS.iso3166alpha2, 'an ISO 3166 alpha-2 country code'),
  iso4217: inList(CODE_LISTS.iso4217, 'an ISO 4217 currency code'),
  iso5218: (v) => (['0', '1', '2', '9'].includes(v) ? null : problem('biological sex code must be 0, 1, 2 or 9')),
  packagetype: inList(CODE_LISTS.packagetype, 'a UN/ECE package type code'),
  iban: ibanCheck,
  couponcode: couponCode,
  couponposoffer: couponPosOffer,
};
