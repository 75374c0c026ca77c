import { describe, expect, it } from 'vitest';
import { groupDecimal } from './decimal';

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
