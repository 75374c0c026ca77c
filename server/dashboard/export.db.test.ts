import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo';
import { bearer, signIn, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';

/**
 * Exports of the rows behind a figure: every row, once, in a file a spreadsheet opens, and
 * streamed — the server's memory does not grow with the number of rows.
 */

const ROWS = 150_000;
let t: TestDb;
let app: TestApp;
let supervisor: string;

beforeAll(async () => {
  t = await openTestDb('dashboard_export');
  app = await testApp(t.db);
  const password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  supervisor = await signIn(app, 'supervisor', password);
  await t.db.query(`INSERT INTO locations (code, name, kind) VALUES ('BULK-01', 'Bulk store', 'storage')`);
  // Names a spreadsheet could take for formulas, quotes and commas, and Chinese text.
  await t.db.query(`UPDATE items SET name = '=HYPERLINK("x"),注射器' , standard_cost = 0.5 WHERE gtin = (SELECT min(gtin) FROM items)`);
  await t.db.query(
    `INSERT INTO lots (lot_number, item_id, origin, status, expires_on)
     SELECT 'BULK' || g, (SELECT id FROM items ORDER BY gtin LIMIT 1), 'received', 'released', current_date + (g % 500) FROM generate_series(1, $1::int) g`,
    [ROWS],
  );
  await t.db.query(
    `INSERT INTO stock_balances (lot_id, location_id, qty)
     SELECT l.id, (SELECT id FROM locations WHERE code = 'BULK-01'), 1 + (hashtext(l.lot_number) & 1023) FROM lots l WHERE l.lot_number LIKE 'BULK%'`,
  );
}, 300_000);
afterAll(() => t.close());

// What the heap holds, not what it has yet to collect: garbage would hide a leak or fake one.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const liveHeap = () => {
  collect();
  return process.memoryUsage().heapUsed;
};

/** Reads a response body chunk by chunk, noting the most the heap held while the export ran. */
async function consume(res: Response, onChunk: (chunk: Buffer) => void): Promise<{ bytes: number; heapGrowth: number }> {
  const before = liveHeap();
  let peak = before;
  let bytes = 0;
  let chunks = 0;
  for await (const chunk of Readable.fromWeb(res.body as WebReadableStream<Uint8Array>)) {
    const b = chunk as Buffer;
    bytes += b.length;
    onChunk(b);
    if (++chunks % 100 === 0) peak = Math.max(peak, liveHeap());
  }
  return { bytes, heapGrowth: peak - before };
}

describe('exports', () => {
  it(`streams ${ROWS.toLocaleString('en-US')} rows as CSV with the count up front and flat memory`, async () => {
    const res = await app.request('/api/dashboard/stock/rows.csv?site=MAIN&figure=on_hand&location=BULK-01', bearer(supervisor));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('x-row-count')).toBe(String(ROWS));
    let lines = 0;
    let head = '';
    const { bytes, heapGrowth } = await consume(res, (chunk) => {
      if (head.length < 2000) head += chunk.toString('utf8');
      for (const byte of chunk) if (byte === 10) lines++;
    });
    expect(lines).toBe(ROWS + 1);
    expect(head.startsWith('\uFEFFwarehouse,location,gtin,sku,item,lot,')).toBe(true);
    expect(head).toContain(`"'=HYPERLINK(""x""),注射器"`);
    expect(bytes).toBeGreaterThan(20_000_000);
    // Holding the rows would take more than the file; streaming holds a few batches.
    expect(heapGrowth).toBeLessThan(bytes / 4);
  }, 300_000);

  it('streams the same rows as an XLSX workbook a spreadsheet reads back', async () => {
    const res = await app.request('/api/dashboard/stock/rows.xlsx?site=MAIN&figure=on_hand&location=BULK-01', bearer(supervisor));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-row-count')).toBe(String(ROWS));
    const chunks: Buffer[] = [];
    const { bytes, heapGrowth } = await consume(res, (chunk) => chunks.push(chunk));
    // The test keeps the file to read it back; beyond that the export holds a few batches.
    expect(heapGrowth - bytes).toBeLessThan(bytes / 4);
    let rows = 0;
    let header: unknown[] = [];
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), { worksheets: 'emit', sharedStrings: 'cache' });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (rows === 0) header = (row.values as unknown[]).slice(1);
        rows++;
      }
    }
    expect(rows).toBe(ROWS + 1);
    expect(header.slice(0, 3)).toEqual(['warehouse', 'location', 'gtin']);
  }, 300_000);

  it('exports a figure with no rows as a header alone', async () => {
    const res = await app.request('/api/dashboard/stock/rows.csv?site=MAIN&figure=negative', bearer(supervisor));
    expect(res.headers.get('x-row-count')).toBe('0');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()).split('\r\n')).toEqual(['\uFEFFwarehouse,location,gtin,sku,item,lot,status,expires_on,received_or_produced_on,last_moved_on,status_since,qty,standard_cost,value', '']);
  });
});
