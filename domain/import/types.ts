/** What a legacy file can hold, one kind per file. */
export const IMPORT_KINDS = ['items', 'lots', 'stock', 'genealogy', 'shipments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const isImportKind = (value: string): value is ImportKind => (IMPORT_KINDS as readonly string[]).includes(value);

/** A file's table as read: the header row and the data rows with the row numbers a spreadsheet shows (the header is row 1). */
export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

/** Which column (by its header text) feeds each of the kind's fields. */
export type ColumnMapping = Record<string, string>;

export type IssueSeverity = 'error' | 'warning';

export const ISSUE_CODES = [
  'required',
  'gtin_syntax',
  'gtin_check_digit',
  'lot_syntax',
  'serial_syntax',
  'date_syntax',
  'date_order',
  'qty_syntax',
  'number_syntax',
  'code_syntax',
  'location_syntax',
  'status_unknown',
  'origin_unknown',
  'bool_syntax',
  'too_long',
  'unstorable_text',
  'broken_text',
  'trimmed',
  'released_without_qc',
  'duplicate_row',
  'duplicate_key',
  'near_duplicate',
  'unknown_item',
  'unknown_lot',
  'unknown_location',
  'unknown_customer',
  'conflict',
  'changed_since_import',
  'already_imported',
  'past_expiry',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** One thing wrong (error) or worth a look (warning) with one row, naming the row and the field. */
export interface RowIssue {
  row: number;
  /** The kind's field (`lotNumber`), empty for the row as a whole. */
  field: string;
  /** The column the field was read from, as the file names it. */
  column: string;
  code: IssueCode;
  severity: IssueSeverity;
  message: string;
}

export type RowStatus = 'ok' | 'warning' | 'error';

/** A row's values as Lotline will store them. */
export type RowValues = Record<string, string | number | boolean | null>;

/** A problem with the file as a whole: nothing in it can be judged row by row. */
export interface FileProblem {
  code: 'empty_file' | 'no_rows' | 'unknown_encoding' | 'duplicate_header' | 'missing_columns' | 'unknown_column' | 'too_many_rows' | 'unreadable';
  message: string;
  params?: Record<string, string | number>;
}

export class ImportFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.message);
    this.name = 'ImportFileError';
  }
}
