import { canonicalJson } from '../text';
import { IMPORT_FIELDS, NATURAL_KEYS } from './fields';
import { KEY_SEPARATOR, addIssue, type JudgedRow } from './validate';
import type { ImportKind } from './types';

/**
 * A key as a person reads it: NFKC (full-width to ASCII), lower case, no whitespace at all,
 * no leading zeros in any run of digits. "LOT 001", "lot001", "ＬＯＴ００１" and "LOT1" all read "lot1".
 */
export function nearKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '')
    .replace(/(^|\D)0+(?=\d)/g, '$1');
}

export interface DedupeGroup {
  /** exact: the same key (after trimming); near: keys that differ only in case, spacing, leading zeros or width. */
  kind: 'exact' | 'near';
  /** The key fields of the survivor, as the file has them. */
  key: Record<string, string>;
  rows: number[];
  /** The row to keep: one without errors, then the fullest, then the first. */
  survivor: number;
}

function survivorOf(rows: readonly JudgedRow[]): JudgedRow {
  const score = (r: JudgedRow) => [r.issues.some((i) => i.severity === 'error') ? 0 : 1, Object.values(r.values).filter((v) => v !== null && v !== '').length, -r.row] as const;
  return rows.reduce((best, r) => {
    const [a, b] = [score(r), score(best)];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]! ? r : best;
    return best;
  });
}

/**
 * Groups the rows that name one record: exact duplicates (same key) and near duplicates (keys
 * that only a person would call the same). A repeat of an earlier row with the same values is
 * a warning and is written once; the same key with other values is an error naming the earlier
 * row; near duplicates are warnings with the survivor to keep, for the user to decide.
 */
export function findDuplicates(kind: ImportKind, rows: JudgedRow[]): DedupeGroup[] {
  const keyFields = NATURAL_KEYS[kind];
  const fieldType = new Map(IMPORT_FIELDS[kind].map((f) => [f.name, f.type]));
  const groups: DedupeGroup[] = [];
  const rawKey = (r: JudgedRow) => Object.fromEntries(keyFields.map((k) => [k, r.raw[k] ?? '']));

  const exact = new Map<string, JudgedRow[]>();
  for (const r of rows) {
    if (r.key === null) continue;
    const list = exact.get(r.key);
    if (list) list.push(r);
    else exact.set(r.key, [r]);
  }
  for (const list of exact.values()) {
    if (list.length < 2) continue;
    const first = list[0]!;
    const firstValues = canonicalJson(first.values);
    for (const r of list.slice(1)) {
      if (canonicalJson(r.values) === firstValues) {
        r.repeatOf = first.row;
        addIssue(r, keyFields[0]!, '', 'duplicate_row', 'warning', `repeats row ${first.row} exactly; written once`);
      } else addIssue(r, keyFields[0]!, '', 'duplicate_key', 'error', `names the same record as row ${first.row} with other values`);
    }
    const survivor = survivorOf(list);
    groups.push({ kind: 'exact', key: rawKey(survivor), rows: list.map((r) => r.row), survivor: survivor.row });
  }

  const near = new Map<string, JudgedRow[]>();
  for (const r of rows) {
    // GTINs are compared as digits (a GTIN-13 and its GTIN-14 are one); other keys as a person reads them.
    const parts = keyFields.map((k) => (fieldType.get(k) === 'gtin' && typeof r.values[k] === 'string' ? String(r.values[k]) : nearKey(r.raw[k] ?? '')));
    if (parts.every((p) => p === '')) continue;
    const k = parts.join(KEY_SEPARATOR);
    const list = near.get(k);
    if (list) list.push(r);
    else near.set(k, [r]);
  }
  for (const list of near.values()) {
    const distinct = new Set(list.map((r) => r.key ?? `raw:${keyFields.map((k) => r.raw[k]).join(KEY_SEPARATOR)}`));
    if (distinct.size < 2) continue;
    const survivor = survivorOf(list);
    for (const r of list) {
      if (r.row === survivor.row || r.key === survivor.key) continue;
      addIssue(r, keyFields.find((k) => r.raw[k] !== survivor.raw[k]) ?? keyFields[0]!, '', 'near_duplicate', 'warning', `looks like the same record as row ${survivor.row} (${keyFields.map((k) => survivor.raw[k]).join(' / ')})`);
    }
    groups.push({ kind: 'near', key: rawKey(survivor), rows: list.map((r) => r.row), survivor: survivor.row });
  }
  return groups.sort((a, b) => a.rows[0]! - b.rows[0]!);
}
