import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Db } from '../db';
import { loadDemoData } from '../seed/demo';
import { openTestDb, type TestDb } from '../test-support/db';
import { allocateNumbers, allocateSerials, loadRule, nextLotNumber } from './allocate';

let t: TestDb;
/** A second server instance on the same database, when the suite runs on PostgreSQL. */
let other: Db;

beforeAll(async () => {
  t = await openTestDb('numbering');
  await loadDemoData(t.db, { password: 'demo-pass-1' });
  other = t.postgres ? await openPostgres({ connectionString: t.postgres.url, schema: t.postgres.schema }) : t.db;
});
afterAll(async () => {
  if (other !== t.db) await other.close();
  await t.close();
});

const itemId = async (gtin: string) => (await t.db.query<{ id: string }>('SELECT id FROM items WHERE gtin = $1', [gtin])).rows[0]!.id;

describe('number allocation across instances', () => {
  it('never hands out one number twice when two instances allocate at once', async () => {
    const rule = await loadRule(t.db, 'lot-default');
    const burst = (db: Db) => Array.from({ length: 40 }, () => db.transaction((tx) => allocateNumbers(tx, rule, '', 3, '2026-11-23')));
    const made = (await Promise.all([...burst(t.db), ...burst(other)])).flat();
    expect(made).toHaveLength(240);
    expect(new Set(made).size).toBe(240);
    expect(made.every((n) => /^P261123\d{4}$/.test(n))).toBe(true);
  });

  it('gives back the numbers of a transaction that rolled back', async () => {
    const rule = await loadRule(t.db, 'serial-default');
    const [first] = await t.db.transaction((tx) => allocateNumbers(tx, rule, 'scope-x', 1, '2026-11-23'));
    await expect(
      t.db.transaction(async (tx) => {
        await allocateNumbers(tx, rule, 'scope-x', 5, '2026-11-23');
        throw new Error('label printing failed');
      }),
    ).rejects.toThrow('label printing failed');
    const [next] = await t.db.transaction((tx) => allocateNumbers(tx, rule, 'scope-x', 1, '2026-11-23'));
    expect(Number(next)).toBe(Number(first) + 1);
  });

  it('keeps serials unique per GTIN, and skips numbers already taken', async () => {
    const cvc = await itemId('06901234000054');
    await t.db.query(`INSERT INTO serials (item_id, serial) VALUES ($1, '26000000002')`, [cvc]);
    const burst = (db: Db) => Array.from({ length: 10 }, () => db.transaction((tx) => allocateSerials(tx, cvc, null, 5, '2026-11-23')));
    const serials = (await Promise.all([...burst(t.db), ...burst(other)])).flat();
    expect(new Set(serials).size).toBe(100);
    expect(serials).not.toContain('26000000002');
    const stored = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM serials WHERE item_id = $1', [cvc]);
    expect(stored.rows[0]!.n).toBe(101);
  });

  it('never reuses a lot number an item already has', async () => {
    const syringe = await itemId('06901234000016');
    const today = '2026-11-24';
    const rule = await loadRule(t.db, 'lot-default');
    // Someone received a supplier lot that looks exactly like the next number the rule makes.
    await t.db.query(`INSERT INTO lots (item_id, lot_number, origin) VALUES ($1, 'P2611240001', 'received')`, [syringe]);
    const made = await t.db.transaction((tx) => nextLotNumber(tx, syringe, today));
    expect(made).toBe('P2611240002');
    expect(rule.name).toBe('lot-default');
  });

  it('refuses a period whose numbers are used up instead of wrapping', async () => {
    const made = await t.db.query<{ id: string }>(`INSERT INTO number_rules (name, kind, pattern, reset) VALUES ('tiny', 'lot', 'T{YYMMDD}{SEQ:1}', 'day') RETURNING id`);
    const rule = await loadRule(t.db, made.rows[0]!.id);
    await t.db.transaction((tx) => allocateNumbers(tx, rule, '', 9, '2026-11-23'));
    await expect(t.db.transaction((tx) => allocateNumbers(tx, rule, '', 1, '2026-11-23'))).rejects.toMatchObject({ status: 409, code: 'numbers_exhausted' });
  });
});
