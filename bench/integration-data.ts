import { migrate, type Db } from '../server/db';
import { ledgerEvents, ledgerFacts } from '../server/epcis';
import { runImport } from '../server/import/run';
import { loadDemoData } from '../server/seed/demo';
import { onBenchPostgres } from './databases';
import { repeat, type Spread } from './report';

/**
 * The data side of the integration surface on PostgreSQL: a legacy import of `rows` lots (dry
 * run and commit, through the same rules, ledger and audit chain as live ops) beside the floor of
 * writing the same rows with one bare INSERT; and the EPCIS export of the ledger's events beside
 * the floor of reading the same facts without mapping or hashing them.
 */

const SCHEMA = 'lotline_bench_integration_data';
const GTINS = ['06901234000016', '06901234000054'];

function lotsCsv(rows: number, tag: string): Uint8Array {
  const lines = ['gtin,lotNumber,supplier,supplierLot,manufacturedOn,expiresOn,status'];
  for (let i = 0; i < rows; i++) lines.push(`${GTINS[i % GTINS.length]},${tag}${i},Supplier ${i % 50},SL-${i},2026-01-15,2028-06-30,quarantine`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

function stockCsv(rows: number, tag: string): Uint8Array {
  const lines = ['gtin,lotNumber,locationCode,qty'];
  for (let i = 0; i < rows; i++) lines.push(`${GTINS[i % GTINS.length]},${tag}${i},RCV-01,${1 + (i % 40)}`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

async function adminActor(db: Db): Promise<{ id: string; name: string }> {
  const found = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'supervisor'`);
  return { id: found.rows[0]!.id, name: 'supervisor' };
}

/** The floor: the same lots written with one INSERT of typed arrays, no checks, no audit, no events. */
async function bareLotInsert(db: Db, rows: number, tag: string): Promise<void> {
  const items = await db.query<{ id: string; gtin: string }>(`SELECT id, gtin FROM items WHERE gtin = ANY($1)`, [GTINS]);
  const idOf = new Map(items.rows.map((r) => [r.gtin, r.id]));
  const itemIds: string[] = [];
  const numbers: string[] = [];
  for (let i = 0; i < rows; i++) {
    itemIds.push(idOf.get(GTINS[i % GTINS.length]!)!);
    numbers.push(`${tag}${i}`);
  }
  await db.query(
    `INSERT INTO bench_bare_lots (item_id, lot_number, supplier, supplier_lot, manufactured_on, expires_on, status)
     SELECT item, num, 'Supplier', 'SL-' || num, DATE '2026-01-15', DATE '2028-06-30', 'quarantine' FROM unnest($1::uuid[], $2::text[]) AS t(item, num)`,
    [itemIds, numbers],
  );
}

export interface ImportFigures {
  rows: number;
  rowsPerS: Spread;
  dryRunS: Spread;
  commitS: Spread;
  totalS: Spread;
  floorRowsPerS: Spread;
}

export async function measureImport(rows: number, runs: number, log: (line: string) => void): Promise<ImportFigures> {
  const spreads = await repeat(
    runs,
    (run) =>
      onBenchPostgres(SCHEMA, async (db) => {
        await migrate(db);
        await loadDemoData(db, { password: 'bench-demo-pw' });
        await db.exec('CREATE TABLE bench_bare_lots (item_id uuid, lot_number text, supplier text, supplier_lot text, manufactured_on date, expires_on date, status text)');
        const actor = await adminActor(db);
        const content = lotsCsv(rows, `IMP${run}-`);
        const floor = async () => {
          const t = performance.now();
          await bareLotInsert(db, rows, `BARE${run}-`);
          return (performance.now() - t) / 1000;
        };
        const lotline = async () => {
          const done = await runImport(db, actor, { kind: 'lots', fileName: 'lots.csv', content });
          if (!done.commit || done.dryRun.summary.errors > 0) throw new Error(`the bench import was refused: ${JSON.stringify(done.dryRun.summary)}`);
          return done.timings;
        };
        // Which side goes first alternates by run.
        let floorS: number;
        let timings: { dryRunMs: number; commitMs: number };
        if (run % 2 === 0) {
          floorS = await floor();
          timings = await lotline();
        } else {
          timings = await lotline();
          floorS = await floor();
        }
        const totalS = (timings.dryRunMs + timings.commitMs) / 1000;
        return { rowsPerS: rows / totalS, dryRunS: timings.dryRunMs / 1000, commitS: timings.commitMs / 1000, totalS, floorRowsPerS: rows / floorS };
      }),
    log,
  );
  return { rows, ...spreads };
}

export interface EpcisFigures {
  events: number;
  eventsPerS: Spread;
  floorFactsPerS: Spread;
}

/** Imports `rows` lots and their stock (one opening move each, one EPCIS event each), then exports. */
export async function measureEpcisExport(rows: number, runs: number, log: (line: string) => void): Promise<EpcisFigures> {
  return onBenchPostgres(SCHEMA, async (db) => {
    await migrate(db);
    await loadDemoData(db, { password: 'bench-demo-pw' });
    const actor = await adminActor(db);
    for (const [kind, content] of [['lots', lotsCsv(rows, 'EPC-')], ['stock', stockCsv(rows, 'EPC-')]] as const) {
      const done = await runImport(db, actor, { kind, fileName: `${kind}.csv`, content });
      if (!done.commit) throw new Error(`the bench ${kind} import was refused: ${JSON.stringify(done.dryRun.summary)}`);
    }
    await db.exec('ANALYZE');
    const window = { from: null, to: null };
    let events = 0;
    const spreads = await repeat(
      runs,
      async (run) => {
        const exportOnce = async () => {
          const t = performance.now();
          events = (await ledgerEvents(db, window)).length;
          return events / ((performance.now() - t) / 1000);
        };
        const floorOnce = async () => {
          const t = performance.now();
          const facts = (await ledgerFacts(db, window)).length;
          return facts / ((performance.now() - t) / 1000);
        };
        const [eventsPerS, floorFactsPerS] = run % 2 === 0 ? [await exportOnce(), await floorOnce()] : await (async () => {
          const f = await floorOnce();
          return [await exportOnce(), f];
        })();
        return { eventsPerS, floorFactsPerS };
      },
      log,
    );
    return { events, ...spreads };
  });
}
