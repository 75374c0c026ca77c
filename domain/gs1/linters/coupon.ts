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

/** Reads fields one after another, stopping at the first problem. */
class Cursor {
  at = 0;
  constructor(readonly data: string) {}
  get done(): boolean {
    return this.at >= this.data.length;
  }
  peek(): string | undefined {
    return this.data[this.at];
  }
  /** One digit, checked; `missing` and `invalid` name the field for the message. */
  digit(what: string, ok: (d: number) => boolean): number | LintProblem {
    if (this.done) return { message: `missing ${what}`, position: this.at };
    const d = this.data.charCodeAt(this.at) - 48;
    if (!ok(d)) return { message: `invalid ${what}`, position: this.at };
    this.at++;
    return d;
  }
  take(length: number, what: string): string | LintProblem {
    if (this.data.length - this.at < length) return { message: `${what} is cut short`, position: this.at };
    const part = this.data.slice(this.at, this.at + length);
    this.at += length;
    return part;
  }
}

const failed = (v: unknown): v is LintProblem => typeof v === 'object' && v !== null && 'message' in v;
const gcp = (part: string, at: number): LintProblem | null => (/^\d{4}/.test(part) ? null : { message: 'does not start with a valid GS1 Company Prefix', position: at });

function purchase(c: Cursor, nth: string, withGcp: boolean): LintProblem | null {
  const length = c.digit(`${nth} purchase requirement length`, (d) => d >= 1 && d <= 5);
  if (failed(length)) return length;
  const value = c.take(length, `${nth} purchase requirement`);
  if (failed(value)) return value;
  const code = c.digit(`${nth} purchase requirement code`, (d) => d <= 4 || d === 9);
  if (failed(code)) return code;
  const family = c.take(3, `${nth} purchase family code`);
  if (failed(family)) return family;
  if (!withGcp) return null;
  const gcpLength = c.digit(`${nth} purchase company prefix length`, (d) => d <= 6 || d === 9);
  if (failed(gcpLength)) return gcpLength;
  if (gcpLength === 9) return null;
  const at = c.at;
  const prefix = c.take(gcpLength + 6, `${nth} purchase company prefix`);
  return failed(prefix) ? prefix : gcp(prefix, at);
}

/**
 * AI (8110): the North American coupon code: company prefix, offer code, save value and the
 * first purchase requirement, then optional fields 1 (second purchase), 2 (third purchase),
 * 3 (expiry), 4 (start), 5 (serial), 6 (retailer) and 9 (miscellaneous), each at most once, in
 * that order.
 */
export function couponCode(data: string): LintProblem | null {
  const bad = /\D/.exec(data);
  if (bad) return { message: 'must be digits only', position: bad.index };
  const c = new Cursor(data);
  const gcpLength = c.digit('company prefix length', (d) => d <= 6);
  if (failed(gcpLength)) return gcpLength;
  const gcpAt = c.at;
  const prefix = c.take(gcpLength + 6, 'company prefix');
  if (failed(prefix)) return prefix;
  const gcpProblem = gcp(prefix, gcpAt);
  if (gcpProblem) return gcpProblem;
  const offer = c.take(6, 'offer code');
  if (failed(offer)) return offer;
  const saveLength = c.digit('save value length', (d) => d >= 1 && d <= 5);
  if (failed(saveLength)) return saveLength;
  const save = c.take(saveLength, 'save value');
  if (failed(save)) return save;
  const first = purchase(c, 'first', false);
  if (first) return first;
  if (c.peek() === '1') {
    c.at++;
    const rules = c.digit('additional purchase rules code', (d) => d <= 3);
    if (failed(rules)) return rules;
    const second = purchase(c, 'second', true);
    if (second) return second;
  }
  if (c.peek() === '2') {
    c.at++;
    const third = purchase(c, 'third', true);
    if (third) return third;
  }
  let expiry: string | undefined;
  if (c.peek() === '3') {
    c.at++;
    const at = c.at;
    const date = c.take(6, 'expiration date');
    if (failed(date)) return date;
    if (!couponDate(date)) return { message: 'invalid expiration date', position: at };
    expiry = date;
  }
  if (c.peek() === '4') {
    c.at++;
    const at = c.at;
    const date = c.take(6, 'start date');
    if (failed(date)) return date;
    if (!couponDate(date)) return { message: 'invalid start date', position: at };
    if (expiry !== undefined && date > expiry) return { message: 'expires before it starts', position: at };
  }
  if (c.peek() === '5') {
    c.at++;
    const length = c.digit('serial number length', () => true);
    if (failed(length)) return length;
    const serial = c.take(length + 6, 'serial number');
    if (failed(serial)) return serial;
  }
  if (c.peek() === '6') {
    c.at++;
    const length = c.digit('retailer company prefix or GLN length', (d) => d >= 1 && d <= 7);
    if (failed(length)) return length;
    const at = c.at;
    const retailer = c.take(length + 6, 'retailer company prefix or GLN');
    if (failed(retailer)) return retailer;
    const problem = gcp(retailer, at);
    if (problem) return problem;
  }
  if (c.peek() === '9') {
    c.at++;
    const code = c.digit('save value code', (d) => [0, 1, 2, 5, 6].includes(d));
    if (failed(code)) return code;
    const appliesTo = c.digit('save value applies to item', (d) => d <= 2);
    if (failed(appliesTo)) return appliesTo;
    const store = c.digit('store coupon flag', () => true);
    if (failed(store)) return store;
    const multiply = c.digit("don't multiply flag", (d) => d <= 1);
    if (failed(multiply)) return multiply;
  }
  return c.done ? null : { message: 'unexpected data after the last field', position: c.at };
}

/** YYMMDD with a real day (no 00); the century does not matter for the calendar check but Feb 29. */
function couponDate(v: string): boolean {
  const month = Number(v.slice(2, 4));
  const day = Number(v.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return false;
  const year = 2000 + Number(v.slice(0, 2));
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
