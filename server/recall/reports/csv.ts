import type { Cell, ReportDocument } from '../../../domain/recall/reports';

// A plain number (a gap of -5) is data to a spreadsheet, not a formula; anything else starting
// with one of these is run as a formula by Excel or LibreOffice when the file is opened
// (OWASP "CSV injection"), so it is kept as text behind an apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const row = (cells: readonly Cell[]) => cells.map(csvCell).join(',');

/**
 * The report as CSV (RFC 4180, CRLF), one block per section: the heading, then its fields as
 * label,value or its table with a header row. A UTF-8 byte order mark comes first: without it
 * Excel reads the file in the machine's code page and turns Chinese names into mojibake.
 */
export function renderCsv(doc: ReportDocument): Buffer {
  const lines: string[] = [row([doc.title]), row(['Reference', doc.reference]), row(['Generated', doc.generatedAt]), ''];
  for (const section of doc.sections) {
    lines.push(row([section.heading]));
    if (section.text !== undefined) lines.push(row(['', section.text]));
    for (const [label, value] of section.fields ?? []) lines.push(row([label, value]));
    if (section.table) {
      lines.push(row(section.table.columns));
      for (const r of section.table.rows) lines.push(row(r));
    }
    lines.push('');
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
