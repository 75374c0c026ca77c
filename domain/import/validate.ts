import { ItemRecord } from '../integration';
import { IMPORT_FIELDS, NATURAL_KEYS } from './fields';
import type { MappingCheck } from './mapping';
import { parseCell } from './values';
import type { ImportKind, IssueCode, IssueSeverity, RowIssue, RowStatus, RowValues, Sheet } from './types';

/** A row as judged from the file alone; the server adds what only the database knows (unknown items, conflicts). */
export interface JudgedRow {
  row: number;
  /** The cells each field read, as the file has them. */
  raw: Record<string, string>;
  values: RowValues;
  issues: RowIssue[];
  /** The natural key of a row whose key fields all parsed; null otherwise. */
  key: string | null;
  /** A repeat of an earlier identical row: reported, not written twice. */
  repeatOf?: number;
}

export const KEY_SEPARATOR = '\u001F';

export function statusOf(issues: readonly RowIssue[]): RowStatus {
  if (issues.some((i) => i.severity === 'error')) return 'error';
  return issues.length > 0 ? 'warning' : 'ok';
}

export function addIssue(row: JudgedRow, field: string, column: string, code: IssueCode, severity: IssueSeverity, message: string): void {
  row.issues.push({ row: row.row, field, column, code, severity, message });
}

/** Cross-field rules of each kind, run once every field has parsed. */
function judgeRecord(kind: ImportKind, row: JudgedRow, column: (field: string) => string, today: string): void {
  const v = row.values;
  const failed = (field: string) => row.issues.some((i) => i.field === field && i.severity === 'error');
  if (kind === 'lots') {
    if (typeof v.expiresOn === 'string' && typeof v.manufacturedOn === 'string' && v.expiresOn < v.manufacturedOn) {
      addIssue(row, 'expiresOn', column('expiresOn'), 'date_order', 'error', `is before the manufacture date ${v.manufacturedOn}`);
    }
    if (v.status === null && !failed('status')) v.status = 'quarantine';
    if (v.origin === null && !failed('origin')) v.origin = 'received';
    // A lot is released by QC under signature; a legacy "released" without the record of that decision is not taken on trust.
    if (v.status === 'released' && v.qcRecord === null) {
      v.status = 'quarantine';
      addIssue(row, 'status', column('status'), 'released_without_qc', 'warning', 'says released but names no QC record: imported in quarantine for QC to release');
    }
    if (v.status === 'released' && typeof v.expiresOn === 'string' && v.expiresOn < today) {
      addIssue(row, 'expiresOn', column('expiresOn'), 'past_expiry', 'warning', `expired on ${v.expiresOn}; the expiry job will mark the lot expired`);
    }
  }
  if (kind === 'genealogy' && v.parentGtin === v.childGtin && v.parentLot === v.childLot && v.parentLot !== null) {
    addIssue(row, 'childLot', column('childLot'), 'conflict', 'error', 'is the parent lot itself: a lot cannot go into itself');
  }
  if (kind === 'items' && !row.issues.some((i) => i.severity === 'error')) {
    // Items land through the inbound integration's record: its schema is the rule, not a copy of it.
    const checked = ItemRecord.safeParse({ externalId: `import:${String(v.sku)}`, gtin: v.gtin, sku: v.sku, name: v.name, nameZh: v.nameZh, uom: v.uom ?? 'EA', shelfLifeDays: v.shelfLifeDays, serialized: v.serialized ?? false });
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0] ?? '');
        addIssue(row, field === 'externalId' ? 'sku' : field, column(field === 'externalId' ? 'sku' : field), 'code_syntax', 'error', issue.message);
      }
    }
  }
}

/**
 * Reads and judges every row of a sheet with the kind's rules: each field's syntax (GS1 GTIN
 * with its check digit, GS1 lot and serial characters, calendar days, quantities, statuses)
 * and the rules between fields. Every row is judged, never only the first bad one.
 */
export function judgeSheet(kind: ImportKind, sheet: Sheet, check: MappingCheck, today: string): JudgedRow[] {
  const fields = IMPORT_FIELDS[kind];
  const keyFields = NATURAL_KEYS[kind];
  const headerOf = (field: string) => {
    const at = check.columns.get(field);
    return at === undefined ? '' : sheet.headers[at]!;
  };
  return sheet.rows.map((sheetRow) => {
    const row: JudgedRow = { row: sheetRow.rowNumber, raw: {}, values: {}, issues: [], key: null };
    for (const field of fields) {
      const at = check.columns.get(field.name);
      const cell = at === undefined ? undefined : sheetRow.cells[at];
      row.raw[field.name] = cell ?? '';
      const parsed = parseCell(field, cell);
      row.values[field.name] = parsed.value;
      for (const p of parsed.problems) addIssue(row, field.name, headerOf(field.name), p.code, p.severity, p.message);
    }
    judgeRecord(kind, row, headerOf, today);
    const keyOk = keyFields.every((k) => !row.issues.some((i) => i.field === k && i.severity === 'error'));
    if (keyOk) row.key = keyFields.map((k) => String(row.values[k] ?? '')).join(KEY_SEPARATOR);
    return row;
  });
}
