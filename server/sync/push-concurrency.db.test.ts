import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo';
import { testApp, type TestApp } from '../test-support/app';
import { onPostgres, openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, ledgerMatchesBalances, newOp, type Handheld, type OpState } from '../test-support/handheld';

/**
 * Many handhelds push at once, each batch sent twice at the same moment (a retry racing its own
 * first attempt), moving shared lots into locations that hold no balance yet. On PostgreSQL the
 * batches run on separate connections: a balance row one push is inserting and a balance another
 * push has locked must not deadlock into a 500. Every op is applied once; the ledger holds.
 */

let t: TestDb;
let app: TestApp;
let password: string;

const SYRINGE = '06901234000016';
const DEVICES = 10;
const ROUNDS = 8;
const OPS_PER_BATCH = 12;
const LOTS = ['CC-1', 'CC-2', 'CC-3', 'CC-4', 'CC-5'];
const BINS = Array.from({ length: 40 }, (_, i) => `CC-BIN-${String(i + 1).padStart(2, '0')}`);

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function pushRaw(device: Handheld, docs: OpState[]): Promise<{ status: number; body: string }> {
  const res = await app.request('/api/sync/ops/push', { method: 'POST', headers: device.headers, body: JSON.stringify(docs.map((d) => ({ assumedMasterState: null, newDocumentState: d }))) });
  return { status: res.status, body: await res.text() };
}

beforeAll(async () => {
  t = await openTestDb('push_concurrency');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  await t.db.query(`INSERT INTO locations (code, name, kind) SELECT code, code, 'storage' FROM unnest($1::text[]) AS code`, [BINS]);
  const seed = await enrolAndSignIn(app, 'TC52 seed', 'clerk', password);
  const receipts = LOTS.map((lotNumber) => newOp(seed, 'receive', { gtin: SYRINGE, lotNumber, qty: 100_000, locationCode: 'RCV-01' }));
  expect((await pushRaw(seed, receipts)).status).toBe(200);
}, 120_000);
afterAll(() => t.close());

describe(`concurrent pushes (${onPostgres() ? 'PostgreSQL, one connection per push' : 'PGlite, one connection: pushes queue'})`, () => {
  it('applies every op once, answers every push, and keeps balances equal to the ledger', async () => {
    // Enrolled one after another, as at a console: more sign-ins of one account at once than its
    // free failures are throttled until their passwords are proven.
    const devices: Handheld[] = [];
    for (let i = 0; i < DEVICES; i++) devices.push(await enrolAndSignIn(app, `TC52 burst ${i}`, 'clerk', password));
    const sent = new Set<string>();
    const failures: string[] = [];

    await Promise.all(
      devices.map(async (device, d) => {
        const next = random(d + 1);
        const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
        for (let round = 0; round < ROUNDS; round++) {
          const batch = Array.from({ length: OPS_PER_BATCH }, () => {
            const from = next() < 0.5 ? 'RCV-01' : pick(BINS);
            const to = pick(BINS.filter((b) => b !== from));
            return newOp(device, 'move', { gtin: SYRINGE, lotNumber: pick(LOTS), qty: 1 + Math.floor(next() * 5), fromLocationCode: from, toLocationCode: to });
          });
          for (const op of batch) sent.add(op.id);
          const answers = await Promise.all([pushRaw(device, batch), pushRaw(device, batch)]);
          for (const a of answers) if (a.status !== 200) failures.push(`${a.status} ${a.body.slice(0, 200)}`);
        }
      }),
    );

    expect(failures).toEqual([]);
    const ops = await t.db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM ops WHERE id = ANY($1::uuid[]) GROUP BY status', [[...sent]]);
    expect(ops.rows.reduce((sum, r) => sum + r.n, 0)).toBe(sent.size);
    expect(ops.rows.every((r) => r.status === 'applied' || r.status === 'exception')).toBe(true);
    const twice = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT op_id FROM stock_moves WHERE op_id = ANY($1::uuid[]) GROUP BY op_id HAVING count(*) > 1) AS x`,
      [[...sent]],
    );
    expect(twice.rows[0]!.n).toBe(0);
    const moved = await t.db.query<{ n: number }>('SELECT count(DISTINCT op_id)::int AS n FROM stock_moves WHERE op_id = ANY($1::uuid[])', [[...sent]]);
    expect(moved.rows[0]!.n).toBe(sent.size);
    expect(await ledgerMatchesBalances(t.db)).toBe(true);
  }, 300_000);
});
