import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, hasValidCheck } from './check-character';
import { formatNumber, parseRule, periodKey, type NumberRule } from './rule';

const rule = (pattern: string, extra: Partial<NumberRule> = {}): NumberRule => ({ pattern, reset: 'day', siteCode: 'SH', lineCode: 'L2', check: 'none', ...extra });

function make(r: NumberRule, today: string, counter: number): string {
  const parsed = parseRule(r);
  if (!parsed.ok) throw new Error(parsed.reason);
  return formatNumber(r, parsed, today, counter);
}

describe('number rules', () => {
  it('fills date parts, site and line codes and the zero-padded counter', () => {
    expect(make(rule('{SITE}{LINE}-{YYMMDD}-{SEQ:4}'), '2026-11-23', 7)).toBe('SHL2-261123-0007');
    expect(make(rule('P{YYYY}{MM}{DD}{SEQ:3}'), '2026-02-05', 12)).toBe('P20260205012');
    expect(make(rule('{Y}{JJJ}{SEQ:5}'), '2026-12-31', 1)).toBe('636500001');
    expect(make(rule('{YY}{JJJ}{SEQ:2}'), '2028-12-31', 1)).toBe('2836601');
    expect(make(rule('{YYMM}{SEQ:4}'.replace('{YYMM}', '{YY}{MM}'), { reset: 'month' }), '2026-11-23', 1)).toBe('26110001');
  });

  it('appends a check character that catches every single-character slip', () => {
    const luhn = make(rule('{YYMMDD}{SEQ:4}', { check: 'mod10' }), '2026-11-23', 42);
    expect(luhn).toBe(`2611230042${checkCharacter('mod10', '2611230042')}`);
    expect(hasValidCheck('mod10', '79927398713')).toBe(true); // the textbook Luhn example
    const alnum = make(rule('{SITE}{YYMMDD}{SEQ:3}{CHECK}', { check: 'mod37' }), '2026-11-23', 5);
    expect(alnum).toMatch(/^SH261123005[0-9A-Z]$/);
    expect(hasValidCheck('mod37', alnum)).toBe(true);
    const chars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 18 }), fc.nat(), fc.nat(), (body, at, by) => {
        const value = body + checkCharacter('mod37', body);
        const i = at % value.length;
        const replacement = chars[(chars.indexOf(value[i]!) + 1 + (by % 35)) % 36]!;
        expect(hasValidCheck('mod37', value.slice(0, i) + replacement + value.slice(i + 1))).toBe(false);
      }),
    );
  });

  it.each([
    [rule('{YYMMDD}'), 'the pattern needs exactly one counter part {SEQ:n}'],
    [rule('{SEQ:3}{SEQ:3}'), 'the pattern needs exactly one counter part {SEQ:n}'],
    [rule('{YY}{MM}{SEQ:4}'), 'a counter that resets every day needs the date parts of a day in the pattern, or numbers repeat'],
    [rule('{SEQ:4}', { reset: 'year' }), 'a counter that resets every year needs the date parts of a year in the pattern, or numbers repeat'],
    [rule('{YYMMDD}{SEQ:4}{WEEK}'), 'unknown part {WEEK}'],
    [rule('{YYMMDD{SEQ:4}'), 'unknown part {YYMMDD{SEQ:4}'],
    [rule('LOT {YYMMDD}{SEQ:4}'), 'the pattern, site or line code has characters GS1 does not allow in a lot or serial number'],
    [rule('{SITE}{LINE}{YYYY}{MM}{DD}{SEQ:12}'), 'the numbers would be 24 characters; GS1 allows 20'],
    [rule('{CHECK}{YYMMDD}{SEQ:4}', { check: 'mod10' }), '{CHECK} must be the last part'],
    [rule('{SITE}{YYMMDD}{SEQ:4}', { check: 'mod10' }), 'a mod10 check character needs an all-digit number'],
    [rule('{YYMMDD}{SEQ:4}{CHECK}'), '{CHECK} needs a check character kind (mod10 or mod37)'],
  ])('refuses %o: %s', (r, reason) => {
    expect(parseRule(r)).toEqual({ ok: false, reason });
  });

  it('refuses a counter that no longer fits, instead of wrapping round to a used number', () => {
    expect(() => make(rule('{YYMMDD}{SEQ:2}'), '2026-11-23', 100)).toThrow('counter 100 does not fit 2 digits');
  });

  it('keys counters by the reset period', () => {
    expect(periodKey('day', '2026-11-23')).toBe('2026-11-23');
    expect(periodKey('month', '2026-11-23')).toBe('2026-11');
    expect(periodKey('year', '2026-11-23')).toBe('2026');
    expect(periodKey('never', '2026-11-23')).toBe('-');
  });

  it('property: distinct counters in one period give distinct numbers', () => {
    const r = rule('{SITE}{YYMMDD}{SEQ:5}{CHECK}', { check: 'mod37' });
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 99_999 }), { minLength: 2, maxLength: 50 }), (counters) => {
        const made = counters.map((c) => make(r, '2026-11-23', c));
        expect(new Set(made).size).toBe(counters.length);
      }),
    );
  });
});
