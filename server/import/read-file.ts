import type ExcelJS from 'exceljs';
import { ImportFileError, decodeText, parseCsv, toSheet, type Sheet, type TextEncodingName } from '../../domain/import';

export type FileFormat = 'csv' | 'xlsx';

export interface ReadFile {
  sheet: Sheet;
  format: FileFormat;
  encoding: TextEncodingName | null;
}

/** An XLSX is a ZIP: its bytes start with PK\x03\x04, whatever the file is called. */
export const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a user sees: dates as yyyy-mm-dd (Excel keeps a date cell as a day at
 * midnight UTC), formulas by their result, rich text and links by their text.
 */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  // Loaded when a workbook arrives: the server and every CLI command start without it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new ImportFileError({ code: 'unreadable', message: `The file is not a readable XLSX workbook (${(error as Error).message.slice(0, 120)}).` });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError({ code: 'empty_file', message: 'The workbook has no worksheet.' });
  // Records indexed by sheet row, so a report's row numbers are the ones Excel shows.
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    records[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return toSheet(Array.from(records, (r) => r ?? []));
}

/** The file's table: an XLSX's first worksheet, or a CSV in UTF-8 (with or without BOM) or GBK. */
export async function readImportFile(bytes: Uint8Array, fileName: string): Promise<ReadFile> {
  if (bytes.length === 0) throw new ImportFileError({ code: 'empty_file', message: 'The file is empty (0 bytes).' });
  if (isZip(bytes)) return { sheet: await readXlsx(bytes), format: 'xlsx', encoding: null };
  if (/\.xlsx$/i.test(fileName)) throw new ImportFileError({ code: 'unreadable', message: 'The file is named .xlsx but is not an XLSX workbook.' });
  if (/\.xls$/i.test(fileName)) throw new ImportFileError({ code: 'unreadable', message: 'Old .xls workbooks are not read: save the sheet as .xlsx or CSV.' });
  const { text, encoding } = decodeText(bytes);
  return { sheet: parseCsv(text), format: 'csv', encoding };
}
