import { describe, expect, it } from 'vitest';
import { DRILL_PASS_BAND, drillPasses, drillPercent, drillTimings, formatStopwatch } from './drill';

describe('drill pass band', () => {
  it.each([
    [99.49, false],
    [99.5, true],
    [100, true],
    [101.5, true],
    [101.51, false],
    [null, false],
  ])('%s %% accounted for passes: %s', (percent, passes) => {
    expect(drillPasses(percent)).toBe(passes);
  });

  it('is 99.5 to 101.5 %', () => expect(DRILL_PASS_BAND).toEqual({ min: 99.5, max: 101.5 }));

  it.each([
    [995, 1000, 99.5],
    [9949, 10000, 99.49],
    [1015, 1000, 101.5],
    [1, 3, 33.33],
    [0, 0, null],
  ])('%s accounted of %s brought in is %s %%', (accounted, broughtIn, percent) => {
    expect(drillPercent(accounted, broughtIn)).toBe(percent);
  });

  it('a drill at the edge computed from quantities still passes, one unit short of it fails', () => {
    expect(drillPasses(drillPercent(199, 200))).toBe(true);
    expect(drillPasses(drillPercent(19_898, 20_000))).toBe(false);
  });
});

describe('drill stopwatch', () => {
  it('reads each part from the start', () => {
    expect(
      drillTimings({ startedAt: '2026-06-02T08:00:00.000Z', scopeReadyAt: '2026-06-02T08:00:00.250Z', consigneesReadyAt: '2026-06-02T08:00:00.300Z', balanceReadyAt: '2026-06-02T08:00:01.500Z' }),
    ).toEqual({ scopeMs: 250, consigneesMs: 300, balanceMs: 1500 });
  });

  it('refuses a part ready before the start', () => {
    expect(() => drillTimings({ startedAt: '2026-06-02T08:00:01Z', scopeReadyAt: '2026-06-02T08:00:00Z', consigneesReadyAt: '2026-06-02T08:00:01Z', balanceReadyAt: '2026-06-02T08:00:01Z' })).toThrow(RangeError);
  });

  it.each([
    [850, '850 ms'],
    [2440, '2.4 s'],
    [65_000, '1 min 05 s'],
  ])('%s ms reads %s', (ms, text) => expect(formatStopwatch(ms)).toBe(text));
});
