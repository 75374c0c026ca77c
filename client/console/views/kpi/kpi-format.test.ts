import { describe, expect, it } from 'vitest';
import { kpiNumber, onTarget, periodQuery, periodShown } from './kpi-format';

describe('KPI figures for reading', () => {
  it.each([
    [97.456, 'percent', 'en', '97.5'],
    [1234.4, 'ms', 'en', '1,234'],
    [1234.4, 'ms', 'zh-CN', '1,234'],
    [2.345, 'ratio', 'en', '2.35'],
    [12, 'count', 'en', '12'],
    [0, 'hours', 'en', '0'],
    [3.25, 'days', 'de-DE', '3,3'],
  ] as const)('%d %s in %s reads %s', (value, unit, locale, expected) => {
    expect(kpiNumber(value, unit, locale)).toBe(expected);
  });
});

describe('the period picked and the period asked for', () => {
  it('asks for the day after the last day picked, across a month and a year end', () => {
    expect(periodQuery('2026-01-01', '2026-01-31')).toEqual({ from: '2026-01-01', to: '2026-02-01' });
    expect(periodQuery('2025-12-01', '2025-12-31')).toEqual({ from: '2025-12-01', to: '2026-01-01' });
    expect(periodQuery('2024-02-28', '2024-02-29')).toEqual({ from: '2024-02-28', to: '2024-03-01' });
  });
  it('shows the API’s period with its last day included', () => {
    expect(periodShown({ from: '2026-01-01', to: '2026-02-01' })).toEqual({ first: '2026-01-01', last: '2026-01-31' });
    expect(periodShown(periodQuery('2026-03-01', '2026-03-01'))).toEqual({ first: '2026-03-01', last: '2026-03-01' });
  });
});

describe('a figure against its target band', () => {
  it.each([
    [95, { min: 95, max: 100 }, true],
    [94.9, { min: 95, max: 100 }, false],
    [null, { min: 95, max: 100 }, null],
    [50, null, null],
  ] as const)('%s in %j: %s', (value, target, expected) => {
    expect(onTarget(value, target)).toBe(expected);
  });
});
