import { describe, expect, it } from 'vitest';
import { composeSscc, isValidSscc, nextReferences, serialReferenceDigits, ssccCapacity } from '.';

describe('SSCC', () => {
  it('puts the extension digit first and the check digit last, the serial reference padded between', () => {
    expect(composeSscc(1, '0614141', 123456789n)).toBe('106141411234567897');
    expect(composeSscc(0, '0614141', 0n)).toBe('006141410000000005');
    expect(isValidSscc('106141411234567897')).toBe(true);
    expect(isValidSscc('106141411234567890')).toBe(false);
    expect(isValidSscc('10614141123456789')).toBe(false);
  });

  it('leaves 16 digits less the prefix for the serial reference', () => {
    expect(serialReferenceDigits('0614141')).toBe(9);
    expect(ssccCapacity('061414112345')).toBe(10_000n);
    expect(ssccCapacity('030001')).toBe(10_000_000_000n);
  });

  it('refuses what does not fit', () => {
    expect(() => composeSscc(10, '0614141', 1n)).toThrow(/extension digit/);
    expect(() => composeSscc(1, '06141', 1n)).toThrow(/6 to 12 digits/);
    expect(() => composeSscc(1, '061414112345', 10_000n)).toThrow(/does not fit in 4 digits/);
  });

  it('runs the counter round the capacity', () => {
    expect(nextReferences(9_998n, 4, 10_000n)).toEqual([9_998n, 9_999n, 0n, 1n]);
    expect(nextReferences(2_147_483_647n, 2, 10n ** 10n)).toEqual([2_147_483_647n, 2_147_483_648n]);
  });
});
