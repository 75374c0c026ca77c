import { describe, expect, it } from 'vitest';
import { csvCell, renderCsv } from './csv';

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A9)', "\"'=SUM(A1:A9)\""],
    ['+86 21 5555', "\"'+86 21 5555\""],
    ['-cmd', "\"'-cmd\""],
    ['@import', "\"'@import\""],
    ['\tx', "\"'\tx\""],
    ['-5', '-5'],
    ['-0.25', '-0.25'],
    [12, '12'],
    [null, ''],
    ['上海市第一人民医院', '上海市第一人民医院'],
  ])('%j is written %s', (value, written) => expect(csvCell(value)).toBe(written));
});

describe('CSV file', () => {
  it('starts with a UTF-8 byte order mark and ends its rows with CRLF', () => {
    const out = renderCsv({ kind: 'status', lang: 'en', title: 'T', reference: 'RC1', generatedAt: '2026-06-01T00:00:00.000Z', sections: [{ heading: 'H', fields: [['a', 1]], table: { columns: ['x', 'y'], rows: [['1', '=2']] } }] });
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(out.subarray(3).toString('utf8')).toBe("T\r\nReference,RC1\r\nGenerated,2026-06-01T00:00:00.000Z\r\n\r\nH\r\na,1\r\nx,y\r\n1,\"'=2\"\r\n\r\n");
  });
});
