import { describe, expect, it } from 'vitest';
import { drillAgreement } from './drill-state';

describe('rows listed against the figure clicked', () => {
  it.each([
    [12, 12, true, false, 'same'],
    [12, 12, true, null, 'same'],
    [12, 13, true, true, 'differs'],
    [12, 11, true, false, 'differs'],
    [12, 12, true, true, 'changed'],
    [5000, 500, false, true, 'changed'],
    [5000, 500, false, false, 'same'],
    [0, 0, true, false, 'same'],
  ] as const)('figure %i, %i rows listed (all in: %s, server says changed: %s) -> %s', (figure, rows, complete, changed, expected) => {
    expect(drillAgreement({ rows: figure }, { rows, complete, changed })).toBe(expected);
  });
});
