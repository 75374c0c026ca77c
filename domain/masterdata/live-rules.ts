import { isValidGln, isValidGtin } from '../gs1';
import { CHECK_KINDS, RESETS, parseRule } from '../numbering';
import type { RowData } from './diff';
import type { MasterDataKind } from './kinds';

export interface ContentProblem {
  field: string;
  message: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The checks a live change of a record passes besides the table's own constraints, so that a
 * restore cannot bring back what the console or the integration would refuse today: a number
 * rule that could repeat numbers, a GTIN or GLN with a wrong check digit. Unique values are
 * checked against the database, not here.
 */
export function contentProblem(kind: MasterDataKind, row: RowData): ContentProblem | null {
  if (kind === 'number_rules') {
    const reset = RESETS.find((r) => r === row.reset);
    const check = CHECK_KINDS.find((c) => c === row.check_char);
    if (!reset) return { field: 'reset', message: `${text(row.reset)} is not a reset period` };
    if (!check) return { field: 'check_char', message: `${text(row.check_char)} is not a check character kind` };
    const parsed = parseRule({ pattern: text(row.pattern), reset, siteCode: text(row.site_code), lineCode: text(row.line_code), check });
    return parsed.ok ? null : { field: 'pattern', message: parsed.reason };
  }
  if (kind === 'items' && !isValidGtin(text(row.gtin))) return { field: 'gtin', message: `${text(row.gtin)} has a wrong check digit` };
  if ((kind === 'customers' || kind === 'suppliers') && row.gln !== null && row.gln !== undefined && !isValidGln(text(row.gln))) return { field: 'gln', message: `${text(row.gln)} has a wrong check digit` };
  return null;
}
