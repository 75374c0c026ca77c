import { createHash } from 'node:crypto';
import { migrate, type Db } from '../server/db';
import { traceLot, type TraceDirection } from '../server/lots/trace';
import { generateGenealogy, gtinOfLevel, lotIdOf, type GenealogyShape } from '../server/test-support/genealogy';
import { onBenchPglite, onBenchPostgres } from './databases';
import { option, percentile, printTable, repeat, runsOption, spreadCell, spreadFigures, writeResults, type Spread } from './report';

/**
 * Two-way trace on a million lots: Lotline's one-statement recursive trace against a naive
 * traversal that asks the database once per level, side by side on the same data and lots,
 * alternating which goes first, on PostgreSQL and on embedded PGlite; and the recall's worst case,
 * a hub lot that went into 20,000 finished lots. Every figure is the median of at least 5 runs.
 */

const SCHEMA = 'lotline_bench_trace';
const SAMPLES = 100;

export function shapeFor(totalLots: number): GenealogyShape {
  // 5 levels; 3 parents per child gives 2.4M links plus 600k shipment lines per million lots.
  return { levels: 5, lotsPerLevel: Math.floor(totalLots / 5), parentsPerChild: 3, customers: 2000, linesPerShipment: 3, locations: 200 };
}

/** A fixed pseudo-random sequence, so every run traces the same lots. */
export function sampleLots(shape: GenealogyShape, count: number): { level: number; index: number }[] {
  let seed = 20261123;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, () => ({ level: Math.floor(next() * shape.levels), index: Math.floor(next() * shape.lotsPerLevel) }));
}

/** The naive way: one query per level for the next frontier, then the details. */
export async function naiveTrace(db: Db, lotId: string, direction: TraceDirection): Promise<number> {
  const [from, to] = direction === 'forward' ? ['parent_lot_id', 'child_lot_id'] : ['child_lot_id', 'parent_lot_id'];
  const reached = new Set([lotId]);
  let frontier = [lotId];
  while (frontier.length > 0) {
    const next = await db.query<{ id: string }>(`SELECT DISTINCT ${to} AS id FROM genealogy_edges WHERE ${from} = ANY($1::uuid[])`, [frontier]);
    frontier = next.rows.map((r) => r.id).filter((id) => !reached.has(id));
    for (const id of frontier) reached.add(id);
  }
  const ids = [...reached];
  await db.query('SELECT l.id, l.lot_number, i.gtin, l.status FROM lots l JOIN items i ON i.id = l.item_id WHERE l.id = ANY($1::uuid[])', [ids]);
  await db.query(`SELECT ${from}, ${to}, sum(qty) FROM genealogy_edges WHERE ${from} = ANY($1::uuid[]) GROUP BY 1, 2`, [ids]);
  await db.query('SELECT b.lot_id, loc.code, b.qty FROM stock_balances b JOIN locations loc ON loc.id = b.location_id WHERE b.lot_id = ANY($1::uuid[]) AND b.qty <> 0', [ids]);
  await db.query('SELECT sl.lot_id, s.number, c.code FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id JOIN customers c ON c.id = s.customer_id WHERE sl.lot_id = ANY($1::uuid[])', [ids]);
  return reached.size;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export const HUB_FINISHED = 20_000;
export const HUB_LINES_PER_LOT = 5;
export const HUB_ID = lotIdOfHub();

function lotIdOfHub(): string {
  const h = createHash('md5').update('hub-lot').digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A recall's worst case: one raw-material lot (a resin batch) that went into 20,000 finished
 * lots, shipped as 100,000 shipment lines, beside the genealogy.
 */
export async function addHubLot(db: Db, shape: GenealogyShape): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO items (gtin, sku, name, shelf_life_days) VALUES ($1, 'HUB-RAW', 'Resin batch (hub)', 1825), ($2, 'HUB-FIN', 'Finished goods of the hub', 1095)`,
      [gtinOfLevel(90), gtinOfLevel(91)],
    );
    await tx.query(
      `INSERT INTO lots (id, lot_number, item_id, supplier, supplier_lot, expires_on, origin, status)
       SELECT md5('hub-lot')::uuid, 'HUB-1', id, 'Resin supplier', 'RS-1', DATE '2031-01-01', 'received', 'released' FROM items WHERE sku = 'HUB-RAW'`,
    );
    await tx.query(
      `INSERT INTO lots (id, lot_number, item_id, expires_on, origin, status)
       SELECT md5('hub-fin-' || j)::uuid, 'HF-' || j, i.id, DATE '2030-01-01' + (j % 700), 'produced', 'released'
         FROM generate_series(0, $1::int - 1) j CROSS JOIN (SELECT id FROM items WHERE sku = 'HUB-FIN') i`,
      [HUB_FINISHED],
    );
    await tx.query(`INSERT INTO genealogy_edges (parent_lot_id, child_lot_id, qty) SELECT md5('hub-lot')::uuid, md5('hub-fin-' || j)::uuid, 1 FROM generate_series(0, $1::int - 1) j`, [HUB_FINISHED]);
    await tx.query(
      `INSERT INTO stock_balances (lot_id, location_id, qty)
       SELECT md5('hub-fin-' || j)::uuid, loc.id, 20 FROM generate_series(0, $1::int - 1) j JOIN locations loc ON loc.code = 'GEN-' || (j % $2)`,
      [HUB_FINISHED, shape.locations],
    );
    await tx.query(
      `INSERT INTO shipments (id, number, customer_id, shipped_at)
       SELECT md5('hub-shipment-' || s)::uuid, 'HSH-' || s, c.id, TIMESTAMPTZ '2026-06-01' + s * interval '1 minute'
         FROM generate_series(0, $1::int - 1) s JOIN customers c ON c.code = 'GC' || ((s * 7) % $2)`,
      [HUB_FINISHED, shape.customers],
    );
    await tx.query(
      `INSERT INTO shipment_lines (shipment_id, lot_id, qty)
       SELECT md5('hub-shipment-' || ((j * $2 + k) % $1))::uuid, md5('hub-fin-' || j)::uuid, 2
         FROM generate_series(0, $1::int - 1) j CROSS JOIN generate_series(0, $2::int - 1) k`,
      [HUB_FINISHED, HUB_LINES_PER_LOT],
    );
  });
}

/** Lotline's trace and the naive one on the same lot, in the order given. */
async function both(db: Db, id: string, direction: TraceDirection, lotlineFirst: boolean): Promise<{ lotline: number; naive: number; reached: number }> {
  let reached = 0;
  const lotline = () => time(async () => (reached = (await traceLot(db, id, { direction })).lots.length));
  const naive = () => time(() => naiveTrace(db, id, direction));
  if (lotlineFirst) {
    const a = await lotline();
    return { lotline: a, naive: await naive(), reached };
  }
  const b = await naive();
  return { lotline: await lotline(), naive: b, reached };
}

type RunFigures = Record<'forward_p50' | 'forward_p95' | 'backward_p95' | 'naive_forward_p95' | 'naive_backward_p95' | 'hub_forward' | 'naive_hub_forward' | 'reached_p50' | 'reached_max', number>;

interface Figures {
  runs: Record<keyof RunFigures, Spread>;
  hubReached: number;
  loadSeconds: number;
}

async function measure(db: Db, shape: GenealogyShape, runs: number, label: string): Promise<Figures> {
  const started = performance.now();
  await migrate(db);
  await generateGenealogy(db, shape);
  await addHubLot(db, shape);
  await db.exec('ANALYZE');
  const loadSeconds = (performance.now() - started) / 1000;
  console.log(`${label} loaded in ${loadSeconds.toFixed(1)} s`);
  const samples = sampleLots(shape, SAMPLES);
  for (const { level, index } of samples.slice(0, 5)) await traceLot(db, lotIdOf(level, index), { direction: 'forward' }); // warm the cache
  let hubReached = 0;
  const spreads = await repeat(runs, async (run): Promise<RunFigures> => {
    const forward: number[] = [];
    const backward: number[] = [];
    const naiveForward: number[] = [];
    const naiveBackward: number[] = [];
    const reached: number[] = [];
    for (const [n, { level, index }] of samples.entries()) {
      const id = lotIdOf(level, index);
      // Alternate which way goes first, lot by lot and run by run, so neither always meets a warm cache.
      const lotlineFirst = (run + n) % 2 === 0;
      const f = await both(db, id, 'forward', lotlineFirst);
      const b = await both(db, id, 'backward', !lotlineFirst);
      forward.push(f.lotline);
      naiveForward.push(f.naive);
      backward.push(b.lotline);
      naiveBackward.push(b.naive);
      reached.push(f.reached);
    }
    const hub = await both(db, HUB_ID, 'forward', run % 2 === 0);
    hubReached = hub.reached;
    return {
      forward_p50: percentile(forward, 50),
      forward_p95: percentile(forward, 95),
      backward_p95: percentile(backward, 95),
      naive_forward_p95: percentile(naiveForward, 95),
      naive_backward_p95: percentile(naiveBackward, 95),
      hub_forward: hub.lotline,
      naive_hub_forward: hub.naive,
      reached_p50: percentile(reached, 50),
      reached_max: Math.max(...reached),
    };
  }, (line) => console.log(`  ${label}${line}`));
  return { runs: spreads, hubReached, loadSeconds };
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function run(args: string[]): Promise<void> {
  const totalLots = Number(option(args, 'lots') ?? 1_000_000);
  if (!Number.isInteger(totalLots) || totalLots < 1000) throw new Error('--lots must be a whole number of at least 1,000');
  const runs = runsOption(args);
  const shape = shapeFor(totalLots);
  const edges = (shape.levels - 1) * shape.lotsPerLevel * shape.parentsPerChild;
  console.log(
    `trace: ${(shape.levels * shape.lotsPerLevel).toLocaleString('en-US')} lots in ${shape.levels} levels, up to ${edges.toLocaleString('en-US')} genealogy links and ${shape.lotsPerLevel.toLocaleString('en-US')} shipment lines, ` +
      `plus a hub lot feeding ${HUB_FINISHED.toLocaleString('en-US')} finished lots and ${(HUB_FINISHED * HUB_LINES_PER_LOT).toLocaleString('en-US')} shipment lines; ${SAMPLES} lots traced both ways per run, ${runs} runs`,
  );

  const pg = await onBenchPostgres(SCHEMA, (db) => measure(db, shape, runs, 'PostgreSQL '));
  const lite = await onBenchPglite((db) => measure(db, shape, runs, 'PGlite '));

  const row = (name: string, s: Spread) => [name, spreadCell(s, 2)];
  printTable(`Trace latency (ms): median (min–max) over ${runs} runs of the per-run figure`, ['', 'value'], [
    row('forward p50, PostgreSQL (Lotline)', pg.runs.forward_p50),
    row('forward p95, PostgreSQL (Lotline)', pg.runs.forward_p95),
    row('forward p95, PostgreSQL (naive per level)', pg.runs.naive_forward_p95),
    row('backward p95, PostgreSQL (Lotline)', pg.runs.backward_p95),
    row('backward p95, PostgreSQL (naive per level)', pg.runs.naive_backward_p95),
    row(`hub lot forward, PostgreSQL (Lotline; ${pg.hubReached.toLocaleString('en-US')} lots)`, pg.runs.hub_forward),
    row('hub lot forward, PostgreSQL (naive per level)', pg.runs.naive_hub_forward),
    row('forward p95, PGlite (Lotline)', lite.runs.forward_p95),
    row('forward p95, PGlite (naive per level)', lite.runs.naive_forward_p95),
    row('backward p95, PGlite (Lotline)', lite.runs.backward_p95),
    row('backward p95, PGlite (naive per level)', lite.runs.naive_backward_p95),
    row('hub lot forward, PGlite (Lotline)', lite.runs.hub_forward),
    row('hub lot forward, PGlite (naive per level)', lite.runs.naive_hub_forward),
  ]);
  console.log(`lots reached per forward trace: p50 ${pg.runs.reached_p50.median}, max ${pg.runs.reached_max.max}`);

  const file = writeResults('trace', {
    runs,
    ...spreadFigures('forward_p50_ms_pg', pg.runs.forward_p50, 2),
    ...spreadFigures('forward_p95_ms_pg', pg.runs.forward_p95, 2),
    ...spreadFigures('backward_p95_ms_pg', pg.runs.backward_p95, 2),
    ...spreadFigures('naive_forward_p95_ms_pg', pg.runs.naive_forward_p95, 2),
    ...spreadFigures('naive_backward_p95_ms_pg', pg.runs.naive_backward_p95, 2),
    ...spreadFigures('hub_forward_ms_pg', pg.runs.hub_forward, 2),
    ...spreadFigures('naive_hub_forward_ms_pg', pg.runs.naive_hub_forward, 2),
    ...spreadFigures('forward_p95_ms_pglite', lite.runs.forward_p95, 2),
    ...spreadFigures('backward_p95_ms_pglite', lite.runs.backward_p95, 2),
    ...spreadFigures('naive_forward_p95_ms_pglite', lite.runs.naive_forward_p95, 2),
    ...spreadFigures('naive_backward_p95_ms_pglite', lite.runs.naive_backward_p95, 2),
    ...spreadFigures('hub_forward_ms_pglite', lite.runs.hub_forward, 2),
    ...spreadFigures('naive_hub_forward_ms_pglite', lite.runs.naive_hub_forward, 2),
    lots: shape.levels * shape.lotsPerLevel,
    genealogy_edges: edges,
    shipment_lines: shape.lotsPerLevel,
    hub: { finished_lots: HUB_FINISHED, shipment_lines: HUB_FINISHED * HUB_LINES_PER_LOT, lots_reached: pg.hubReached },
    load_s_pg: round(pg.loadSeconds),
    load_s_pglite: round(lite.loadSeconds),
  });
  console.log(`\nfigures written to ${file}`);
}
