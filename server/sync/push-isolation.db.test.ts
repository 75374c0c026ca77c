import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo';
import { bearer, signIn, testApp, type TestApp } from '../test-support/app';
import { onPostgres, openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, ledgerMatchesBalances, newOp, type Handheld, type OpState } from '../test-support/handheld';

/**
 * One op the server cannot book must not hold back the ops around it: each bad op is stored as
 * rejected with its reason, the good ones apply, and the push answers 200 so the device moves on.
 */

let t: TestDb;
let app: TestApp;
let password: string;
let clerk: Handheld;

const SYRINGE = '06901234000016';
const INFUSION_SET = '06901234000023';
const BARREL = '06901234000115';

async function push(device: Handheld, docs: OpState[]): Promise<{ status: number; body: unknown }> {
  const res = await app.request('/api/sync/ops/push', { method: 'POST', headers: device.headers, body: JSON.stringify(docs.map((d) => ({ assumedMasterState: null, newDocumentState: d }))) });
  return { status: res.status, body: await res.json() };
}

async function opRow(id: string) {
  const r = await t.db.query<{ status: string; outcome: { message: string; problems: { code: string; params: Record<string, unknown> }[] }; payload: Record<string, unknown>; user_id: string }>(
    'SELECT status, outcome, payload, user_id FROM ops WHERE id = $1',
    [id],
  );
  return r.rows[0];
}

const movesOf = async (id: string) => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_moves WHERE op_id = $1', [id])).rows[0]!.n;

const receipt = (device: Handheld, lotNumber: string, extra: Record<string, unknown> = {}) => newOp(device, 'receive', { gtin: SYRINGE, lotNumber, qty: 10, locationCode: 'RCV-01', ...extra });

beforeAll(async () => {
  t = await openTestDb('push_isolation');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  clerk = await enrolAndSignIn(app, 'TC52 isolation', 'clerk', password);
  // A lot rule with one digit of counter, already at 9: the next produced lot has no number left.
  await t.db.query(`INSERT INTO number_rules (name, kind, pattern, reset) VALUES ('one-digit', 'lot', 'T{SEQ:1}', 'never')`);
  await t.db.query(`INSERT INTO number_counters (rule_id, scope_key, period_key, value) SELECT id, '', '-', 9 FROM number_rules WHERE name = 'one-digit'`);
  await t.db.query(`UPDATE items SET lot_rule_id = (SELECT id FROM number_rules WHERE name = 'one-digit') WHERE gtin = $1`, [INFUSION_SET]);
}, 120_000);
afterAll(() => t.close());

describe(`one bad op in a push (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it.each([
    ['an expiry date that is not on the calendar', (d: Handheld) => receipt(d, 'BAD-DATE', { expiresOn: '2025-02-30' }), 'rejected', /expiresOn/],
    ['a NUL in a free-text field', (d: Handheld) => receipt(d, 'BAD-NUL', { supplier: 'Acme\u0000Medical' }), 'unstorable_text', /supplier/],
    ['an unpaired surrogate in the scan', (d: Handheld) => receipt(d, 'BAD-SURR', { scan: '(01)06901234000016\uD800' }), 'unstorable_text', /scan/],
    [
      'a produce op whose number rule has no numbers left',
      (d: Handheld) => newOp(d, 'produce', { gtin: INFUSION_SET, qty: 5, locationCode: 'PRD-L1', components: [{ gtin: BARREL, lotNumber: 'PP2410A', qty: 5, fromLocationCode: 'A-01-01' }] }),
      'op_failed',
      /numbers|one-digit/i,
    ],
  ])('[good, %s, good]: both good ops apply, the bad one is rejected with its reason', async (_name, bad, code, reason) => {
    const first = receipt(clerk, `GOOD-A-${code}`.slice(0, 20));
    const poison = bad(clerk);
    const last = receipt(clerk, `GOOD-B-${code}`.slice(0, 20));
    const answer = await push(clerk, [first, poison, last]);
    expect(answer.status).toBe(200);

    expect((await opRow(first.id))?.status).toBe('applied');
    expect((await opRow(last.id))?.status).toBe('applied');
    expect(await movesOf(first.id)).toBe(1);
    expect(await movesOf(last.id)).toBe(1);

    const rejected = await opRow(poison.id);
    expect(rejected?.status).toBe('rejected');
    expect(rejected?.outcome.problems[0]?.code).toBe(code);
    expect(rejected?.outcome.message).toMatch(reason);
    expect(await movesOf(poison.id)).toBe(0);
    expect(JSON.stringify(rejected?.payload)).not.toMatch(/\\u0000|\\ud800/i);
    expect(await ledgerMatchesBalances(t.db)).toBe(true);
  });

  it('the same [good, bad, good] batch pushed twice at once books each good op once and rejects the bad one once', async () => {
    const batch = [
      receipt(clerk, 'TWICE-A'),
      newOp(clerk, 'produce', { gtin: INFUSION_SET, qty: 5, locationCode: 'PRD-L1', components: [{ gtin: BARREL, lotNumber: 'PP2410A', qty: 5, fromLocationCode: 'A-01-01' }] }),
      receipt(clerk, 'TWICE-B', { supplier: 'nul\u0000here' }),
      receipt(clerk, 'TWICE-C'),
    ];
    const answers = await Promise.all([push(clerk, batch), push(clerk, batch)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const statuses = await Promise.all(batch.map(async (op) => (await opRow(op.id))?.status));
    expect(statuses).toEqual(['applied', 'rejected', 'rejected', 'applied']);
    expect(await Promise.all(batch.map((op) => movesOf(op.id)))).toEqual([1, 0, 0, 1]);
    const audited = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'op.rejected' AND entity_id = ANY($1::text[])`, [batch.map((op) => op.id)]);
    expect(audited.rows[0]!.n).toBe(2);
    expect(await ledgerMatchesBalances(t.db)).toBe(true);
  });

  it('a push that fails as a whole is listed on the console with its reason, until a push goes through', async () => {
    const supervisor = await signIn(app, 'supervisor', password);
    const device = await enrolAndSignIn(app, 'TC52 failing', 'clerk', password);
    const health = async () => {
      const res = await app.request('/api/devices/health', bearer(supervisor));
      const body = (await res.json()) as { devices: { deviceId: string; pushFailing: { code: string; message: string; failures: number } | null }[] };
      return body.devices.find((d) => d.deviceId === device.deviceId)!;
    };
    // The disk under the ops table fails: not the op's fault, so the push fails and the device keeps its ops.
    await t.db.exec(`CREATE FUNCTION refuse_ops() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not write block' USING ERRCODE = '58030'; END $$;
                     CREATE TRIGGER refuse_ops BEFORE INSERT ON ops FOR EACH ROW WHEN (NEW.payload->>'lotNumber' = 'DISK-FAIL') EXECUTE FUNCTION refuse_ops();`);
    try {
      const op = receipt(device, 'DISK-FAIL');
      expect((await push(device, [op])).status).toBe(500);
      expect((await push(device, [op])).status).toBe(500);
      expect(await opRow(op.id)).toBeUndefined();
      expect((await health()).pushFailing).toMatchObject({ code: 'internal', failures: 2 });
    } finally {
      await t.db.exec('DROP TRIGGER refuse_ops ON ops; DROP FUNCTION refuse_ops();');
    }
    expect((await push(device, [receipt(device, 'DISK-OK')])).status).toBe(200);
    expect((await health()).pushFailing).toBeNull();
  });
});
