import { describe, expect, it } from 'vitest';
import { MAX_PERIOD_DAYS, epochDay, parsePeriod } from './period';

const TODAY = '2025-06-15';

describe('parsePeriod', () => {
  it.each([
    [{ from: '2025-05-01', to: '2025-06-01' }, { from: '2025-05-01', to: '2025-06-01', days: 31 }],
    // up to and with today
    [{ from: '2025-06-15', to: '2025-06-16' }, { from: '2025-06-15', to: '2025-06-16', days: 1 }],
    // the last 30 days up to today when nothing is asked
    [{}, { from: '2025-05-17', to: '2025-06-16', days: 30 }],
    [{ to: '2025-03-01' }, { from: '2025-01-30', to: '2025-03-01', days: 30 }],
    // a leap year's February
    [{ from: '2024-02-01', to: '2024-03-01' }, { from: '2024-02-01', to: '2024-03-01', days: 29 }],
    // three years with a leap day are allowed
    [{ from: '2022-06-16', to: '2025-06-16' }, { from: '2022-06-16', to: '2025-06-16', days: 1096 }],
  ])('%o is %o', (input, expected) => {
    expect(parsePeriod(input, TODAY)).toEqual({ ok: true, ...expected });
  });

  it.each([
    [{ from: '2025-02-30', to: '2025-03-01' }, 'invalid_date', 'from'],
    [{ from: '2025-06-01', to: '2025-13-01' }, 'invalid_date', 'to'],
    [{ from: '20250601', to: '2025-06-10' }, 'invalid_date', 'from'],
    [{ from: '２０２５-06-01', to: '2025-06-10' }, 'invalid_date', 'from'],
    [{ from: '2025-06-01\u0000', to: '2025-06-10' }, 'invalid_date', 'from'],
    [{ from: '', to: '2025-06-10' }, 'invalid_date', 'from'],
    [{ from: '1969-12-31', to: '2025-06-10' }, 'invalid_date', 'from'],
    [{ from: '2025-06-10', to: '2025-06-01' }, 'empty_period', 'from'],
    [{ from: '2025-06-10', to: '2025-06-10' }, 'empty_period', 'from'],
    [{ from: '2025-06-01', to: '2025-06-17' }, 'period_in_future', 'to'],
    [{ from: '2022-06-15', to: '2025-06-16' }, 'period_too_long', 'from'],
    [{ from: '2000-01-01', to: '2025-06-01' }, 'period_too_long', 'from'],
  ] as const)('%o is refused: %s on %s', (input, code, field) => {
    const result = parsePeriod(input, TODAY);
    expect(result).toMatchObject({ ok: false, code, field });
    expect(result.ok ? '' : result.message).toContain(field === 'to' ? 'to' : 'from');
  });

  it('caps the period at three years', () => {
    expect(MAX_PERIOD_DAYS).toBe(3 * 365 + 1);
    expect(epochDay('2025-06-16')! - epochDay('2022-06-16')!).toBe(MAX_PERIOD_DAYS);
  });
});
