import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { readScan, type Gs1Detail, type Gs1ErrorCode } from '../../domain/gs1';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { describeScanProblem } from './scan-problem';

const CODES: Gs1ErrorCode[] = ['empty', 'unknown_ai', 'malformed', 'too_short', 'too_long', 'bad_character', 'bad_content', 'duplicate_ai', 'missing_required_ai', 'invalid_pairing', 'not_a_digital_link'];
const DETAILS: Gs1Detail['key'][] = ['check_digit', 'check_pair', 'gtin_check_digit', 'not_digit', 'char_not_allowed', 'bad_date', 'length', 'not_in_list'];

beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', interpolation: { escapeValue: false } });
});

describe('describeScanProblem', () => {
  it.each(['en', 'zh-CN'])('has a text for every error code and detail in %s', (lng) => {
    const t = i18n.getFixedT(lng);
    for (const code of CODES) expect(i18n.exists(`gs1.code.${code}`, { lng }), code).toBe(true);
    for (const key of DETAILS) expect(i18n.exists(`gs1.detail.${key}`, { lng }), key).toBe(true);
    expect(t('gs1.atAi', { ai: '01', what: 'x' })).toContain('01');
  });

  it('says in Chinese what is wrong with a scan, parameters filled, no English left', () => {
    const t = i18n.getFixedT('zh-CN');
    const cases = [']d2010690123400001710ABC', ']d20106901234000017172913311', ']d201069012340000161727x231', ']C1011234'];
    for (const scan of cases) {
      const result = readScan(scan, { checkAssociations: false });
      expect(result.ok, scan).toBe(false);
      if (result.ok) continue;
      const text = describeScanProblem(t, result.error);
      expect(text, scan).not.toMatch(/{{|[a-z]{4,}/);
    }
    const checkDigit = readScan(']d20106901234000017', { checkAssociations: false });
    if (!checkDigit.ok) expect(describeScanProblem(t, checkDigit.error)).toBe('AI (01)：校验位为 7，应为 6');
  });
});
