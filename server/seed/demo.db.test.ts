import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScope } from '../recall/scope';
import { openTestDb, type TestDb } from '../test-support/db';
import { demoLots } from './demo-data';
import { loadDemoData } from './demo';

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb('demo_books');
  await loadDemoData(t.db, { password: 'demo-pass-1' });
});
afterAll(() => t?.close());

describe('the demo plant', () => {
  // A recall drill on the demo is the first thing a QA manager tries: its books must balance.
  it.each(demoLots.map((l) => l.lotNumber))('accounts for every unit of lot %s and of everything made from it', async (lotNumber) => {
    const scope = await readScope(t.db, { kind: 'lot', lotNumber });
    expect({ unbalanced: scope.balance.unbalancedLots, percent: scope.balance.percent }).toEqual({ unbalanced: [], percent: 100 });
  });

  it('still shows the component stock the screens and tests expect', async () => {
    const stock = await t.db.query<{ lot_number: string; qty: string }>(
      "SELECT l.lot_number, b.qty::text AS qty FROM stock_balances b JOIN lots l ON l.id = b.lot_id WHERE l.lot_number IN ('PP2410A', 'RB2409C') ORDER BY 1",
    );
    expect(stock.rows.map((r) => [r.lot_number, Number(r.qty)])).toEqual([
      ['PP2410A', 12000],
      ['RB2409C', 15000],
    ]);
  });
});
