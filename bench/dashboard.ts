import { plantToday } from '../server/clock';
import { compactStockFigures, drillDown, readStockDashboard, readStockDashboardDirect, type DrillFigure } from '../server/dashboard';
import { migrate, type Db } from '../server/db';
import { cachedSchema, onBenchPglite, PG_URL } from './databases';
import { buildAndSize, type EntrySize } from './js-size';
import { option, percentile, printTable, repeat, runsOption, spreadCell, spreadFigures, writeResults, type Spread } from './report';
import { openPostgres } from '../server/db';

/**
 * The lot inventory dashboard on a million lots with three balances each: the summary from the
 * maintained figures against the same figures straight from the balances, and a drill-down
 * page, on PostgreSQL and PGlite; and what the handheld and console entries load first.
 */

export const SCHEMA = 'lotline_bench_dashboard';
const WAREHOUSES = ['W1', 'W2', 'W3', 'W4'];
const LOCATIONS = 2000;
const ITEMS = 2000;
const BALANCES_PER_LOT = 3;
/** PGlite is WASM in this process: a million lots take it far longer to load than anyone would wait for a benchmark. */
const PGLITE_MAX_LOTS = 100_000;
const SUMMARY_SAMPLES = 20;
const WAREHOUSE_SAMPLES = 10;
const DIRECT_SAMPLES = 3;
const DRILL_SAMPLES = 20;

/** Fixed data: every figure has stock in it — expired, each bucket, no expiry, holds long and short, dead stock, a few negatives. */
export async function build(db: Db, lots: number): Promise<void> {
  await migrate(db);
  await db.query(`INSERT INTO sites (code, name) VALUES ('EAST', 'East plant')`);
  await db.query(`INSERT INTO warehouses (code, name, site_code) SELECT w, 'Warehouse ' || w, 'MAIN' FROM unnest($1::text[]) w`, [WAREHOUSES]);
  await db.query(
    `INSERT INTO items (gtin, sku, name, standard_cost)
     SELECT lpad((69012340000000 + g * 10)::text, 14, '0'), 'SKU-' || g, 'Item ' || g, CASE WHEN g % 10 = 0 THEN NULL ELSE (g % 97) + 0.25 END
       FROM generate_series(1, $1::int) g`,
    [ITEMS],
  );
  await db.query(
    `INSERT INTO locations (code, name, kind, warehouse_code)
     SELECT 'L-' || lpad(g::text, 5, '0'), 'Location ' || g, 'storage', ($2::text[])[1 + g % cardinality($2::text[])] FROM generate_series(1, $1::int) g`,
    [LOCATIONS, WAREHOUSES],
  );
  // In chunks: one statement of a million lots and three million balances would hold it all at once.
  const chunk = 100_000;
  for (let from = 1; from <= lots; from += chunk) {
    const to = Math.min(lots, from + chunk - 1);
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO lots (lot_number, item_id, origin, status, expires_on, manufactured_on, created_at, status_since)
         SELECT 'B' || g, i.id, CASE WHEN g % 3 = 0 THEN 'produced' ELSE 'received' END,
                (ARRAY['released','released','released','released','quarantine','on_hold','expired','recalled','rejected','released'])[1 + g % 10],
                CASE WHEN g % 17 = 0 THEN NULL ELSE current_date + ((g::bigint * 7919) % 1100 - 200)::int END,
                current_date - ((g::bigint * 104729) % 900)::int,
                now() - make_interval(days => ((g::bigint * 104729) % 900)::int),
                now() - make_interval(days => (g * 31) % 120)
           FROM generate_series($1::int, $2::int) g JOIN items i ON i.sku = 'SKU-' || (1 + g % $3::int)`,
        [from, to, ITEMS],
      );
      await tx.query(
        `INSERT INTO stock_balances (lot_id, location_id, qty, updated_at)
         SELECT l.id, loc.id, CASE WHEN (n + k) % 5000 = 0 THEN -3 ELSE 1 + (n * 13 + k) % 400 END, now() - make_interval(days => (n * 7 + k * 131) % 500)
           FROM (SELECT id, substr(lot_number, 2)::int AS n FROM lots WHERE lot_number LIKE 'B%' AND substr(lot_number, 2)::int BETWEEN $1 AND $2) l
          CROSS JOIN generate_series(1, $3::int) k
           JOIN locations loc ON loc.code = 'L-' || lpad((1 + (l.n * 3 + k * 577) % $4::int)::text, 5, '0')`,
        [from, to, BALANCES_PER_LOT, LOCATIONS],
      );
    });
    await compactStockFigures(db);
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

interface Measured {
  summary: Spread;
  /** One warehouse's summary with its first page of 500 locations by status. */
  warehouse: Spread;
  direct: Spread;
  drill: Spread;
  lots: number;
  balances: number;
  figureRows: number;
}

async function measure(db: Db, runs: number, label: string): Promise<Measured> {
  const today = plantToday();
  const query = { site: 'MAIN', today, costVisible: true };
  const counts = await db.query<{ lots: number; balances: number; figures: number }>('SELECT (SELECT count(*) FROM lots)::int AS lots, (SELECT count(*) FROM stock_balances)::int AS balances, (SELECT count(*) FROM stock_figures)::int AS figures');
  const first = await readStockDashboard(db, query);
  const warehouseQuery = { ...query, warehouse: WAREHOUSES[0]! };
  const places = (await readStockDashboard(db, warehouseQuery)).byLocation!.rows;
  // Drill-downs open the cells a supervisor clicks: a place and status, an expiry bucket, dead stock.
  const cells: { figure: DrillFigure; location?: string; status?: (typeof places)[number]['status']; bucket?: string }[] = [
    ...places.filter((_, i) => i % Math.max(1, Math.floor(places.length / 10)) === 0).map((p) => ({ figure: 'on_hand' as const, location: p.location!, status: p.status })),
    ...first.expiry.map((b) => ({ figure: 'expiry' as const, bucket: b.key })),
    { figure: 'dead_stock' },
    { figure: 'long_hold' },
    { figure: 'negative' },
  ];
  const figures = await repeat(
    runs,
    async (run) => {
      const summary: number[] = [];
      const warehouse: number[] = [];
      const direct: number[] = [];
      const drill: number[] = [];
      for (let i = 0; i < SUMMARY_SAMPLES; i++) summary.push(await timed(() => readStockDashboard(db, query)));
      for (let i = 0; i < WAREHOUSE_SAMPLES; i++) warehouse.push(await timed(() => readStockDashboard(db, warehouseQuery)));
      for (let i = 0; i < DIRECT_SAMPLES; i++) direct.push(await timed(() => readStockDashboardDirect(db, query)));
      for (let i = 0; i < DRILL_SAMPLES; i++) {
        const cell = cells[(run * DRILL_SAMPLES + i) % cells.length]!;
        drill.push(await timed(() => drillDown(db, { site: 'MAIN', ...cell, asOf: first.asOf, limit: 500, today, costVisible: true })));
      }
      return { summary: percentile(summary, 95), warehouse: percentile(warehouse, 95), direct: percentile(direct, 95), drill: percentile(drill, 95) };
    },
    (line) => console.log(`${label}${line}`),
  );
  return { ...figures, lots: counts.rows[0]!.lots, balances: counts.rows[0]!.balances, figureRows: counts.rows[0]!.figures };
}

export async function run(args: string[]): Promise<void> {
  const lots = Number(option(args, 'lots') ?? 1_000_000);
  if (!Number.isInteger(lots) || lots < 1000) throw new Error('--lots must be a whole number of at least 1,000');
  const runs = runsOption(args);
  const pgliteLots = Math.min(lots, Number(option(args, 'pglite-lots') ?? PGLITE_MAX_LOTS));
  const skipBuild = args.includes('--skip-build');
  console.log(`dashboard: ${lots.toLocaleString('en-US')} lots x ${BALANCES_PER_LOT} balances on PostgreSQL, ${pgliteLots.toLocaleString('en-US')} lots on PGlite${pgliteLots < lots ? ' (smaller: loading a million lots into WASM PGlite takes longer than the benchmark is worth)' : ''}; ${runs} runs`);

  const cache = await cachedSchema(SCHEMA, `dashboard-v2 lots=${lots}`, (db) => build(db, lots));
  console.log(cache.built ? `PostgreSQL loaded in ${cache.seconds.toFixed(1)} s` : 'PostgreSQL data reused from an earlier run');
  const pgDb = await openPostgres({ connectionString: PG_URL, schema: SCHEMA });
  let pg: Measured;
  try {
    pg = await measure(pgDb, runs, 'PostgreSQL ');
  } finally {
    await pgDb.close();
  }
  const pgliteStarted = performance.now();
  const pglite = await onBenchPglite(async (db) => {
    await build(db, pgliteLots);
    await db.exec('ANALYZE');
    console.log(`PGlite loaded in ${((performance.now() - pgliteStarted) / 1000).toFixed(1)} s`);
    return measure(db, runs, 'PGlite ');
  });

  let sizes: EntrySize[] | null = null;
  if (!skipBuild) sizes = buildAndSize();
  const sizeOf = (entry: string) => sizes?.find((s) => s.entry === entry)?.kbGzip ?? null;

  printTable(`Dashboard: p95 per run, median (min–max) over ${runs} runs, ms`, ['', `PostgreSQL (${pg.lots.toLocaleString('en-US')} lots, ${pg.balances.toLocaleString('en-US')} balances)`, `PGlite (${pglite.lots.toLocaleString('en-US')} lots, ${pglite.balances.toLocaleString('en-US')} balances)`, 'target'], [
    ['summary, maintained figures', spreadCell(pg.summary, 1), spreadCell(pglite.summary, 1), '<= 300 (PostgreSQL)'],
    ['one warehouse, first 500 locations x status', spreadCell(pg.warehouse, 1), spreadCell(pglite.warehouse, 1), ''],
    ['summary, direct over the balances', spreadCell(pg.direct, 1), spreadCell(pglite.direct, 1), ''],
    ['drill-down page of 500 rows', spreadCell(pg.drill, 1), spreadCell(pglite.drill, 1), ''],
    ['figure rows kept', pg.figureRows, pglite.figureRows, ''],
  ]);
  if (sizes) printTable('Initial JS per HTML entry, gzip', ['entry', 'KB', 'files'], sizes.map((s) => [s.entry, s.kbGzip, s.files.length]));
  const file = writeResults('dashboard', {
    runs,
    lots_pg: pg.lots,
    balances_pg: pg.balances,
    lots_pglite: pglite.lots,
    balances_pglite: pglite.balances,
    pglite_note: pglite.lots < pg.lots ? `PGlite measured on ${pglite.lots.toLocaleString('en-US')} lots: loading a million into WASM PGlite takes longer than the benchmark is worth` : null,
    ...spreadFigures('summary_p95_ms_pg', pg.summary, 2),
    ...spreadFigures('summary_p95_ms_pglite', pglite.summary, 2),
    ...spreadFigures('warehouse_summary_p95_ms_pg', pg.warehouse, 2),
    ...spreadFigures('warehouse_summary_p95_ms_pglite', pglite.warehouse, 2),
    ...spreadFigures('direct_summary_p95_ms_pg', pg.direct, 2),
    ...spreadFigures('direct_summary_p95_ms_pglite', pglite.direct, 2),
    ...spreadFigures('drilldown_p95_ms_pg', pg.drill, 2),
    ...spreadFigures('drilldown_p95_ms_pglite', pglite.drill, 2),
    figure_rows_pg: pg.figureRows,
    handheld_initial_js_kb_gzip: sizeOf('index.html'),
    console_initial_js_kb_gzip: sizeOf('console.html') ?? sizeOf('console/index.html'),
    entries: sizes,
    load_s_pg: cache.built ? Math.round(cache.seconds * 10) / 10 : null,
  });
  console.log(`\nfigures written to ${file}`);
}
