import { describe, expect, it } from 'vitest';
import {
  ImportFileError,
  decodeText,
  findDuplicates,
  guessKind,
  judgeFile,
  nearKey,
  parseCell,
  parseCsv,
  readiness,
  reportCsv,
  suggestMapping,
  summariseRows,
  IMPORT_FIELDS,
  type FileProblem,
  type ImportKind,
} from '.';

const TODAY = '2026-06-01';
const field = (kind: ImportKind, name: string) => IMPORT_FIELDS[kind].find((f) => f.name === name)!;
const problemOf = (fn: () => unknown): FileProblem['code'] | null => {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof ImportFileError) return error.problem.code;
    throw error;
  }
};
const judgeCsv = (kind: ImportKind, text: string) => {
  const sheet = parseCsv(text);
  return judgeFile(kind, sheet, suggestMapping(kind, sheet.headers), TODAY);
};

describe('decodeText', () => {
  const utf8 = new TextEncoder().encode('批号,GTIN\nA1,1\n');
  it('reads UTF-8, with and without a BOM', () => {
    expect(decodeText(utf8)).toEqual({ text: '批号,GTIN\nA1,1\n', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: '批号,GTIN\nA1,1\n', encoding: 'utf-8-bom' });
  });
  it('reads GBK when the bytes are not UTF-8', () => {
    // 批号,有效期 in GBK, as Excel on a Chinese Windows saves a CSV.
    const gbk = new Uint8Array([0xc5, 0xfa, 0xba, 0xc5, 0x2c, 0xd3, 0xd0, 0xd0, 0xa7, 0xc6, 0xda, 0x0a]);
    expect(decodeText(gbk)).toEqual({ text: '批号,有效期\n', encoding: 'gbk' });
  });
  it('keeps damaged UTF-8 as UTF-8 with U+FFFD where the bytes broke, instead of reading it as GBK', () => {
    const damaged = new Uint8Array([...new TextEncoder().encode('批号,有效期\n'), 0xed, 0xa0, 0x80, 0x0a]);
    const read = decodeText(damaged);
    expect(read.encoding).toBe('utf-8');
    expect(read.text.startsWith('批号,有效期\n')).toBe(true);
    expect(read.text).toContain('\uFFFD');
  });
  it('refuses bytes that are neither', () => {
    expect(problemOf(() => decodeText(new Uint8Array([0x41, 0x81, 0x20, 0x0a])))).toBe('unknown_encoding');
  });
});

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, line breaks in cells and CRLF, numbering rows as a spreadsheet does', () => {
    const sheet = parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\r\n\r\nlast,1');
    expect(sheet.headers).toEqual(['a', 'b']);
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: ['x, y', 'say "hi"'] },
      { rowNumber: 3, cells: ['two\nlines', 'z'] },
      { rowNumber: 5, cells: ['last', '1'] },
    ]);
  });
  it('takes the semicolon or tab a header is written with', () => {
    expect(parseCsv('a;b\n1;2').rows[0]!.cells).toEqual(['1', '2']);
    expect(parseCsv('a\tb\n1\t2').rows[0]!.cells).toEqual(['1', '2']);
  });
  it.each(['', '\n\n', ' , \n'])('refuses an empty file %j', (text) => {
    expect(problemOf(() => parseCsv(text))).toBe('empty_file');
  });
});

describe('mapping', () => {
  it.each<[ImportKind, string[], Record<string, string>]>([
    ['lots', ['GTIN', 'Lot', 'Expiry Date', 'Status'], { gtin: 'GTIN', lotNumber: 'Lot', expiresOn: 'Expiry Date', status: 'Status' }],
    ['lots', ['商品条码', '批号', '有效期至', '生产日期', '供应商批号'], { gtin: '商品条码', lotNumber: '批号', expiresOn: '有效期至', manufacturedOn: '生产日期', supplierLot: '供应商批号' }],
    ['lots', ['ＧＴＩＮ', 'lot_no', 'Supplier Lot'], { gtin: 'ＧＴＩＮ', lotNumber: 'lot_no', supplierLot: 'Supplier Lot' }],
    ['stock', ['GTIN', '批号', '库位', '数量'], { gtin: 'GTIN', lotNumber: '批号', locationCode: '库位', qty: '数量' }],
  ])('suggests %s columns from %j', (kind, headers, expected) => {
    expect(suggestMapping(kind, headers)).toEqual(expected);
  });
  it('tells a shipments file from a lots file', () => {
    expect(guessKind(['发货单号', '客户编码', 'GTIN', '批号', '数量', '发货日期'])).toBe('shipments');
    expect(guessKind(['GTIN', 'Lot', 'Expiry'])).toBe('lots');
    expect(guessKind(['colour', 'size'])).toBeNull();
  });
  it('refuses a file of another kind, naming the missing columns and the kind it looks like', () => {
    try {
      judgeCsv('stock', '发货单号,客户编码,GTIN,批号,数量,发货日期\nD1,C1,06901234000115,L1,1,2025-01-01\n');
      expect.unreachable();
    } catch (error) {
      expect((error as ImportFileError).problem).toMatchObject({ code: 'missing_columns', params: { looksLike: 'shipments' } });
    }
  });
  it('refuses a duplicated header naming both columns, and lists unknown columns without failing', () => {
    try {
      judgeCsv('lots', 'GTIN,Lot,Note,Lot\n06901234000115,L1,x,L2\n');
      expect.unreachable();
    } catch (error) {
      expect((error as ImportFileError).problem).toMatchObject({ code: 'duplicate_header', params: { header: 'Lot', columns: 'B and D' } });
    }
    expect(judgeCsv('lots', 'GTIN,Lot,Colour\n06901234000115,L1,red\n').check.unmapped).toEqual(['Colour']);
  });
  it('refuses a header with no rows', () => {
    expect(problemOf(() => judgeCsv('lots', 'GTIN,Lot\n'))).toBe('no_rows');
  });
});

describe('cells', () => {
  it.each<[string, string, unknown, string | null]>([
    ['gtin', '06901234000115', '06901234000115', null],
    ['gtin', '6901234000115', '06901234000115', null],
    ['gtin', '06901234000116', null, 'gtin_check_digit'],
    ['gtin', '06901234001', null, 'gtin_syntax'],
    ['gtin', '０６９０１２３４０００１１５', null, 'gtin_syntax'],
    ['lotNumber', 'PP2410A', 'PP2410A', null],
    ['lotNumber', 'LOT 1', null, 'lot_syntax'],
    ['lotNumber', 'ＬＯＴ１', null, 'lot_syntax'],
    ['lotNumber', '批1', null, 'lot_syntax'],
    ['lotNumber', 'A'.repeat(21), null, 'lot_syntax'],
    ['lotNumber', 'L\u0000', null, 'unstorable_text'],
    ['lotNumber', 'L\uD800', null, 'unstorable_text'],
    ['lotNumber', 'L\uFFFD', null, 'broken_text'],
    ['lotNumber', '', null, 'required'],
    ['lotNumber', '  L1 ', 'L1', 'trimmed'],
    ['expiresOn', '2027-02-28', '2027-02-28', null],
    ['expiresOn', '2027/2/8', '2027-02-08', null],
    ['expiresOn', '20270208', '2027-02-08', null],
    ['expiresOn', '2027年2月8日', '2027-02-08', null],
    ['expiresOn', '2027-02-30', null, 'date_syntax'],
    ['expiresOn', '08/02/2027', null, 'date_syntax'],
    ['status', 'Released', 'released', null],
    ['status', '冻结', 'on_hold', null],
    ['status', 'ok', null, 'status_unknown'],
    ['supplier', 'x'.repeat(101), null, 'too_long'],
  ])('lots %s %j', (name, cell, value, code) => {
    const parsed = parseCell(field('lots', name), cell);
    expect(parsed.value).toEqual(value);
    expect(parsed.problems[0]?.code ?? null).toBe(code);
  });
  it.each<[string, unknown, string | null]>([
    ['12', 12, null],
    ['0.125', 0.125, null],
    ['0', null, 'qty_syntax'],
    ['-1', null, 'qty_syntax'],
    ['1.2345', null, 'qty_syntax'],
    ['1,000', null, 'qty_syntax'],
  ])('stock qty %j', (cell, value, code) => {
    const parsed = parseCell(field('stock', 'qty'), cell);
    expect(parsed.value).toEqual(value);
    expect(parsed.problems[0]?.code ?? null).toBe(code);
  });
});

describe('judging rows', () => {
  it('imports a released lot without a QC record in quarantine, with a warning; with one, released', () => {
    const judged = judgeCsv('lots', 'GTIN,Lot,Status,QC record,Expiry\n06901234000115,L1,released,,2027-01-01\n06901234000115,L2,放行,QC-77,2027-01-01\n');
    expect(judged.rows[0]!.values.status).toBe('quarantine');
    expect(judged.rows[0]!.issues).toMatchObject([{ row: 2, field: 'status', column: 'Status', code: 'released_without_qc', severity: 'warning' }]);
    expect(judged.rows[1]!.values.status).toBe('released');
    expect(judged.rows[1]!.issues).toEqual([]);
  });
  it('refuses an expiry before manufacture', () => {
    const judged = judgeCsv('lots', 'GTIN,Lot,Manufactured,Expiry\n06901234000115,L1,2026-05-01,2026-04-01\n');
    expect(judged.rows[0]!.issues).toMatchObject([{ field: 'expiresOn', code: 'date_order', severity: 'error' }]);
  });
  it('judges every row, not only the first bad one', () => {
    const judged = judgeCsv('stock', 'GTIN,Lot,Location,Qty\n06901234000116,L1,A-1,1\n06901234000115,L 2,A-1,0\n06901234000115,L3,a-1,2\n');
    expect(judged.rows.map((r) => r.issues.map((i) => `${i.row}:${i.field}:${i.code}`))).toEqual([['2:gtin:gtin_check_digit'], ['3:lotNumber:lot_syntax', '3:qty:qty_syntax'], ['4:locationCode:location_syntax']]);
    expect(summariseRows(judged.rows)).toEqual({ rows: 3, ok: 0, warnings: 0, errors: 3 });
  });
  it('holds items to the inbound integration record: a unit of measure it would refuse is refused here', () => {
    const judged = judgeCsv('items', 'GTIN,SKU,Name,UOM\n06901234000115,SY-5,Syringe,box\n');
    expect(judged.rows[0]!.issues).toMatchObject([{ field: 'uom', severity: 'error' }]);
  });
});

describe('duplicates', () => {
  it('writes an exact repeat once, refuses the same key with other values, and groups near duplicates with a survivor', () => {
    const judged = judgeCsv(
      'lots',
      [
        'GTIN,Lot,Expiry,Supplier',
        '06901234000115,LOT001,2027-01-01,Acme', // 2
        '06901234000115,LOT001,2027-01-01,Acme', // 3 exact repeat
        '06901234000115,lot001,2027-01-01,', // 4 near: case
        '06901234000115,LOT1,2027-01-01,', // 5 near: leading zeros
        '06901234000115,ＬＯＴ００１,2027-01-01,', // 6 near: full width (and not GS1)
        '6901234000115,LOT001,2028-01-01,Acme', // 7 GTIN-13 of the same item, other expiry
      ].join('\n'),
    );
    const byRow = new Map(judged.rows.map((r) => [r.row, r.issues.map((i) => i.code)]));
    expect(byRow.get(3)).toEqual(['duplicate_row']);
    expect(byRow.get(7)).toEqual(['duplicate_key']);
    expect(byRow.get(4)).toEqual(['near_duplicate']);
    expect(byRow.get(6)).toEqual(['lot_syntax', 'near_duplicate']);
    expect(judged.groups).toEqual([
      { kind: 'exact', key: { gtin: '06901234000115', lotNumber: 'LOT001' }, rows: [2, 3, 7], survivor: 2 },
      { kind: 'near', key: { gtin: '06901234000115', lotNumber: 'LOT001' }, rows: [2, 3, 4, 5, 6, 7], survivor: 2 },
    ]);
  });
  it.each([
    ['LOT 001', 'lot1'],
    ['ＬＯＴ　００１', 'lot1'],
    ['A-007/B-010', 'a-7/b-10'],
    ['00012', '12'],
    ['000', '0'],
  ])('nearKey(%j) = %j', (text, key) => {
    expect(nearKey(text)).toBe(key);
  });
  it('finds nothing in distinct rows', () => {
    const judged = judgeCsv('lots', 'GTIN,Lot\n06901234000115,A1\n06901234000115,A2\n');
    expect(findDuplicates('lots', judged.rows)).toEqual([]);
  });
});

describe('readiness', () => {
  it('scores the measures that have something to measure', () => {
    expect(readiness({ shipmentLines: 4, shipmentLinesWithConsignee: 3, lots: 10, lotsWithExpiry: 9, finishedLots: 0, finishedLotsWithGenealogy: 0 })).toMatchObject({
      consigneeComplete: 75,
      lotsWithExpiry: 90,
      finishedWithGenealogy: null,
      score: 82.5,
    });
    expect(readiness({ shipmentLines: 0, shipmentLinesWithConsignee: 0, lots: 0, lotsWithExpiry: 0, finishedLots: 0, finishedLotsWithGenealogy: 0 }).score).toBeNull();
  });
});

describe('report CSV', () => {
  it('is the file with row, status and errors in front, quoted where needed', () => {
    const sheet = parseCsv('GTIN,Lot\n06901234000116,"A,1"\n06901234000115,B\n');
    const judged = judgeFile('lots', sheet, suggestMapping('lots', sheet.headers), TODAY);
    const csv = reportCsv(sheet, new Map(judged.rows.map((r) => [r.row, r.issues])));
    const back = parseCsv(csv.slice(1));
    expect(back.headers).toEqual(['row', 'status', 'errors', 'GTIN', 'Lot']);
    expect(back.rows.map((r) => r.cells.slice(0, 2))).toEqual([
      ['2', 'error'],
      ['3', 'ok'],
    ]);
    expect(back.rows[0]!.cells[2]).toContain('gtin (GTIN): gtin_check_digit');
    expect(back.rows[0]!.cells[4]).toBe('A,1');
  });
});
