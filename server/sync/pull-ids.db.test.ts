import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo';
import { testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, pullCollection } from '../test-support/handheld';

let t: TestDb;
let app: TestApp;
let password: string;

beforeAll(async () => {
  t = await openTestDb('pull_ids');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  // Lots made by an import keep the ids they came with: valid for PostgreSQL, not RFC 4122 versions.
  await t.db.query(
    `INSERT INTO lots (id, lot_number, item_id, expires_on, origin, status)
     SELECT md5('imported-' || g)::uuid, 'IMP-' || g, (SELECT id FROM items WHERE sku = 'SYR-5ML'), DATE '2030-01-01', 'received', 'released'
       FROM generate_series(1, 12) g`,
  );
});
afterAll(() => t?.close());

describe('pulling rows whose ids are not RFC 4122 versions', () => {
  it.each([1, 7, 500])('hands every lot over in pages of %i, taking back the checkpoints it gave out', async (limit) => {
    const device = await enrolAndSignIn(app, `Import reader ${limit}`, 'clerk', password);
    const lots = await pullCollection<{ id: string; lotNumber: string }>(app, device, 'lots', limit);
    const imported = lots.filter((l) => l.lotNumber.startsWith('IMP-')).map((l) => l.id);
    expect(imported).toHaveLength(12);
    const rfc4122 = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
    expect(imported.filter((id) => !rfc4122.test(id)).length).toBeGreaterThan(6);
    const total = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM lots');
    expect(lots).toHaveLength(total.rows[0]!.n);
  });

  it('still refuses a checkpoint id that is not a uuid at all', async () => {
    const device = await enrolAndSignIn(app, 'Bad checkpoint', 'clerk', password);
    const res = await app.request('/api/sync/lots/pull?limit=5&xid=1&id=not-a-uuid', { headers: device.headers });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/query\.id: Invalid UUID/);
  });
});
