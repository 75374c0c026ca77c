import { findDuplicates, type DedupeGroup } from './dedupe';
import { checkMapping, type MappingCheck } from './mapping';
import { judgeSheet, type JudgedRow } from './validate';
import { ImportFileError, type ColumnMapping, type ImportKind, type Sheet } from './types';

/** The most rows one file may hold: a plant's lot history, with room; larger loads go in several files. */
export const MAX_IMPORT_ROWS = 250_000;

export interface FileJudgement {
  check: MappingCheck;
  rows: JudgedRow[];
  groups: DedupeGroup[];
}

/** Everything the file alone can tell: the mapping checked, every row judged, duplicates grouped. */
export function judgeFile(kind: ImportKind, sheet: Sheet, mapping: ColumnMapping, today: string): FileJudgement {
  if (sheet.rows.length === 0) throw new ImportFileError({ code: 'no_rows', message: 'The file has a header row and no rows to import.' });
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    throw new ImportFileError({ code: 'too_many_rows', message: `The file has ${sheet.rows.length} rows; one import takes at most ${MAX_IMPORT_ROWS}. Split it.`, params: { rows: sheet.rows.length, max: MAX_IMPORT_ROWS } });
  }
  const check = checkMapping(kind, sheet, mapping);
  const rows = judgeSheet(kind, sheet, check, today);
  const groups = findDuplicates(kind, rows);
  return { check, rows, groups };
}
