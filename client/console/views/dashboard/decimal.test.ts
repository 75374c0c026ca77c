import { describe, expect, it } from 'vitest';
import { groupDecimal, trimFraction } from './decimal';

describe('decimal text for reading', () => {
  it.each([
    ['0', 'en', '0'],
    ['1250.5', 'en', '1,250.5'],
    ['12345678901234.5678', 'en', '12,345,678,901,234.5678'],
    ['-3000', 'en', '-3,000'],
    ['1250.50', 'zh-CN', '1,250.50'],
    ['1250.5', 'de-DE', '1.250,5'],
    ['not a number', 'en', 'not a number'],
  ])('%s in %s reads %s', (text, locale, expected) => {
    expect(groupDecimal(text, locale)).toBe(expected);
  });
});

describe('the zeros a fixed scale pads with', () => {
  it.each([
    ['300.000', '300'],
    ['2.500', '2.5'],
    ['-0.010', '-0.01'],
    ['100', '100'],
    ['0.000', '0'],
    ['abc.000', 'abc.000'],
  ])('%s reads %s', (text, expected) => {
    expect(trimFraction(text)).toBe(expected);
  });
});
