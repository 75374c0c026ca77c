import type { LintProblem } from './index';

/** Reads a variable-length field: one length digit (plus offset), then that many digits. */
function vli(data: string, at: number, offset: number, maxDigit: number, what: string): { next: number } | LintProblem {
  if (at >= data.length) return { message: `missing ${what} length`, position: at };
  const digit = data.charCodeAt(at) - 48;
  if (digit > maxDigit) return { message: `invalid ${what} length`, position: at };
  const length = digit + offset;
  if (data.length - (at + 1) < length) return { message: `${what} is cut short`, position: at + 1 };
  return { next: at + 1 + length };
}

const isProblem = (r: { next: number } | LintProblem): r is LintProblem => 'message' in r;

/** AI (8112): paperless coupon code for point-of-sale offers. */
export function couponPosOffer(data: string): LintProblem | null {
  const bad = /\D/.exec(data);
  if (bad) return { message: 'must be digits only', position: bad.index };
  if (data.length === 0) return { message: 'missing format code', position: 0 };
  if (data[0] !== '0' && data[0] !== '1') return { message: 'format code must be 0 or 1', position: 0 };
  const funder = vli(data, 1, 6, 6, 'funder ID');
  if (isProblem(funder)) return funder;
  if (data.length - funder.next < 6) return { message: 'offer code is cut short', position: funder.next };
  const serial = vli(data, funder.next + 6, 6, 9, 'serial number');
  if (isProblem(serial)) return serial;
  return serial.next === data.length ? null : { message: 'unexpected data after the serial number', position: serial.next };
}

/**
 * AI (8110): North American coupon code. Checks the mandatory leading fields (company prefix,
 * offer code, save value, primary purchase requirement, requirement code, family code); the
 * optional data fields that may follow are checked to be digits only.
 */
export function couponCode(data: string): LintProblem | null {
  const bad = /\D/.exec(data);
  if (bad) return { message: 'must be digits only', position: bad.index };
  const gcp = vli(data, 0, 6, 6, 'company prefix');
  if (isProblem(gcp)) return gcp;
  if (data.length - gcp.next < 6) return { message: 'offer code is cut short', position: gcp.next };
  const save = vli(data, gcp.next + 6, 0, 5, 'save value');
  if (isProblem(save)) return save;
  if (save.next - (gcp.next + 7) < 1) return { message: 'save value length must be 1 to 5', position: gcp.next + 6 };
  const purchase = vli(data, save.next, 0, 5, 'primary purchase requirement');
  if (isProblem(purchase)) return purchase;
  if (purchase.next - (save.next + 1) < 1) return { message: 'primary purchase requirement length must be 1 to 5', position: save.next };
  const code = data[purchase.next];
  if (code === undefined) return { message: 'missing primary purchase requirement code', position: purchase.next };
  if (!'01234 9'.includes(code) || code === ' ') return { message: 'invalid primary purchase requirement code', position: purchase.next };
  if (data.length - (purchase.next + 1) < 3) return { message: 'family code is cut short', position: purchase.next + 1 };
  return null;
}
