import { describe, expect, it } from 'vitest';
import { DEFAULT_DASHBOARD_SETTINGS } from '../../../../domain/dashboard/settings';
import { problemField, problemsOf, settingsOf, valuesOf } from './settings-form';

describe('the settings form', () => {
  it('sends back what it was given', () => {
    expect(settingsOf(valuesOf(DEFAULT_DASHBOARD_SETTINGS))).toEqual(DEFAULT_DASHBOARD_SETTINGS);
  });

  it('sends an empty "to" as an open-ended band and an empty day box as no number', () => {
    const sent = settingsOf({ ...valuesOf(DEFAULT_DASHBOARD_SETTINGS), expiryBands: [{ from: 0, to: null }], longHoldDays: null });
    expect(sent.expiryBands).toEqual([{ from: 0, to: null }]);
    expect(JSON.parse(JSON.stringify(sent)).longHoldDays).toBeNull();
  });

  it.each([
    [{ field: 'expiryBands', index: 2 }, ['expiryBands', 2, 'from']],
    [{ field: 'longHoldDays' }, ['longHoldDays']],
  ] as const)('marks %j at %j', (problem, path) => {
    expect(problemField(problem)).toEqual(path);
  });

  it('keeps only problems of the documented shape from a refusal', () => {
    const good = { field: 'expiryBands', index: 1, code: 'gap', message: 'Days 31-40 fall between band 1 and band 2.' };
    expect(problemsOf({ problems: [good, { field: 3 }, null, 'gap'] })).toEqual([good]);
    expect(problemsOf({})).toEqual([]);
  });
});
