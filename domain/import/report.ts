import { statusOf, type JudgedRow } from './validate';
import type { RowIssue, RowStatus, Sheet } from './types';

function csvCell(value: string): string {
  return /[",\r\n;]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const issueText = (i: RowIssue) => `${i.severity} ${i.field || 'row'}${i.column ? ` (${i.column})` : ''}: ${i.code}: ${i.message}`;

/**
 * The file as it came, with three columns in front: its row number, the row's status and what
 * is wrong with it. A user fixes the rows in it and imports it again. UTF-8 with a BOM, so
 * Excel opens Chinese text as text.
 */
export function reportCsv(sheet: Sheet, issuesByRow: ReadonlyMap<number, readonly RowIssue[]>): string {
  const lines = [['row', 'status', 'errors', ...sheet.headers].map(csvCell).join(',')];
  for (const r of sheet.rows) {
    const issues = issuesByRow.get(r.rowNumber) ?? [];
    const status: RowStatus = statusOf(issues);
    const cells = sheet.headers.map((_, i) => r.cells[i] ?? '');
    lines.push([String(r.rowNumber), status, issues.map(issueText).join(' | '), ...cells].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface RowSummary {
  rows: number;
  ok: number;
  warnings: number;
  errors: number;
}

export function summariseRows(rows: readonly JudgedRow[]): RowSummary {
  const summary: RowSummary = { rows: rows.length, ok: 0, warnings: 0, errors: 0 };
  for (const r of rows) {
    const s = statusOf(r.issues);
    if (s === 'ok') summary.ok++;
    else if (s === 'warning') summary.warnings++;
    else summary.errors++;
  }
  return summary;
}
