import { describe, expect, it } from 'vitest';
import { bandIndex, bandProblems, type DayBand } from './bands';
import { DEFAULT_DASHBOARD_SETTINGS, settingsProblems } from './settings';
import { fromScaled, toScaled } from './amount';

const open = (from: number): DayBand => ({ from, to: null });
const band = (from: number, to: number): DayBand => ({ from, to });

describe('day bands', () => {
  it.each([
    ['the default expiry bands', DEFAULT_DASHBOARD_SETTINGS.expiryBands, []],
    ['one open band', [open(0)], []],
    ['single-day bands', [band(0, 0), band(1, 1), open(2)], []],
    ['no bands', [], ['empty']],
    ['a gap between 30 and 40', [band(0, 30), open(41)], ['gap']],
    ['an overlap at 30', [band(0, 30), band(30, 90), open(91)], ['overlap']],
    ['a band ending before it starts', [band(0, 30), band(31, 20), open(21)], ['not_increasing']],
    ['a first band not at day 0', [band(1, 30), open(31)], ['first_not_zero']],
    ['a closed last band', [band(0, 30), band(31, 90)], ['last_not_open']],
    ['an open band before the last', [open(0), open(31)], ['open_before_last', 'overlap']],
    ['negative days', [band(-5, 30), open(31)], ['not_whole_days']],
    ['fractional days', [band(0, 30.5), open(31)], ['not_whole_days']],
    ['days past fifty years', [band(0, 2 ** 31), open(2 ** 31 + 1)], ['not_whole_days', 'not_whole_days']],
    ['thirteen bands', [...Array.from({ length: 12 }, (_, i) => band(i, i)), open(12)], ['too_many']],
  ] as [string, DayBand[], string[]][])('%s', (_, bands, codes) => {
    expect(bandProblems(bands).map((p) => p.code)).toEqual(codes);
  });

  it('names every problem with its band, not just the first', () => {
    const problems = bandProblems([band(5, 30), band(40, 35), band(36, 90)]);
    expect(problems.map((p) => [p.index, p.code])).toEqual([
      [0, 'first_not_zero'],
      [1, 'not_increasing'],
      [1, 'gap'],
      [2, 'last_not_open'],
    ]);
    expect(problems[2]!.message).toBe('Days 31-39 fall between band 1 and band 2.');
  });

  it.each([
    [-3, 0],
    [0, 0],
    [30, 0],
    [31, 1],
    [180, 2],
    [181, 3],
    [2 ** 31, 3],
  ])('day %i falls in band %i of the defaults', (days, index) => {
    expect(bandIndex(days, DEFAULT_DASHBOARD_SETTINGS.expiryBands)).toBe(index);
  });
});

describe('site settings', () => {
  it('refuses day counts out of range, naming the field', () => {
    const problems = settingsProblems({ ...DEFAULT_DASHBOARD_SETTINGS, deadStockDays: 0, longHoldDays: 1.5, ageingBands: [band(0, 10)] });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['ageingBands', 'last_not_open'],
      ['deadStockDays', 'out_of_range'],
      ['longHoldDays', 'out_of_range'],
    ]);
  });
});

describe('exact amounts', () => {
  it.each([
    ['12.500', 3, 12500n, '12.5'],
    ['-0.001', 3, -1n, '-0.001'],
    ['0', 7, 0n, '0'],
    ['999999999999999.999', 3, 999999999999999999n, '999999999999999.999'],
    ['123.4567000', 7, 1234567000n, '123.4567'],
  ])('%s at scale %i', (text, scale, scaled, shortest) => {
    expect(toScaled(text, scale)).toBe(scaled);
    expect(fromScaled(scaled, scale)).toBe(shortest);
  });

  it('refuses text that is not a decimal or carries more decimals than the scale', () => {
    expect(() => toScaled('1e3', 3)).toThrow();
    expect(() => toScaled('0.0001', 3)).toThrow();
  });
});
