import { ensureAdmin } from '../server/auth';
import { migrate, type Db } from '../server/db';
import { readScope } from '../server/recall';
import { loadDemoData } from '../server/seed/demo';
import { generateGenealogy, lotIdOf } from '../server/test-support/genealogy';
import { adminToken, enrolHandheld, type SimHandheld } from '../server/test-support/sim-handhelds';
import { PG_URL, cachedSchema } from './databases';
import { option, percentile, printTable, repeat, runsOption, spreadCell, spreadFigures, writeResults } from './report';
import { watchDevices } from './recall-devices';
import { startBenchServer } from './sync-ingest';
import { BENCH_ADMIN_PASSWORD, BENCH_USER_PASSWORD } from './sync-plant';
import { HUB_FINISHED, HUB_ID, addHubLot, naiveTrace, sampleLots, shapeFor } from './trace';

/**
 * A recall on a million lots (bench/trace.ts's genealogy and hub lot, which went into 20,000
 * finished lots shipped as 100,000 lines to 2,000 consignees): the scope in one statement against
 * a naive walk that asks once per level; opening the hub's case, which holds every lot it reaches
 * in one transaction; and how soon 20 handhelds on the change stream refuse the hub lot (from the
 * case's list of held lots) and have pulled every held lot's own row. Runs on PostgreSQL in a server in this process, as the console and devices see it.
 */

const SCHEMA = 'lotline_bench_recall';
const SAMPLES = 100;
const DEVICES = 20;

/** The naive scope: the per-level walk and detail queries of the trace, plus the ledger and returns. */
async function naiveScope(db: Db, lotId: string): Promise<void> {
  await naiveTrace(db, lotId, 'forward');
  const reached = await db.query<{ id: string }>(
    `WITH RECURSIVE w(id) AS (SELECT $1::uuid UNION SELECT e.child_lot_id FROM w JOIN genealogy_edges e ON e.parent_lot_id = w.id) SELECT id FROM w`,
    [lotId],
  );
  const ids = reached.rows.map((r) => r.id);
  await db.query('SELECT lot_id, from_location_id, to_location_id, reason, qty FROM stock_moves WHERE lot_id = ANY($1::uuid[])', [ids]);
  await db.query('SELECT lot_id, customer_id, qty FROM customer_returns WHERE lot_id = ANY($1::uuid[])', [ids]);
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Milliseconds since the epoch, comparable with the device thread's. */
const epochNow = () => performance.timeOrigin + performance.now();

async function build(db: Db, totalLots: number): Promise<void> {
  await migrate(db);
  await ensureAdmin(db, BENCH_ADMIN_PASSWORD);
  await loadDemoData(db, { password: BENCH_USER_PASSWORD });
  const shape = shapeFor(totalLots);
  await generateGenealogy(db, shape);
  await addHubLot(db, shape);
}

async function call<T>(url: string, path: string, token: string, body: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function run(args: string[]): Promise<void> {
  const totalLots = Number(option(args, 'lots') ?? 1_000_000);
  if (!Number.isInteger(totalLots) || totalLots < 1000) throw new Error('--lots must be a whole number of at least 1,000');
  const runs = runsOption(args);
  const shape = shapeFor(totalLots);
  console.log(`recall: ${(shape.levels * shape.lotsPerLevel).toLocaleString('en-US')} lots plus the hub lot; ${SAMPLES} random lots and the hub scoped per run, the hub's case opened with ${DEVICES} devices listening, ${runs} runs`);

  const cache = await cachedSchema(SCHEMA, `recall-v1 lots=${totalLots}`, (db) => build(db, totalLots));
  console.log(cache.built ? `PostgreSQL loaded in ${cache.seconds.toFixed(1)} s` : 'PostgreSQL data reused from an earlier run');
  const setup = await startBenchServer('postgres', PG_URL, { schema: SCHEMA, fresh: false });
  try {
    const { url, db } = setup.server;
    const admin = await adminToken(url, BENCH_ADMIN_PASSWORD);
    const qa = (await call<{ token: string }>(url, '/api/auth/login', '', { username: 'qa', password: BENCH_USER_PASSWORD })).token;
    const devices: SimHandheld[] = [];
    for (let d = 0; d < DEVICES; d++) devices.push(await enrolHandheld(url, admin, `recall bench ${d}`, { username: 'clerk', password: BENCH_USER_PASSWORD }));

    // A run cut short leaves its case open on the hub: undo it, as each run does.
    await db.transaction(async (tx) => {
      await tx.query(`UPDATE lots SET status = 'released' WHERE id IN (SELECT lot_id FROM recall_holds)`);
      await tx.query('DELETE FROM recall_holds');
      await tx.query(`UPDATE recall_cases SET state = 'closed', closed_at = now() WHERE state <> 'closed'`);
    });
    const samples = sampleLots(shape, SAMPLES).map(({ level, index }) => lotIdOf(level, index));
    for (const id of samples.slice(0, 5)) await readScope(db, { kind: 'lot', lotId: id }); // warm the cache
    let scopeLots = 0;
    let scopeConsignees = 0;

    const figures = await repeat(runs, async (run) => {
      const lotline: number[] = [];
      const naive: number[] = [];
      for (const [n, id] of [...samples, HUB_ID].entries()) {
        const ours = () => timed(async () => {
          const scope = await readScope(db, { kind: 'lot', lotId: id });
          if (id === HUB_ID) [scopeLots, scopeConsignees] = [scope.lots.length, scope.consignees.length];
        });
        // Alternate which goes first, lot by lot and run by run, so neither always meets a warm cache.
        if ((run + n) % 2 === 0) {
          lotline.push(await ours());
          naive.push(await timed(() => naiveScope(db, id)));
        } else {
          naive.push(await timed(() => naiveScope(db, id)));
          lotline.push(await ours());
        }
      }
      const hubScope = lotline.at(-1)!;
      const naiveHubScope = naive.at(-1)!;

      // Every device has synced the lots so far: its checkpoint is past the newest transaction's rows.
      const newest = await db.query<{ xid: string }>('SELECT max(change_xid)::text AS xid FROM lots');
      const { seen } = await watchDevices({ devices, checkpointXid: newest.rows[0]!.xid, lotId: HUB_ID });

      const draft = await call<{ case: { id: string; version: number } }>(url, '/api/recalls', qa, { reason: `bench run ${run}: resin out of specification`, healthHazard: 'cracked housings', classes: { fda: 'II' }, depth: 'user', strategy: 'return and destroy', effectiveness: { level: 'B', percent: 20 }, jurisdictions: ['US'], scope: { kind: 'lot', lotNumber: 'HUB-1' } });
      const openStarted = epochNow();
      await call(url, `/api/recalls/${draft.case.id}/open`, qa, { meaning: 'approved', reason: 'bench', password: BENCH_USER_PASSWORD, version: draft.case.version });
      const answered = epochNow();
      const { firstHeard, held, lotsPulled } = await seen;
      // The commit is first known here when the open answers or a device hears of it, whichever is first.
      const committed = Math.min(answered, firstHeard);
      const toDevice = held.map((at) => at - committed);
      const lotsToDevice = lotsPulled.map((at) => at - committed);

      // Undo the hold, so the next run opens on the same released lots.
      await db.transaction(async (tx) => {
        await tx.query(`UPDATE lots SET status = 'released' WHERE id IN (SELECT lot_id FROM recall_holds WHERE case_id = $1)`, [draft.case.id]);
        await tx.query('DELETE FROM recall_holds WHERE case_id = $1', [draft.case.id]);
        await tx.query(`UPDATE recall_cases SET state = 'closed', closed_at = now() WHERE id = $1`, [draft.case.id]);
      });
      return {
        scope_p95: percentile(lotline, 95),
        naive_scope_p95: percentile(naive, 95),
        hub_scope: hubScope,
        naive_hub_scope: naiveHubScope,
        open_case_s: (answered - openStarted) / 1000,
        hold_to_device_p95: percentile(toDevice, 95),
        lots_to_device_p95: percentile(lotsToDevice, 95),
      };
    }, (line) => console.log(line));

    printTable(`Recall on PostgreSQL: median (min–max) over ${runs} runs`, ['', 'value', 'target'], [
      ['scope p95, ms (Lotline, one statement)', spreadCell(figures.scope_p95, 1), '<= 500'],
      ['scope p95, ms (naive per level)', spreadCell(figures.naive_scope_p95, 1), ''],
      [`hub scope, ms (Lotline; ${scopeLots.toLocaleString('en-US')} lots, ${scopeConsignees.toLocaleString('en-US')} consignees)`, spreadCell(figures.hub_scope, 1), ''],
      ['hub scope, ms (naive per level)', spreadCell(figures.naive_hub_scope, 1), ''],
      ['open the hub case and hold every lot, s', spreadCell(figures.open_case_s, 2), '<= 3'],
      [`hold known on ${DEVICES} devices after commit (the case's held lots), p95 ms`, spreadCell(figures.hold_to_device_p95, 0), '<= 1,000'],
      [`every held lot's row pulled by ${DEVICES} devices, p95 ms`, spreadCell(figures.lots_to_device_p95, 0), ''],
    ]);
    const file = writeResults('recall', {
      runs,
      lots: shape.levels * shape.lotsPerLevel + 1 + HUB_FINISHED,
      ...spreadFigures('scope_p95_ms_pg', figures.scope_p95, 2),
      ...spreadFigures('naive_scope_p95_ms_pg', figures.naive_scope_p95, 2),
      ...spreadFigures('hub_scope_ms_pg', figures.hub_scope, 2),
      ...spreadFigures('naive_hub_scope_ms_pg', figures.naive_hub_scope, 2),
      scope_lots: scopeLots,
      scope_consignees: scopeConsignees,
      ...spreadFigures('open_case_s_pg', figures.open_case_s, 3),
      ...spreadFigures('hold_to_device_p95_ms', figures.hold_to_device_p95, 1),
      ...spreadFigures('lots_to_device_p95_ms', figures.lots_to_device_p95, 1),
      devices: DEVICES,
      load_s_pg: cache.built ? Math.round(cache.seconds * 10) / 10 : null,
    });
    console.log(`\nfigures written to ${file}`);
  } finally {
    await setup.close();
  }
}
