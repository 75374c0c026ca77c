import { ImportFileError, type Sheet } from './types';

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter the header line uses most, outside quotes: Excel in some locales writes `;`. */
function delimiterOf(text: string): string {
  const end = text.search(/\r|\n/);
  const line = end === -1 ? text : text.slice(0, end);
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === d) count++;
    }
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/**
 * RFC 4180 records: quoted fields may hold the delimiter, quotes ("") and line breaks. Each
 * record keeps the number a spreadsheet would show it under (one record, one row, whatever
 * line breaks its cells hold), so a report's row numbers match what the user sees in Excel.
 */
export function parseCsv(text: string): Sheet {
  const delimiter = delimiterOf(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (field !== '' || record.length > 0 || fieldStarted) endRecord();
  return toSheet(records);
}

/** The first non-blank record is the header; blank records (a trailing newline, empty lines) are skipped, not rows. */
export function toSheet(records: readonly (readonly string[])[]): Sheet {
  const blank = (r: readonly string[]) => r.every((c) => c.trim() === '');
  const headerAt = records.findIndex((r) => !blank(r));
  if (headerAt === -1) throw new ImportFileError({ code: 'empty_file', message: 'The file is empty: it has no header row and no rows.' });
  const headers = records[headerAt]!.map((h) => h.trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  const rows = [];
  for (let i = headerAt + 1; i < records.length; i++) {
    const cells = records[i]!;
    if (blank(cells)) continue;
    rows.push({ rowNumber: i + 1, cells: [...cells] });
  }
  return { headers, rows };
}
