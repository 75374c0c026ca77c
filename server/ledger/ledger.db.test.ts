import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo';
import { json, signIn, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, ledgerMatchesBalances, newOp, pushOpsAs, type Handheld, type OpState } from '../test-support/handheld';
import { postMoves } from '.';

/**
 * The ledger's promise under any interleaving: every balance is the sum of its moves, and every
 * move an op or a correction makes is there — whatever the order, batching and devices.
 */

const SYRINGE = '06901234000016';
const BARREL = '06901234000115';
const LOCATIONS = ['A-01-01', 'A-01-02', 'B-02-01', 'PRD-L1', 'SHP-01'];
const LOTS = [
  { gtin: BARREL, lotNumber: 'PP2410A' },
  { gtin: SYRINGE, lotNumber: 'S24110701' },
  { gtin: SYRINGE, lotNumber: 'S24030502' },
  { gtin: '06901234000030', lotNumber: 'M2405K' },
];

type Step = { kind: 'op'; type: OpState['type']; payload: Record<string, unknown>; moves: number } | { kind: 'adjust' };

const qty = fc.integer({ min: 1, max: 400 });
const location = fc.constantFrom(...LOCATIONS);
const lot = fc.constantFrom(...LOTS);

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ lotNumber: fc.stringMatching(/^R[0-9A-Z]{3,8}$/), qty, to: location }).map(({ lotNumber, qty, to }) => ({ kind: 'op' as const, type: 'receive' as const, payload: { gtin: BARREL, lotNumber, qty, locationCode: to }, moves: 1 })),
  fc.record({ lot, qty, from: location, to: location }).map(({ lot, qty, from, to }) => ({ kind: 'op' as const, type: 'move' as const, payload: { ...lot, qty, fromLocationCode: from, toLocationCode: to }, moves: 1 })),
  fc.record({ lot, qty, from: location }).map(({ lot, qty, from }) => ({ kind: 'op' as const, type: 'pick' as const, payload: { ...lot, qty, fromLocationCode: from, toLocationCode: 'SHP-01' }, moves: 1 })),
  fc.record({ components: fc.array(fc.record({ lot, qty, from: location }), { minLength: 1, maxLength: 3 }), qty }).map(({ components, qty }) => ({
    kind: 'op' as const,
    type: 'produce' as const,
    payload: { gtin: SYRINGE, qty, locationCode: 'PRD-L1', components: components.map((c) => ({ ...c.lot, qty: c.qty, fromLocationCode: c.from })) },
    moves: components.length + 1,
  })),
  fc.record({ lines: fc.array(fc.record({ lot, qty, from: location }), { minLength: 1, maxLength: 3 }) }).map(({ lines }) => ({
    kind: 'op' as const,
    type: 'ship' as const,
    payload: { customerCode: 'DIST-BJ', lines: lines.map((l) => ({ ...l.lot, qty: l.qty, fromLocationCode: l.from })) },
    moves: lines.length,
  })),
  fc.record({ lot, qty, to: location }).map(({ lot, qty, to }) => ({ kind: 'op' as const, type: 'return' as const, payload: { ...lot, customerCode: 'HOSP-SH1', qty, toLocationCode: to }, moves: 1 })),
  fc.record({ lot, qty: fc.integer({ min: 0, max: 500 }), at: location }).map(({ lot, qty, at }) => ({ kind: 'op' as const, type: 'count' as const, payload: { locationCode: at, complete: false, lines: [{ ...lot, countedQty: qty }] }, moves: 0 })),
  fc.constant({ kind: 'adjust' as const }),
);

let t: TestDb;
let app: TestApp;
let devices: Handheld[];
let supervisor: string;

beforeAll(async () => {
  t = await openTestDb('ledger_property');
  app = await testApp(t.db);
  const password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  devices = [await enrolAndSignIn(app, 'H1', 'clerk', password), await enrolAndSignIn(app, 'H2', 'picker', password)];
  supervisor = await signIn(app, 'supervisor', password);
});
afterAll(() => t.close());

async function countMoves(): Promise<number> {
  return (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_moves')).rows[0]!.n;
}

/** Adjusts the oldest open variance or negative balance, as a supervisor would; returns the moves it posted. */
async function adjustOne(): Promise<number> {
  const open = await t.db.query<{ id: string; version: number; kind: string }>(
    `SELECT id, version, kind FROM stock_exceptions WHERE status = 'open' AND kind IN ('count_variance','negative_stock') ORDER BY created_at, id LIMIT 1`,
  );
  const e = open.rows[0];
  if (!e) return 0;
  const before = await countMoves();
  const res = await app.request(`/api/exceptions/${e.id}/resolve`, json('POST', { action: 'adjust', reason: 'recounted', version: e.version }, supervisor));
  if (res.status !== 200 && res.status !== 422) throw new Error(`resolve: ${res.status} ${await res.text()}`);
  return (await countMoves()) - before;
}

describe('ledger under random interleavings', () => {
  it('keeps balances equal to the sum of moves and loses no move', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(step, fc.nat(1), fc.boolean()), { minLength: 1, maxLength: 25 }), async (steps) => {
        const before = await countMoves();
        let expected = 0;
        // Ops go to two devices and are flushed in batches at random points, the devices pushing at once.
        const queues: OpState[][] = [[], []];
        const flush = async () => {
          const batches = queues.map((q) => q.splice(0));
          await Promise.all(batches.map((batch, i) => (batch.length > 0 ? pushOpsAs(app, devices[i]!, batch) : Promise.resolve([]))));
        };
        for (const [s, device, flushNow] of steps) {
          if (s.kind === 'adjust') {
            await flush();
            expected += await adjustOne();
            continue;
          }
          queues[device]!.push(newOp(devices[device]!, s.type, s.payload));
          expected += s.moves;
          if (flushNow) await flush();
        }
        await flush();
        expect(await countMoves()).toBe(before + expected);
        expect(await ledgerMatchesBalances(t.db)).toBe(true);
      }),
      { numRuns: 12 },
    );
  });
});

describe('one transaction over many lots', () => {
  // More lots than the server's shared lock table holds (64 × max_connections): one advisory lock
  // per lot ran out of shared memory on PostgreSQL when an import opened stock for 100,000 lots.
  it('posts opening stock for 100,000 lots at once', async () => {
    const lots = await t.db.query<{ id: string }>(
      `INSERT INTO lots (item_id, lot_number, origin)
       SELECT (SELECT id FROM items WHERE gtin = $1), 'BULK' || lpad(n::text, 6, '0'), 'received' FROM generate_series(1, 100000) AS n
       RETURNING id`,
      [BARREL],
    );
    const to = (await t.db.query<{ id: string }>(`SELECT id FROM locations WHERE code = 'A-01-01'`)).rows[0]!.id;
    await t.db.transaction((tx) => postMoves(tx, lots.rows.map((l) => ({ lotId: l.id, fromLocationId: null, toLocationId: to, qty: 3, reason: 'import.stock' }))));
    const booked = await t.db.query<{ n: number; qty: string }>(
      `SELECT count(*)::int AS n, sum(qty)::int::text AS qty FROM stock_balances WHERE lot_id = ANY($1::uuid[])`,
      [lots.rows.map((l) => l.id)],
    );
    expect(booked.rows[0]).toEqual({ n: 100000, qty: '300000' });
    expect(await ledgerMatchesBalances(t.db)).toBe(true);
  }, 120_000);
});
