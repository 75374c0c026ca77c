import { migrate, type Db } from '../server/db';
import { traceLot, type TraceDirection } from '../server/lots/trace';
import { generateGenealogy, lotIdOf, type GenealogyShape } from '../server/test-support/genealogy';
import { onBenchPglite, onBenchPostgres } from './databases';
import { percentile, printTable, writeResults } from './report';

/**
 * Two-way trace on a million lots: Lotline's one-statement recursive trace against a naive
 * traversal that asks the database once per level, side by side on the same data, on
 * PostgreSQL and on embedded PGlite.
 */

const SCHEMA = 'lotline_bench_trace';
const SAMPLES = 100;

function shapeFor(totalLots: number): GenealogyShape {
  // 5 levels; 3 parents per child gives 2.4M links plus 600k shipment lines per million lots.
  return { levels: 5, lotsPerLevel: Math.floor(totalLots / 5), parentsPerChild: 3, customers: 2000, linesPerShipment: 3, locations: 200 };
}

/** A fixed pseudo-random sequence, so every run traces the same lots. */
function sampleLots(shape: GenealogyShape, count: number): { level: number; index: number }[] {
  let seed = 20261123;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, () => ({ level: Math.floor(next() * shape.levels), index: Math.floor(next() * shape.lotsPerLevel) }));
}

/** The naive way: one query per level for the next frontier, then the details. */
async function naiveTrace(db: Db, lotId: string, direction: TraceDirection): Promise<number> {
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

interface Figures {
  forward: number[];
  backward: number[];
  naiveForward: number[];
  naiveBackward: number[];
  lotsReached: number[];
  loadSeconds: number;
}

async function measure(db: Db, shape: GenealogyShape): Promise<Figures> {
  const started = performance.now();
  await migrate(db);
  await generateGenealogy(db, shape);
  await db.exec('ANALYZE');
  const loadSeconds = (performance.now() - started) / 1000;
  const samples = sampleLots(shape, SAMPLES);
  const figures: Figures = { forward: [], backward: [], naiveForward: [], naiveBackward: [], lotsReached: [], loadSeconds };
  for (const { level, index } of samples.slice(0, 5)) await traceLot(db, lotIdOf(level, index), { direction: 'forward' }); // warm the cache
  for (const { level, index } of samples) {
    const id = lotIdOf(level, index);
    let reached = 0;
    figures.forward.push(await time(async () => (reached = (await traceLot(db, id, { direction: 'forward' })).lots.length)));
    figures.lotsReached.push(reached);
    figures.backward.push(await time(() => traceLot(db, id, { direction: 'backward' })));
    figures.naiveForward.push(await time(() => naiveTrace(db, id, 'forward')));
    figures.naiveBackward.push(await time(() => naiveTrace(db, id, 'backward')));
  }
  return figures;
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function run(args: string[]): Promise<void> {
  const lotsArg = args.indexOf('--lots');
  const totalLots = lotsArg === -1 ? 1_000_000 : Number(args[lotsArg + 1]);
  if (!Number.isInteger(totalLots) || totalLots < 1000) throw new Error('--lots must be a whole number of at least 1,000');
  const shape = shapeFor(totalLots);
  const edges = (shape.levels - 1) * shape.lotsPerLevel * shape.parentsPerChild;
  console.log(`trace: ${(shape.levels * shape.lotsPerLevel).toLocaleString('en-US')} lots in ${shape.levels} levels, up to ${edges.toLocaleString('en-US')} genealogy links and ${shape.lotsPerLevel.toLocaleString('en-US')} shipment lines; ${SAMPLES} lots traced both ways`);

  const pgFigures = await onBenchPostgres(SCHEMA, (db) => measure(db, shape));
  console.log(`PostgreSQL loaded in ${pgFigures.loadSeconds.toFixed(1)} s`);
  const liteFigures = await onBenchPglite((db) => measure(db, shape));
  console.log(`PGlite loaded in ${liteFigures.loadSeconds.toFixed(1)} s`);

  const row = (name: string, v: number[]) => [name, round(percentile(v, 50)), round(percentile(v, 95)), round(Math.max(...v))];
  printTable('Trace latency (ms), 100 random lots', ['', 'p50', 'p95', 'max'], [
    row('forward, PostgreSQL (Lotline)', pgFigures.forward),
    row('forward, PostgreSQL (naive per level)', pgFigures.naiveForward),
    row('backward, PostgreSQL (Lotline)', pgFigures.backward),
    row('backward, PostgreSQL (naive per level)', pgFigures.naiveBackward),
    row('forward, PGlite (Lotline)', liteFigures.forward),
    row('forward, PGlite (naive per level)', liteFigures.naiveForward),
    row('backward, PGlite (Lotline)', liteFigures.backward),
  ]);
  console.log(`lots reached per forward trace: p50 ${percentile(pgFigures.lotsReached, 50)}, max ${Math.max(...pgFigures.lotsReached)}`);

  const file = writeResults('trace', {
    forward_p50_ms_pg: round(percentile(pgFigures.forward, 50)),
    forward_p95_ms_pg: round(percentile(pgFigures.forward, 95)),
    backward_p95_ms_pg: round(percentile(pgFigures.backward, 95)),
    naive_forward_p95_ms_pg: round(percentile(pgFigures.naiveForward, 95)),
    forward_p95_ms_pglite: round(percentile(liteFigures.forward, 95)),
    backward_p95_ms_pglite: round(percentile(liteFigures.backward, 95)),
    naive_forward_p95_ms_pglite: round(percentile(liteFigures.naiveForward, 95)),
    lots: shape.levels * shape.lotsPerLevel,
    genealogy_edges: edges,
    shipment_lines: shape.lotsPerLevel,
    load_s_pg: round(pgFigures.loadSeconds),
    load_s_pglite: round(liteFigures.loadSeconds),
  });
  console.log(`\nfigures written to ${file}`);
}
