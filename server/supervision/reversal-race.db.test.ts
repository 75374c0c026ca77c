import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo';
import { ADMIN_PASSWORD, bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { onPostgres, openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, ledgerMatchesBalances, newOp, pushOpsAs } from '../test-support/handheld';
import type { StockException } from './exceptions';

/**
 * One op, two exceptions (a pick of a held lot that also drives the bin negative), and two
 * supervisors who each reverse one of them at the same moment: the op is reversed once.
 */

let t: TestDb;
let app: TestApp;
let password: string;

const MASK = '06901234000030';

beforeAll(async () => {
  t = await openTestDb('reversal_race');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
}, 120_000);
afterAll(() => t.close());

async function balance(): Promise<number> {
  const r = await t.db.query<{ qty: string }>(
    `SELECT b.qty::text AS qty FROM stock_balances b JOIN lots l ON l.id = b.lot_id JOIN locations loc ON loc.id = b.location_id WHERE l.lot_number = 'M2405K' AND loc.code = 'A-01-02'`,
  );
  return Number(r.rows[0]?.qty ?? 0);
}

describe(`two supervisors reversing one op's two exceptions at once (${onPostgres() ? 'PostgreSQL, one connection each' : 'PGlite'})`, () => {
  it('posts one reversal; the second is refused', async () => {
    const picker = await enrolAndSignIn(app, 'TC52 race', 'picker', password);
    const first = await signIn(app, 'supervisor', password);
    const second = await signIn(app, 'admin', ADMIN_PASSWORD);
    for (let round = 0; round < 4; round++) {
      const onHand = await balance();
      const pick = newOp(picker, 'pick', { gtin: MASK, lotNumber: 'M2405K', qty: onHand + 5, fromLocationCode: 'A-01-02', toLocationCode: 'SHP-01' });
      await pushOpsAs(app, picker, [pick]);
      const listed = (await (await app.request('/api/exceptions?status=open', bearer(first))).json()) as { exceptions: StockException[] };
      const mine = listed.exceptions.filter((e) => e.opId === pick.id);
      expect(mine.map((e) => e.kind).sort()).toEqual(['lot_not_pickable', 'negative_stock']);

      const answers = await Promise.all(
        mine.map((e, i) => app.request(`/api/exceptions/${e.id}/resolve`, json('POST', { action: 'reverse', reason: `put back (${i})`, version: e.version }, i === 0 ? first : second))),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
      const reversals = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM stock_moves WHERE op_id = $1 AND reason = 'exception.reverse'", [pick.id]);
      expect(reversals.rows[0]!.n).toBe(1);
      expect(await balance()).toBe(onHand);
      expect(await ledgerMatchesBalances(t.db)).toBe(true);
    }
  });
});
