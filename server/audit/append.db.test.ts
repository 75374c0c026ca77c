import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '.';
import { openTestDb, type TestDb } from '../test-support/db';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb('audit_append');
});
afterAll(() => t.close());

// Opening a recall on a hub raw-material lot audits every one of its 20,000 lots at once: more
// rows than one statement's 65,535 parameters can carry.
it('appends 10,000 entries in one transaction as one unbroken chain, in order', async () => {
  const entries = Array.from({ length: 10_000 }, (_, i) => ({ action: 'lot.status', entityType: 'lot', entityId: `lot-${i}`, after: { status: 'recalled' }, reason: 'recall RC20260001' }));
  const records = await t.db.transaction((tx) => appendAudit(tx, { id: null, name: 'qa' }, entries));
  expect(records).toHaveLength(10_000);
  const order = await t.db.query<{ entity_id: string }>('SELECT entity_id FROM audit_log ORDER BY seq');
  expect(order.rows.map((r) => r.entity_id)).toEqual(entries.map((e) => e.entityId));
  expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows: 10_000 });
});
