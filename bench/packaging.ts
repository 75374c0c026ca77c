import epcTds from 'epc-tds';
import { decodeEpc, encodeSgtin } from '../domain/epc';
import { rollUp, containerTree, type Container, type ContainerLevel, type PackagingSpec } from '../domain/packaging';
import type { LotStatus } from '../domain/lots';
import { composeSscc } from '../domain/sscc';
import { migrate, type Db } from '../server/db';
import { containerContents } from '../server/packaging/contents';
import { loadDemoData } from '../server/seed/demo';
import { testApp } from '../server/test-support/app';
import { enrolAndSignIn, newOp, pushOpsAs } from '../server/test-support/handheld';
import { cachedSchema, onBenchPostgres, PG_URL } from './databases';
import { openPostgres } from '../server/db';
import { percentile, printTable, repeat, runsOption, spreadCell, spreadFigures, writeResults } from './report';

/**
 * Packaging: what a scanned SSCC holds, on 500 four-level pallets (pallet, 10 cases, 4 inner
 * packs each, 50 serials each: 2,000 units a pallet, 1,000,000 serials in all) on PostgreSQL,
 * Lotline's two-walk lookup beside a walk that asks once per level; pack ops pushed by a handheld
 * beside move ops through the same push; and EPC encode+decode beside the epc-tds package.
 */

const SCHEMA = 'lotline_bench_packaging';
const PALLETS = 500;
const CASES = 10;
const INNERS = 4;
const UNITS = 50;
const SAMPLES = 60;
const PUSHED_OPS = 1_000;
const BATCH = 50;
const EPC_ROUNDS = 50_000;

const sscc = (extension: number, n: number) => `${extension}${String(n).padStart(16, '0')}0`;
const palletSscc = (p: number) => sscc(1, p);

/** The 500 pallets, built in SQL: 25,500 containers and a million serials. */
async function build(db: Db): Promise<void> {
  await migrate(db);
  await db.transaction(async (tx) => {
    await tx.query(`INSERT INTO items (gtin, sku, name, serialized) VALUES ('06141410000019', 'BENCH-CATH', 'Catheter (bench)', true)`);
    await tx.query(
      `INSERT INTO lots (lot_number, item_id, origin, status, expires_on)
       SELECT 'BL' || g, i.id, 'produced', CASE WHEN g % 25 = 0 THEN 'on_hold' ELSE 'released' END, DATE '2030-01-01' + g FROM generate_series(0, 49) g CROSS JOIN items i`,
    );
    await tx.query(
      `INSERT INTO packaging_specs (name, level, child_levels, capacity, mix) VALUES
         ('bench-inner', 'inner', ARRAY['unit'], ${UNITS}, 'one_lot'), ('bench-case', 'case', ARRAY['inner'], ${INNERS}, 'one_lot'), ('bench-pallet', 'pallet', ARRAY['case'], ${CASES}, 'mixed')`,
    );
    const n = { pallets: PALLETS, cases: PALLETS * CASES, inners: PALLETS * CASES * INNERS };
    await tx.query(
      `INSERT INTO sscc_issued (sscc, purpose)
       SELECT '1' || lpad(g::text, 16, '0') || '0', 'bench' FROM generate_series(0, $1::int - 1) g
       UNION ALL SELECT '2' || lpad(g::text, 16, '0') || '0', 'bench' FROM generate_series(0, $2::int - 1) g
       UNION ALL SELECT '3' || lpad(g::text, 16, '0') || '0', 'bench' FROM generate_series(0, $3::int - 1) g`,
      [n.pallets, n.cases, n.inners],
    );
    await tx.query(
      `INSERT INTO containers (sscc, spec_id, parent_sscc, version)
       SELECT '1' || lpad(g::text, 16, '0') || '0', (SELECT id FROM packaging_specs WHERE name = 'bench-pallet'), NULL, ${CASES} FROM generate_series(0, $1::int - 1) g`,
      [n.pallets],
    );
    await tx.query(
      `INSERT INTO containers (sscc, spec_id, parent_sscc, version)
       SELECT '2' || lpad(g::text, 16, '0') || '0', (SELECT id FROM packaging_specs WHERE name = 'bench-case'), '1' || lpad((g / ${CASES})::text, 16, '0') || '0', ${INNERS}
         FROM generate_series(0, $1::int - 1) g`,
      [n.cases],
    );
    await tx.query(
      `INSERT INTO containers (sscc, spec_id, parent_sscc, version)
       SELECT '3' || lpad(g::text, 16, '0') || '0', (SELECT id FROM packaging_specs WHERE name = 'bench-inner'), '2' || lpad((g / ${INNERS})::text, 16, '0') || '0', ${UNITS}
         FROM generate_series(0, $1::int - 1) g`,
      [n.inners],
    );
    // Each case holds one lot; a pallet holds ten.
    await tx.query(
      `INSERT INTO container_units (sscc, item_id, lot_id, serial, qty)
       SELECT '3' || lpad(g::text, 16, '0') || '0', l.item_id, l.id, (g * ${UNITS} + u + 1)::text, 1
         FROM generate_series(0, $1::int - 1) g
         CROSS JOIN generate_series(0, ${UNITS - 1}) u
         JOIN lots l ON l.lot_number = 'BL' || ((g / ${INNERS}) % 50)`,
      [n.inners],
    );
  });
}

/** A fixed pseudo-random choice of pallets, the same every run. */
function samplePallets(count: number): string[] {
  let seed = 20261201;
  return Array.from({ length: count }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return palletSscc(Math.floor((seed / 2147483648) * PALLETS));
  });
}

interface ContainerRow {
  sscc: string;
  parent_sscc: string | null;
  version: number;
  shipped: boolean;
  level: ContainerLevel;
  child_levels: string[];
  capacity: number;
  mix: PackagingSpec['mix'];
}

const CONTAINER_COLUMNS = `c.sscc, c.parent_sscc, c.version, c.shipped_at IS NOT NULL AS shipped, s.level, s.child_levels, s.capacity, s.mix`;

/** The walk a first version would write: the container, then one query per level for the containers and units below, then one per level up. */
async function naiveContents(db: Db, target: string): Promise<number> {
  const hierarchy = new Map<string, Container>();
  const add = (r: ContainerRow) =>
    hierarchy.set(r.sscc, { sscc: r.sscc, parent: r.parent_sscc, version: r.version, shipped: r.shipped, spec: { level: r.level, childLevels: r.child_levels as PackagingSpec['childLevels'], capacity: r.capacity, mix: r.mix }, units: [] });
  const head = await db.query<ContainerRow>(`SELECT ${CONTAINER_COLUMNS} FROM containers c JOIN packaging_specs s ON s.id = c.spec_id WHERE c.sscc = $1`, [target]);
  head.rows.forEach(add);
  for (let at = head.rows[0]?.parent_sscc ?? null; at !== null; ) {
    const up = await db.query<ContainerRow>(`SELECT ${CONTAINER_COLUMNS} FROM containers c JOIN packaging_specs s ON s.id = c.spec_id WHERE c.sscc = $1`, [at]);
    up.rows.forEach(add);
    at = up.rows[0]?.parent_sscc ?? null;
  }
  let frontier = [target];
  while (frontier.length > 0) {
    const units = await db.query<{ sscc: string; gtin: string; lot_number: string; serial: string | null; qty: string; expires_on: string | null; status: LotStatus }>(
      `SELECT cu.sscc, i.gtin, l.lot_number, cu.serial, cu.qty::text AS qty, to_char(l.expires_on, 'YYYY-MM-DD') AS expires_on, l.status
         FROM container_units cu JOIN lots l ON l.id = cu.lot_id JOIN items i ON i.id = cu.item_id WHERE cu.sscc = ANY($1::text[])`,
      [frontier],
    );
    for (const u of units.rows) hierarchy.get(u.sscc)!.units.push({ gtin: u.gtin, lotNumber: u.lot_number, serial: u.serial, qty: Number(u.qty), expiresOn: u.expires_on, lotStatus: u.status });
    const next = await db.query<ContainerRow>(`SELECT ${CONTAINER_COLUMNS} FROM containers c JOIN packaging_specs s ON s.id = c.spec_id WHERE c.parent_sscc = ANY($1::text[])`, [frontier]);
    next.rows.forEach(add);
    frontier = next.rows.map((r) => r.sscc);
  }
  containerTree(hierarchy, target);
  return rollUp(hierarchy, target).reduce((n, l) => n + l.qty, 0);
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function measureLookups(runs: number) {
  const key = `packaging-v1:${PALLETS}x${CASES}x${INNERS}x${UNITS}`;
  const cache = await cachedSchema(SCHEMA, key, build);
  console.log(cache.built ? `built ${PALLETS} pallets, ${(PALLETS * CASES * INNERS * UNITS).toLocaleString('en-US')} serials in ${cache.seconds.toFixed(1)} s` : 'pallets already built (schema kept between runs)');
  const db = await openPostgres({ connectionString: PG_URL, schema: SCHEMA });
  try {
    const samples = samplePallets(SAMPLES);
    for (const s of samples.slice(0, 5)) {
      const ours = await containerContents(db, s);
      const naive = await naiveContents(db, s);
      const units = ours!.rollUp.reduce((n, l) => n + l.qty, 0);
      if (units !== CASES * INNERS * UNITS || naive !== units) throw new Error(`pallet ${s}: ${units} units by Lotline, ${naive} by the naive walk`);
    }
    return await repeat(
      runs,
      async (run) => {
        const ours: number[] = [];
        const naive: number[] = [];
        for (const [n, s] of samples.entries()) {
          const lotlineFirst = (run + n) % 2 === 0;
          if (lotlineFirst) ours.push((await time(() => containerContents(db, s))).ms);
          naive.push((await time(() => naiveContents(db, s))).ms);
          if (!lotlineFirst) ours.push((await time(() => containerContents(db, s))).ms);
        }
        return { sscc_tree_p95: percentile(ours, 95), sscc_tree_p50: percentile(ours, 50), naive_sscc_tree_p95: percentile(naive, 95) };
      },
      (line) => console.log(`  lookup${line}`),
    );
  } finally {
    await db.close();
  }
}

/** Pack ops (serials into cases) and move ops pushed by one handheld in batches of 50, through the same push. */
async function measureIngest(runs: number) {
  return onBenchPostgres(`${SCHEMA}_ingest`, async (db) => {
    await migrate(db);
    const app = await testApp(db);
    const password = (await loadDemoData(db, { password: 'bench-pass-1' })).password!;
    const device = await enrolAndSignIn(app, 'TC52 packing bench', 'clerk', password);
    const casesPerRun = Math.ceil(PUSHED_OPS / 48);
    // Ops carry real SSCCs: the push checks the check digit.
    const caseSscc = (n: number) => composeSscc(4, '0614141', BigInt(n));
    await db.query(`INSERT INTO sscc_issued (sscc, purpose) SELECT s, 'bench' FROM unnest($1::text[]) s`, [Array.from({ length: casesPerRun * (runs + 1) }, (_, n) => caseSscc(n))]);
    const push = async (ops: ReturnType<typeof newOp>[]) => {
      const start = performance.now();
      for (let i = 0; i < ops.length; i += BATCH) await pushOpsAs(app, device, ops.slice(i, i + BATCH));
      return (ops.length / (performance.now() - start)) * 1000;
    };
    let round = 0;
    const packOps = () => {
      const r = round++;
      return Array.from({ length: PUSHED_OPS }, (_, i) =>
        newOp(device, 'pack', { parent: caseSscc(r * casesPerRun + Math.floor(i / 48)), spec: 'case-48', child: { gtin: '06901234000016', lotNumber: 'S24110701', serial: `B${r}-${i}`, qty: 1 }, seenParent: null }),
      );
    };
    const moveOps = (forward: boolean) =>
      Array.from({ length: PUSHED_OPS }, () => newOp(device, 'move', { gtin: '06901234000016', lotNumber: 'S24110701', qty: 1, fromLocationCode: forward ? 'B-02-01' : 'A-01-01', toLocationCode: forward ? 'A-01-01' : 'B-02-01' }));
    await push(packOps().slice(0, BATCH)); // warm up
    const result = await repeat(
      runs,
      async (run) => {
        const packFirst = run % 2 === 0;
        const pack = packFirst ? await push(packOps()) : 0;
        const move = await push(moveOps(run % 2 === 0));
        const packLater = packFirst ? pack : await push(packOps());
        return { aggregate_ops_per_s: packLater, move_ops_per_s: move };
      },
      (line) => console.log(`  ingest${line}`),
    );
    const outcome = await db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM ops WHERE type IN ('pack', 'move') GROUP BY status`);
    const byStatus = Object.fromEntries(outcome.rows.map((r) => [r.status, r.n]));
    console.log(`  ops by outcome: ${JSON.stringify(byStatus)}`);
    // A rate of refusals would measure nothing: every pushed op must have been applied.
    if (Object.keys(byStatus).some((status) => status !== 'applied')) throw new Error(`not every pushed op was applied: ${JSON.stringify(byStatus)}`);
    return result;
  });
}

interface Sgtin96View {
  setFilter(n: number): Sgtin96View;
  setPartition(n: number): Sgtin96View;
  setGtin(gtin: string): Sgtin96View;
  setSerial(n: number): Sgtin96View;
  toHexString(): string;
}

/** Encode a unit's SGTIN-96 and decode it back, Lotline's domain/epc beside epc-tds, one after the other. */
async function measureEpc(runs: number) {
  const gtin = '80614141123458';
  const tds = epcTds as unknown as { Sgtin96: new () => Sgtin96View; valueOf(hex: string): { toTagURI(): string; getGtin(): string; getSerial(): unknown } };
  const ours = () => {
    const start = performance.now();
    for (let i = 0; i < EPC_ROUNDS; i++) {
      const epc = encodeSgtin('sgtin-96', { gtin, serial: String(6789 + i), companyPrefixLength: 7, filter: 3 });
      decodeEpc(epc.hex);
    }
    return (EPC_ROUNDS / (performance.now() - start)) * 1000;
  };
  const theirs = () => {
    const start = performance.now();
    for (let i = 0; i < EPC_ROUNDS; i++) {
      const hex = new tds.Sgtin96().setFilter(3).setPartition(5).setGtin(gtin).setSerial(6789 + i).toHexString();
      const back = tds.valueOf(hex);
      back.toTagURI();
      back.getGtin();
      back.getSerial();
    }
    return (EPC_ROUNDS / (performance.now() - start)) * 1000;
  };
  const sample = encodeSgtin('sgtin-96', { gtin, serial: '6789', companyPrefixLength: 7, filter: 3 });
  if (sample.hex !== new tds.Sgtin96().setFilter(3).setPartition(5).setGtin(gtin).setSerial(6789).toHexString()) throw new Error('domain/epc and epc-tds disagree on the sample EPC');
  ours();
  theirs();
  return repeat(runs, async (run) => (run % 2 === 0 ? { epc_per_s: ours(), epc_tds_per_s: theirs() } : { epc_tds_per_s: theirs(), epc_per_s: ours() }), (line) => console.log(`  epc${line}`));
}

export async function run(args: string[]): Promise<void> {
  const runs = runsOption(args);
  console.log(`packaging: ${PALLETS} pallets of ${CASES} cases × ${INNERS} inner packs × ${UNITS} serials on PostgreSQL; ${SAMPLES} pallets looked up per run; ${PUSHED_OPS} ops pushed per run; ${EPC_ROUNDS.toLocaleString('en-US')} EPCs per run; ${runs} runs`);
  const lookups = await measureLookups(runs);
  const ingest = await measureIngest(runs);
  const epc = await measureEpc(runs);

  printTable(`Packaging: median (min–max) over ${runs} runs`, ['measure', 'value', 'target'], [
    ['SSCC tree of a 2,000-unit pallet, p95 ms, PostgreSQL (Lotline)', spreadCell(lookups.sscc_tree_p95, 2), '<= 50'],
    ['SSCC tree, p50 ms (Lotline)', spreadCell(lookups.sscc_tree_p50, 2), ''],
    ['SSCC tree, p95 ms (naive walk per level)', spreadCell(lookups.naive_sscc_tree_p95, 2), ''],
    ['pack ops pushed, ops/s', spreadCell(ingest.aggregate_ops_per_s, 0), ''],
    ['move ops pushed the same way, ops/s', spreadCell(ingest.move_ops_per_s, 0), ''],
    ['EPC SGTIN-96 encode+decode, /s (domain/epc)', spreadCell(epc.epc_per_s, 0), ''],
    ['EPC SGTIN-96 encode+decode, /s (epc-tds)', spreadCell(epc.epc_tds_per_s, 0), ''],
  ]);
  const met = lookups.sscc_tree_p95.median <= 50;
  console.log(met ? 'target met: SSCC tree p95 <= 50 ms on the median' : 'TARGET MISSED: SSCC tree p95 > 50 ms on the median');
  if (!met) process.exitCode = 1;
  const file = writeResults('packaging', {
    runs,
    pallets: PALLETS,
    serials: PALLETS * CASES * INNERS * UNITS,
    ...spreadFigures('sscc_tree_p95_ms_pg', lookups.sscc_tree_p95, 2),
    ...spreadFigures('sscc_tree_p50_ms_pg', lookups.sscc_tree_p50, 2),
    ...spreadFigures('naive_sscc_tree_p95_ms_pg', lookups.naive_sscc_tree_p95, 2),
    ...spreadFigures('aggregate_ops_per_s', ingest.aggregate_ops_per_s, 0),
    ...spreadFigures('move_ops_per_s', ingest.move_ops_per_s, 0),
    ...spreadFigures('epc_per_s', epc.epc_per_s, 0),
    ...spreadFigures('epc_tds_per_s', epc.epc_tds_per_s, 0),
  });
  console.log(`figures written to ${file}`);
}
