import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type { Db, Queryable } from '../db';
import { countDrillRows, cursorRows, type drillRows, type StockRow } from './drill';

export type ExportFormat = 'csv' | 'xlsx';

/** Rows read per statement: enough to keep the database busy, few enough that memory stays flat. */
export const EXPORT_BATCH = 2000;

const COLUMNS: { header: string; of: (r: StockRow) => string | null; text?: boolean; number?: boolean }[] = [
  { header: 'warehouse', of: (r) => r.warehouse, text: true },
  { header: 'location', of: (r) => r.location, text: true },
  { header: 'gtin', of: (r) => r.gtin, text: true },
  { header: 'sku', of: (r) => r.sku, text: true },
  { header: 'item', of: (r) => r.itemName, text: true },
  { header: 'lot', of: (r) => r.lotNumber, text: true },
  { header: 'status', of: (r) => r.status },
  { header: 'expires_on', of: (r) => r.expiresOn },
  { header: 'received_or_produced_on', of: (r) => r.agedOn },
  { header: 'last_moved_on', of: (r) => r.movedOn },
  { header: 'status_since', of: (r) => r.statusSince },
  { header: 'qty', of: (r) => r.qty, number: true },
  { header: 'standard_cost', of: (r) => r.standardCost, number: true },
  { header: 'value', of: (r) => r.value, number: true },
];

/** Text a spreadsheet would run as a formula is kept as text. */
const inert = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

function csvCell(value: string | null, text: boolean): string {
  if (value === null) return '';
  const v = text ? inert(value) : value;
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

const csvLine = (cells: string[]) => `${cells.join(',')}\r\n`;

interface Sink {
  rows(batch: StockRow[]): Promise<void>;
  end(): Promise<void>;
}

/** Waits until the reader has taken what was written, or throws once it has gone away. */
async function drained(out: PassThrough): Promise<void> {
  if (out.destroyed) throw new Error('the export was abandoned');
  if (!out.writableNeedDrain) return;
  await Promise.race([once(out, 'drain'), once(out, 'close')]);
  if (out.destroyed) throw new Error('the export was abandoned');
}

function csvSink(out: PassThrough): Sink {
  // The byte-order mark makes spreadsheet programs read the Chinese item names as UTF-8.
  out.write(`\uFEFF${csvLine(COLUMNS.map((c) => c.header))}`);
  return {
    async rows(batch) {
      out.write(batch.map((r) => csvLine(COLUMNS.map((c) => csvCell(c.of(r), c.text === true)))).join(''));
      await drained(out);
    },
    async end() {
      out.end();
    },
  };
}

function xlsxSink(out: PassThrough): Sink {
  // No shared strings or styles: both are kept in memory until the end, which a streamed
  // workbook of half a million rows cannot afford.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('stock');
  sheet.addRow(COLUMNS.map((c) => c.header)).commit();
  return {
    async rows(batch) {
      for (const r of batch) sheet.addRow(COLUMNS.map((c) => (c.number ? (c.of(r) === null ? null : Number(c.of(r))) : c.of(r)))).commit();
      await drained(out);
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export interface RowExport {
  /** Rows the export will hold, counted before the first is sent: the reader's progress bar. */
  rows: number;
  body: ReadableStream<Uint8Array>;
}

type Where = Parameters<typeof drillRows>[1];

/**
 * Streams every row behind a figure as CSV or XLSX through a cursor, a batch at a time, fetching
 * the next batch only once the reader has taken the last: memory stays flat however many rows
 * there are. The count and the rows read one repeatable-read snapshot, so the file holds exactly
 * the rows counted. On PGlite, whose one connection the transaction holds, other requests wait
 * while an export runs: exports there are for a plant pilot's sizes.
 */
export async function exportRows(db: Db, where: Where, format: ExportFormat, costVisible: boolean, onError: (error: unknown) => void): Promise<RowExport> {
  const out = new PassThrough();
  let counted: (n: number) => void = () => undefined;
  const rowCount = new Promise<number>((resolve) => {
    counted = resolve;
  });
  const produce = async (tx: Queryable) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    counted(await countDrillRows(tx, where));
    const sink = format === 'csv' ? csvSink(out) : xlsxSink(out);
    for await (const batch of cursorRows(tx, where, EXPORT_BATCH, costVisible)) await sink.rows(batch);
    await sink.end();
  };
  const failed = db.transaction(produce).then(
    () => null,
    (error: unknown) => {
      if (!out.destroyed) {
        onError(error);
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      }
      return error;
    },
  );
  // A failure before the count is known is the request's failure, answered with an error.
  const first = await Promise.race([rowCount, failed]);
  if (typeof first !== 'number') throw first;
  return { rows: first, body: Readable.toWeb(out) as ReadableStream<Uint8Array> };
}
