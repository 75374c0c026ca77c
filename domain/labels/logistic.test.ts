import { describe, expect, it } from 'vitest';
import { parse } from '../gs1';
import { logisticLabelZpl, type LogisticDpi, type LogisticLabelInput, type LogisticSize } from './logistic';
import { readZplFields } from './zpl-read';
import { zplCommands } from './zpl-commands';

const SSCC = '106141410000000019';
const pallet: LogisticLabelInput = {
  sscc: SSCC,
  shipFrom: { name: 'Suzhou Medical Devices Co.', address: ['88 Xinghu St', 'Suzhou 215000'] },
  shipTo: { name: '国药控股北京有限公司', address: ['Beijing DC, Dock 4'] },
  content: { gtin: '06901234000016', count: 480, lot: 'S24110701', expiry: '2029-06-30' },
  reference: 'SO-1042',
};
const SIZES: [LogisticSize, LogisticDpi][] = [
  ['4x6', 203],
  ['4x6', 300],
  ['a6', 203],
  ['a6', 300],
];

/** Each GS1-128 of the format with where it stands: what a printer would print, top to bottom. */
function barcodes(zpl: string): { y: number; x: number; module: number; data: string }[] {
  const out: { y: number; x: number; module: number; data: string }[] = [];
  let at = { x: 0, y: 0 };
  let module = 2;
  const fields = readZplFields(zpl).filter((f) => f.kind === 'code128');
  for (const c of zplCommands(zpl).commands) {
    if (c.code === 'FO') {
      const [x, y] = c.params.split(',').map(Number);
      at = { x: x!, y: y! };
    }
    if (c.code === 'BY') module = Number(c.params.split(',')[0]);
    if (c.code === 'BC') out.push({ ...at, module, data: '' });
  }
  fields.forEach((f, i) => (out[i]!.data = 'data' in f ? f.data : ''));
  return out.sort((a, b) => a.y - b.y);
}

describe('the GS1 logistic label', () => {
  it.each(SIZES)('%s at %i dpi: SSCC lowest, content split as it fits, X-dimension at least 0.495 mm, inside the quiet zones', (size, dpi) => {
    const made = logisticLabelZpl(pallet, { size, dpi });
    if (!made.ok) throw new Error(`${made.field}: ${made.message}`);
    const printed = barcodes(made.zpl);
    expect(printed.at(-1)!.data).toBe(`00${SSCC}`);
    const elements = printed.flatMap((b) => {
      const read = parse(b.data, { referenceYear: 2026, checkAssociations: false });
      if (!read.ok) throw new Error(read.error.message);
      return read.elements.map((e) => `(${e.ai})${e.value}`);
    });
    expect(elements.sort()).toEqual(['(00)106141410000000019', '(02)06901234000016', '(10)S24110701', '(17)290630', '(37)480']);
    expect(printed.map((b) => b.data.length > 0)).toEqual(made.symbols.map(() => true));
    for (const b of printed) {
      expect(b.module / (dpi / 25.4)).toBeGreaterThanOrEqual(0.495);
      expect(b.x).toBeGreaterThanOrEqual(10 * b.module);
      expect(b.y).toBeGreaterThan(0);
    }
    // The human-readable text carries every element with its data title.
    const text = readZplFields(made.zpl)
      .filter((f) => f.kind === 'text')
      .map((f) => ('text' in f ? f.text : ''));
    for (const words of ['SHIP FROM', 'SHIP TO', '国药控股北京有限公司', 'SSCC', SSCC, 'CONTENT', 'COUNT', '480', 'BATCH/LOT', 'S24110701', 'USE BY', '2029-06-30', '(00)106141410000000019']) expect(text).toContain(words);
  });

  it('puts the whole content in one barcode when it fits, and prints an SSCC alone without content', () => {
    const small = logisticLabelZpl({ ...pallet, content: { gtin: '06901234000016', count: 12 } }, { size: 'a6', dpi: 203 });
    expect(small.ok && small.symbols).toEqual([['(02)06901234000016', '(37)12'], ['(00)106141410000000019']]);
    const bare = logisticLabelZpl({ sscc: SSCC, shipFrom: { name: 'A' }, shipTo: { name: 'B' } }, { size: '4x6', dpi: 203 });
    expect(bare.ok && bare.symbols).toEqual([['(00)106141410000000019']]);
  });

  it('labels a pallet built before it is allotted to an order: no ship-to block, everything else as before', () => {
    const built = logisticLabelZpl({ ...pallet, shipTo: undefined }, { size: '4x6', dpi: 203 });
    if (!built.ok) throw new Error(`${built.field}: ${built.message}`);
    const text = readZplFields(built.zpl)
      .filter((f) => f.kind === 'text')
      .map((f) => ('text' in f ? f.text : ''));
    expect(text).toContain('SHIP FROM');
    expect(text).not.toContain('SHIP TO');
    expect(barcodes(built.zpl).at(-1)!.data).toBe(`00${SSCC}`);
  });

  it.each([
    [{ sscc: '106141410000000018' }, 'sscc', 'not an SSCC'],
    [{ sscc: '10614141000000001' }, 'sscc', 'not an SSCC'],
    [{ content: { gtin: '06901234000017', count: 1 } }, 'content.gtin', 'not a GTIN'],
    [{ content: { gtin: '06901234000016', count: 0 } }, 'content.count', 'whole number'],
    [{ content: { gtin: '06901234000016', count: 100_000_000 } }, 'content.count', 'whole number'],
    [{ content: { gtin: '06901234000016', count: 2.5 } }, 'content.count', 'whole number'],
    [{ content: { gtin: '06901234000016', count: 1, lot: '批号1' } }, 'content.lot', ''],
    [{ content: { gtin: '06901234000016', count: 1, lot: 'A'.repeat(21) } }, 'content.lot', ''],
    [{ content: { gtin: '06901234000016', count: 1, expiry: '2029-13-01' } }, 'content.expiry', ''],
    [{ content: { gtin: '06901234000016', count: 1, expiry: '30.06.2029' } }, 'content.expiry', 'ISO date'],
    [{ shipTo: { name: 'Dock\u0000 4' } }, 'shipTo.name', 'NUL'],
    [{ shipFrom: { name: 'Plant \ud800' } }, 'shipFrom.name', 'lone surrogate'],
    [{ shipTo: { name: '   ' } }, 'shipTo.name', 'empty'],
    [{ shipTo: { name: 'x'.repeat(61) } }, 'shipTo.name', 'longer than 60'],
    [{ shipTo: { name: 'B', address: ['1', '2', '3', '4'] } }, 'shipTo.address', 'more than 3 lines'],
    [{ reference: 'R\u0000' }, 'reference', 'NUL'],
  ])('refuses %j, naming %s', (change, field, words) => {
    const made = logisticLabelZpl({ ...pallet, ...(change as Partial<LogisticLabelInput>) }, { size: '4x6', dpi: 203 });
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.field).toBe(field);
    expect(made.message).toContain(words);
  });

  it('takes a 20-character lot of every kind of character GS1 allows, or says which element does not fit', () => {
    for (const lot of ['ABCDEFGHIJKLMNOPQRST', "!\"%&'()*+,-./:;<=>?_", '12345678901234567890']) {
      const made = logisticLabelZpl({ ...pallet, content: { gtin: '06901234000016', count: 99_999_999, lot, expiry: '2029-06-30' } }, { size: '4x6', dpi: 300 });
      if (made.ok) expect(barcodes(made.zpl).map((b) => b.data)).toContain(`10${lot}`);
      else expect(made.field).toMatch(/^(content|shipTo)/);
    }
  });

  it('says which element keeps a full pallet label from fitting, never prints bars shorter than GS1 asks', () => {
    const made = logisticLabelZpl({ ...pallet, content: { gtin: '06901234000016', count: 99_999_999, lot: 'ABCDEFGHIJ', expiry: '2029-06-30' } }, { size: 'a6', dpi: 203 });
    expect(made).toMatchObject({ ok: false, field: 'shipTo.address', message: expect.stringContaining('do not fit on a6') });
    const fewer = logisticLabelZpl({ ...pallet, shipFrom: { name: 'Suzhou Medical Devices Co.' }, shipTo: { name: 'Sinopharm' }, content: { gtin: '06901234000016', count: 99_999_999, lot: 'ABCDEFGHIJ', expiry: '2029-06-30' } }, { size: '4x6', dpi: 203 });
    if (fewer.ok) expect(fewer.symbols.flat()).toContain('(37)99999999');
    else expect(fewer.field).toBe('content');
  });

  it('escapes text so ZPL control characters and full-width text print as typed', () => {
    const made = logisticLabelZpl({ ...pallet, shipTo: { name: '^XZ~JA＿Ｄｏｃｋ\\' } }, { size: '4x6', dpi: 203 });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(readZplFields(made.zpl).some((f) => f.kind === 'text' && f.text === '^XZ~JA＿Ｄｏｃｋ\\')).toBe(true);
  });
});
