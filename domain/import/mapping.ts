import { IMPORT_FIELDS } from './fields';
import { IMPORT_KINDS, ImportFileError, type ColumnMapping, type ImportKind, type Sheet } from './types';

/** A header as compared with the aliases: NFKC (full-width to ASCII), lower case, no spaces, brackets or punctuation. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./()（）#:：*]+/g, '');
}

const aliasIndex = new Map<ImportKind, Map<string, string>>(
  IMPORT_KINDS.map((kind) => [kind, new Map(IMPORT_FIELDS[kind].flatMap((field) => [field.name, ...field.aliases].map((a) => [headerKey(a), field.name] as const)))]),
);

/** Headers that appear more than once, each with the 1-based columns it is in. */
export function duplicatedHeaders(headers: readonly string[]): { header: string; columns: number[] }[] {
  const seen = new Map<string, number[]>();
  headers.forEach((h, i) => {
    if (h === '') return;
    seen.set(h, [...(seen.get(h) ?? []), i + 1]);
  });
  return [...seen.entries()].filter(([, cols]) => cols.length > 1).map(([header, columns]) => ({ header, columns }));
}

/** Spreadsheet column letters for a 1-based column: 1 -> A, 27 -> AA. */
export function columnLetter(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** A column named twice cannot be mapped by name: the file is refused, naming both columns. */
export function refuseDuplicatedHeaders(headers: readonly string[]): void {
  const dup = duplicatedHeaders(headers)[0];
  if (!dup) return;
  const where = dup.columns.map(columnLetter).join(' and ');
  throw new ImportFileError({ code: 'duplicate_header', message: `The header "${dup.header}" appears in columns ${where}; rename one so each column can be told apart.`, params: { header: dup.header, columns: where } });
}

/** Each field's column, from the headers' names in English or Chinese; fields no header names are left out. */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const index = aliasIndex.get(kind)!;
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const field = index.get(headerKey(header));
    if (field && mapping[field] === undefined) mapping[field] = header;
  }
  return mapping;
}

/** The kind whose fields the headers name most (and whose required fields they all name, when one does). */
export function guessKind(headers: readonly string[]): ImportKind | null {
  let best: { kind: ImportKind; score: number } | null = null;
  for (const kind of IMPORT_KINDS) {
    const mapped = suggestMapping(kind, headers);
    const required = IMPORT_FIELDS[kind].filter((x) => x.required);
    const complete = required.every((x) => mapped[x.name] !== undefined);
    const score = Object.keys(mapped).length + (complete ? 100 : 0) + required.filter((x) => mapped[x.name] !== undefined).length;
    if (Object.keys(mapped).length > 0 && (!best || score > best.score)) best = { kind, score };
  }
  return best?.kind ?? null;
}

export interface MappingCheck {
  /** Field -> column index in the sheet. */
  columns: Map<string, number>;
  /** Headers no field reads: left out of the import, listed so nothing is dropped unseen. */
  unmapped: string[];
}

/**
 * Checks a mapping against the sheet: every required field needs a column, every named column
 * must exist, and two fields may not read one column. A file for another kind is answered with
 * the kind it looks like.
 */
export function checkMapping(kind: ImportKind, sheet: Sheet, mapping: ColumnMapping): MappingCheck {
  refuseDuplicatedHeaders(sheet.headers);
  const columns = new Map<string, number>();
  const fields = IMPORT_FIELDS[kind];
  const byColumn = new Map<number, string>();
  for (const [field, header] of Object.entries(mapping)) {
    if (header === undefined || header === '') continue;
    if (!fields.some((x) => x.name === field)) throw new ImportFileError({ code: 'unknown_column', message: `A ${kind} import has no field "${field}".`, params: { field } });
    const at = sheet.headers.indexOf(header);
    if (at === -1) throw new ImportFileError({ code: 'unknown_column', message: `The mapping names the column "${header}" for ${field}, and the file has no such column.`, params: { field, header } });
    const other = byColumn.get(at);
    if (other) throw new ImportFileError({ code: 'unknown_column', message: `The column "${header}" is mapped to both ${other} and ${field}.`, params: { field, header } });
    byColumn.set(at, field);
    columns.set(field, at);
  }
  const missing = fields.filter((x) => x.required && !columns.has(x.name)).map((x) => x.name);
  if (missing.length > 0) {
    const guess = guessKind(sheet.headers);
    const hint = guess && guess !== kind ? ` The columns look like a ${guess} file: choose that kind.` : ' Map a column to each of them.';
    throw new ImportFileError({ code: 'missing_columns', message: `A ${kind} import needs the columns ${missing.join(', ')}; none is mapped.${hint}`, params: { fields: missing.join(','), ...(guess ? { looksLike: guess } : {}) } });
  }
  const unmapped = sheet.headers.filter((h, i) => h !== '' && !byColumn.has(i));
  return { columns, unmapped };
}
