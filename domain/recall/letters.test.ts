import { describe, expect, it } from 'vitest';
import { LetterError, buildLetter, defaultLetterLang, lettersProducts, printableText, type ConsigneeLine, type LetterInput } from './letters';

const line = (lotNumber: string, qty: number, extra: Partial<ConsigneeLine> = {}): ConsigneeLine => ({
  gtin: '06901234000016',
  model: 'SYR-5ML',
  name: 'Syringe 5 ml',
  nameZh: '注射器 5 毫升',
  uom: 'EA',
  lotNumber,
  serial: null,
  qty,
  ...extra,
});

const input = (over: Partial<LetterInput> = {}): LetterInput => ({
  jurisdiction: 'US',
  lang: 'en',
  caseNumber: 'RC20260001',
  classes: { fda: 'II', nmpa: 2, euFsca: true },
  depth: 'user',
  reason: 'Plunger seal leaks',
  healthHazard: 'Under-dosing',
  strategy: 'Return to the plant',
  consignee: { code: 'HOSP-SH1', name: '上海第一医院' },
  products: lettersProducts([line('S1', 100), line('S1', 50), line('S2', 20)]),
  reply: { code: '7K3M-9QXT-2HWN-4RBD-8FZA', url: 'https://plant.example/reply/7K3M-9QXT-2HWN-4RBD-8FZA' },
  date: '2026-12-01',
  ...over,
});

const allText = (letter: ReturnType<typeof buildLetter>) =>
  [letter.title, ...letter.meta, ...letter.sections.flatMap((s) => [s.heading, ...s.paragraphs, ...(s.table ? [...s.table.columns, ...s.table.rows.flat()] : [])])].join(' ');

describe('recall letters', () => {
  it.each([
    ['US', 'en', 'URGENT: MEDICAL DEVICE RECALL', '21 CFR 7.49', 'FDA recall class II'],
    ['US', 'zh-CN', '紧急：医疗器械召回', '21 CFR 7.49', 'FDA II 类召回'],
    ['CN', 'zh-CN', '医疗器械召回通知', '《医疗器械召回管理办法》', '二级召回'],
    ['CN', 'en', 'Medical Device Recall Notice', '医疗器械召回管理办法', 'NMPA recall class II'],
    ['EU', 'en', 'URGENT FIELD SAFETY NOTICE', 'MDCG 2023-3', 'Field Safety Corrective Action (FSCA)'],
    ['EU', 'zh-CN', '紧急现场安全通知', 'MDCG 2023-3', '现场安全纠正措施 (FSCA)'],
  ] as const)('%s in %s: the regulator title, reference and class', (jurisdiction, lang, title, reference, classLine) => {
    const letter = buildLetter(input({ jurisdiction, lang }));
    expect(letter.title).toBe(title);
    expect(letter.meta.join('\n')).toContain(reference);
    expect(letter.meta).toContain(classLine);
    expect(letter.lang).toBe(lang);
  });

  it('lists what went to this consignee per lot, summed, with the total', () => {
    const letter = buildLetter(input());
    expect(letter.sections[0]!.table!.rows).toEqual([
      ['Syringe 5 ml', 'SYR-5ML', '06901234000016', 'S1', '—', '150 EA'],
      ['Syringe 5 ml', 'SYR-5ML', '06901234000016', 'S2', '—', '20 EA'],
      ['Total', '', '', '', '', '170 EA'],
    ]);
    expect(letter.shippedTotal).toBe(170);
    expect(buildLetter(input({ lang: 'zh-CN' })).sections[0]!.table!.rows[0]![0]).toBe('注射器 5 毫升');
  });

  it('names serials and keeps three-decimal quantities exact', () => {
    const products = lettersProducts([line('S9', 1, { serial: 'SN-0002' }), line('S9', 1, { serial: 'SN-0001' }), line('K1', 0.125, { gtin: '06901234000023', name: 'Gel', uom: 'KG' }), line('K1', 0.25, { gtin: '06901234000023', name: 'Gel', uom: 'KG' })]);
    const rows = buildLetter(input({ products })).sections[0]!.table!.rows;
    expect(rows).toEqual([
      ['Syringe 5 ml', 'SYR-5ML', '06901234000016', 'S9', 'SN-0001, SN-0002', '2 EA'],
      ['Gel', 'SYR-5ML', '06901234000023', 'K1', '—', '0.375 KG'],
      ['Total', '', '', '', '', '2.375'],
    ]);
  });

  it('has every field the regulators ask for, and the reply form with code and link', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const letter = buildLetter(input({ jurisdiction: 'EU', lang }));
      expect(letter.sections.map((s) => s.heading)).toHaveLength(6);
      expect(allText(letter)).toContain('Plunger seal leaks');
      expect(allText(letter)).toContain('Under-dosing');
      expect(allText(letter)).toContain('Return to the plant');
      expect(letter.replyForm.fields.map((f) => f.kind)).toEqual(['qty', 'qty', 'qty', 'list']);
      expect(letter.replyForm.code).toBe('7K3M-9QXT-2HWN-4RBD-8FZA');
      expect(letter.replyForm.url).toContain('/reply/7K3M-9QXT-2HWN-4RBD-8FZA');
    }
    expect(buildLetter(input({ lang: 'en' })).sections.find((s) => s.heading === 'Passing this notice on')!.paragraphs[0]).toContain('user level');
    expect(buildLetter(input({ lang: 'zh-CN' })).sections.find((s) => s.heading === '向下游传达')!.paragraphs[0]).toContain('使用者');
  });

  it('prints names with lone surrogates, NUL, controls and bidi overrides safely, and keeps full-width text', () => {
    const letter = buildLetter(
      input({ consignee: { code: 'H\u0000X', name: 'Ｓｔ．\u202eMary\u0007 医院\uD800\n（分院）' }, reason: 'seal\tleaks\u0000', products: lettersProducts([line('L\uDC00T', 5)]) }),
    );
    expect(letter.meta).toContain('To: Ｓｔ．Mary 医院\uFFFD （分院） (HX)');
    expect(letter.sections[1]!.paragraphs).toEqual(['seal leaks']);
    expect(letter.sections[0]!.table!.rows[0]![3]).toBe('L\uFFFDT');
    expect(allText(letter)).not.toMatch(/[\u0000-\u001f\u202e]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(printableText('box 📦 ＡＢＣ')).toBe('box 📦 ＡＢＣ');
  });

  it('refuses a letter with nothing shipped or without its code', () => {
    expect(() => buildLetter(input({ products: [] }))).toThrow(LetterError);
    expect(() => buildLetter(input({ products: [] }))).toThrow('No units of recall RC20260001 were shipped to HOSP-SH1.');
    expect(() => buildLetter(input({ reply: { code: '', url: '' } }))).toThrow('A recall letter carries its reply code and link.');
  });

  it('writes to NMPA in Chinese and to FDA and the EU in English unless asked otherwise', () => {
    expect([defaultLetterLang('CN'), defaultLetterLang('US'), defaultLetterLang('EU')]).toEqual(['zh-CN', 'en', 'en']);
  });
});
