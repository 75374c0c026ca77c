import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '.';
import { openTestDb, type TestDb } from '../test-support/db';
import { openPostgres } from '../db';

let t: TestDb;
const actor = { id: null, name: 'tester' };

beforeAll(async () => {
  t = await openTestDb('audit');
});
afterAll(() => t.close());

async function append(count: number, prefix = 'lot') {
  for (let i = 0; i < count; i++) {
    await t.db.transaction((tx) =>
      appendAudit(tx, actor, [{ action: `${prefix}.changed`, entityType: 'lot', entityId: `${prefix}-${i}`, before: { qty: i, tags: ['a'] }, after: { qty: i + 1, note: '批号 ü', nested: { b: 1, a: 2 } }, reason: 'test' }]),
    );
  }
}

describe('audit chain', () => {
  it('verifies an intact chain of many rows, including rows written in one batch', async () => {
    await append(5);
    await t.db.transaction((tx) =>
      appendAudit(tx, actor, [
        { action: 'batch.one', entityType: 'lot', entityId: 'b1' },
        { action: 'batch.two', entityType: 'lot', entityId: 'b2', signatureMeaning: 'approved' },
      ]),
    );
    const result = await verifyAuditChain(t.db, { pageSize: 3 }); // small pages cross page borders
    expect(result).toMatchObject({ ok: true, rows: 7 });
  });

  it.each([
    ['UPDATE', "UPDATE audit_log SET reason = 'edited' WHERE seq = 2"],
    ['DELETE', 'DELETE FROM audit_log WHERE seq = 2'],
    ['TRUNCATE', 'TRUNCATE audit_log'],
  ])('the database refuses %s', async (_op, sql) => {
    await expect(t.db.query(sql)).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('a rolled-back transaction leaves no audit row and no gap in the chain', async () => {
    const before = await verifyAuditChain(t.db);
    await expect(
      t.db.transaction(async (tx) => {
        await appendAudit(tx, actor, [{ action: 'doomed', entityType: 'lot' }]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await verifyAuditChain(t.db);
    expect(after).toMatchObject({ ok: true, rows: before.rows, lastHash: before.lastHash });
  });

  it('keeps one chain when writers on several connections append at once', async () => {
    if (!t.postgres) return; // PGlite has one connection: concurrency is the server's case
    const second = await openPostgres({ connectionString: t.postgres.url, schema: t.postgres.schema });
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? second : t.db).transaction((tx) => appendAudit(tx, actor, [{ action: 'concurrent', entityType: 'lot', entityId: String(i) }])),
        ),
      );
    } finally {
      await second.close();
    }
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('names the first row changed behind the database guard', async () => {
    await t.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    try {
      const target = await t.db.query<{ seq: string }>("SELECT seq::text AS seq FROM audit_log WHERE entity_id = 'lot-3'");
      await t.db.query(`UPDATE audit_log SET after = jsonb_set(after, '{qty}', '999') WHERE entity_id = 'lot-3'`);
      const result = await verifyAuditChain(t.db);
      expect(result.ok).toBe(false);
      expect(result.firstBreak).toMatchObject({ seq: target.rows[0]!.seq, problem: 'content_changed' });
      expect(result.firstBreak!.message).toContain(`row ${target.rows[0]!.seq}`);
    } finally {
      await t.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    }
  });
});

describe('audit chain: removed row', () => {
  let u: TestDb;
  beforeAll(async () => {
    u = await openTestDb('audit_removed');
  });
  afterAll(() => u.close());

  it('reports the row after a deleted one as a broken link', async () => {
    for (let i = 0; i < 4; i++) await u.db.transaction((tx) => appendAudit(tx, actor, [{ action: 'x', entityType: 'lot', entityId: String(i) }]));
    await u.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    const rows = await u.db.query<{ seq: string }>('SELECT seq::text AS seq FROM audit_log ORDER BY seq');
    await u.db.query('DELETE FROM audit_log WHERE seq = $1', [rows.rows[1]!.seq]);
    await u.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    const result = await verifyAuditChain(u.db);
    expect(result.firstBreak).toMatchObject({ seq: rows.rows[2]!.seq, problem: 'link_broken' });
  });
});
