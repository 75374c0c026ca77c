import { describe, expect, it } from 'vitest';
import { filtersOf } from './filters';

describe('filtersOf', () => {
  it('offers each value once, labelled, in label order', () => {
    const rows = [{ s: 'picking' }, { s: 'open' }, { s: 'picking' }, { s: 'done' }];
    const label = (v: string) => ({ open: 'Not started', picking: 'Picking', done: 'Complete' })[v] ?? v;
    expect(filtersOf(rows, (r) => r.s, label)).toEqual([
      { text: 'Complete', value: 'done' },
      { text: 'Not started', value: 'open' },
      { text: 'Picking', value: 'picking' },
    ]);
  });

  it('offers nothing for no rows', () => {
    expect(filtersOf([], String, String)).toEqual([]);
  });
});
