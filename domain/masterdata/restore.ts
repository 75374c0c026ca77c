import type { RecordChange } from '../udi';
import { diffRows, type RowData } from './diff';
import { BOOKKEEPING_FIELDS, KEPT_ON_RESTORE } from './kinds';

export interface RestorePlan {
  /** The columns to write again, with the earlier version's values. */
  columns: Record<string, unknown>;
  /** The record as it will read after the restore. */
  after: Record<string, unknown>;
  /** From the current version to the restored content. */
  changes: RecordChange[];
}

/**
 * What restoring an earlier version writes: its content, column by column, over the current row.
 * Bookkeeping and the ERP link stay as they are; a column the table has gained since keeps its
 * current value, because the earlier version says nothing about it.
 */
export function planRestore(current: RowData, earlier: RowData): RestorePlan {
  const columns: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(earlier)) {
    if (BOOKKEEPING_FIELDS.includes(field) || KEPT_ON_RESTORE.includes(field) || !(field in current)) continue;
    columns[field] = value;
  }
  const after = { ...current, ...columns };
  return { columns, after, changes: diffRows(current, after) };
}
