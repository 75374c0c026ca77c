import { canonicalJson } from '../text';
import type { RecordChange } from '../udi';
import { BOOKKEEPING_FIELDS, REGULATED_FIELDS, type MasterDataKind } from './kinds';

/** A stored row of master data as the history keeps it: column name to JSON value. */
export type RowData = Readonly<Record<string, unknown>>;

// By canonical JSON: jsonb hands objects back with their keys reordered, and what the ERP sends
// is in its own order, so a nested object (udi_attributes) must not read as changed by order alone.
function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * What changed from one row to another, column by column, in the shape UDI device records use
 * (field, rule, before, after); a column one side lacks (added to the table since) counts as null.
 * Bookkeeping columns are no change of the record.
 */
export function diffRows(before: RowData, after: RowData): RecordChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !BOOKKEEPING_FIELDS.includes(f)).sort();
  return fields
    .filter((f) => !same(before[f] ?? null, after[f] ?? null))
    .map((f) => ({
      field: f,
      rule: f,
      before: before[f] ?? null,
      after: after[f] ?? null,
    }));
}

export const isRegulatedField = (kind: MasterDataKind, field: string): boolean => REGULATED_FIELDS[kind].includes(field);
