import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '.';
import { json, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';

// Text that PostgreSQL keeps otherwise than JavaScript holds it must never split the chain.
let t: TestDb;
let app: TestApp;

beforeAll(async () => {
  t = await openTestDb('audit_poison');
  app = await testApp(t.db);
});
afterAll(() => t.close());

const rowCount = async () => Number((await t.db.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_log')).rows[0]!.n);

async function errorOf(res: Response) {
  return { status: res.status, ...((await res.json()) as { error: { code: string; message: string; details?: Record<string, unknown> } }).error };
}

describe('text the database cannot keep as it is', () => {
  it('refuses an anonymous sign-in whose user name holds a lone surrogate, writes nothing, and the chain still verifies', async () => {
    const before = await rowCount();
    const res = await app.request('/api/auth/login', json('POST', { username: 'adm\uD800in', password: 'whatever-123' }));
    expect(await errorOf(res)).toMatchObject({ status: 400, code: 'invalid_text', details: { field: 'body.username', problem: 'lone_surrogate' } });
    expect(await rowCount()).toBe(before);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, breaks: [] });
  });

  it.each([
    ['NUL in a nested field', '/api/auth/login', { username: 'admin', password: 'x', extra: { note: ['ok', 'a\u0000b'] } }, 'body.extra.note.1', 'nul'],
    ['a lone low surrogate in a key', '/api/auth/login', { username: 'admin', ['pass\uDC00']: 'x' }, 'body.pass\uDC00', 'lone_surrogate'],
  ])('refuses %s and names the field', async (_name, path, body, field, problem) => {
    const res = await app.request(path, json('POST', body));
    expect(await errorOf(res)).toMatchObject({ status: 400, code: 'invalid_text', details: { field, problem } });
  });

  it('refuses NUL in a query string or a path', async () => {
    const login = await app.request('/api/auth/login', json('POST', { username: 'admin', password: 'correct-horse-42' }));
    const { token } = (await login.json()) as { token: string };
    const auth = { headers: { authorization: `Bearer ${token}` } };
    expect(await errorOf(await app.request('/api/audit?entityId=a%00b', auth))).toMatchObject({ status: 400, code: 'invalid_text', details: { field: 'query.entityId' } });
    expect(await errorOf(await app.request('/api/lots/A%00B/history', auth))).toMatchObject({ status: 400, code: 'invalid_text', details: { field: 'path' } });
  });

  it('still takes ESC, tabs and CJK text, and the trail keeps the name tried in escaped form', async () => {
    const res = await app.request('/api/auth/login', json('POST', { username: '\u001b[2J批号\t', password: 'wrong-password' }));
    expect(res.status).toBe(401);
    const row = await t.db.query<{ tried: string }>("SELECT after->>'attemptedName' AS tried FROM audit_log WHERE action = 'auth.login_failed' ORDER BY seq DESC LIMIT 1");
    // User names are trimmed and lower-cased; anyone can type anything, so the trail keeps it escaped.
    expect(row.rows[0]!.tried).toBe('\\u001b[2j批号');
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe('the chain hashes what the database stores', () => {
  it('an entry with lone surrogates and NUL in every text field is stored as hashed, and verifies', async () => {
    const bad = 'x\uD800y\u0000z\uDC00';
    const records = await t.db.transaction((tx) =>
      appendAudit(tx, { id: null, name: bad }, [{ action: `probe.${bad}`, entityType: bad, entityId: bad, before: { [bad]: [bad] }, after: { note: bad }, reason: bad, signatureMeaning: bad }]),
    );
    const stored = await t.db.query<{ actor_name: string; reason: string; after: { note: string }; before: Record<string, string[]> }>('SELECT actor_name, reason, after, before FROM audit_log WHERE id = $1', [records[0]!.id]);
    const expected = 'x\uFFFDyz\uFFFD';
    expect(stored.rows[0]).toEqual({ actor_name: expected, reason: expected, after: { note: expected }, before: { [expected]: [expected] } });
    expect(records[0]!.actorName).toBe(expected);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, breaks: [] });
  });
});

describe('verify reports every break, not only the first', () => {
  let u: TestDb;
  beforeAll(async () => {
    u = await openTestDb('audit_every_break');
  });
  afterAll(() => u.close());

  it('lists two changed rows and a removed one, each by row, in chain order', async () => {
    for (let i = 0; i < 8; i++) await u.db.transaction((tx) => appendAudit(tx, { id: null, name: 'tester' }, [{ action: 'x', entityType: 'item', entityId: String(i), after: { n: i } }]));
    const seqs = (await u.db.query<{ seq: string }>('SELECT seq::text AS seq FROM audit_log ORDER BY audit_log.seq')).rows.map((r) => r.seq);
    await u.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    try {
      await u.db.query(`UPDATE audit_log SET after = '{"n": 99}' WHERE seq = $1`, [seqs[1]]);
      await u.db.query('DELETE FROM audit_log WHERE seq = $1', [seqs[4]]);
      await u.db.query(`UPDATE audit_log SET reason = 'edited' WHERE seq = $1`, [seqs[6]]);
    } finally {
      await u.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    }
    const result = await verifyAuditChain(u.db, { pageSize: 2 });
    expect(result.ok).toBe(false);
    expect(result.breaks.map((b) => [b.seq, b.problem])).toEqual([
      [seqs[1], 'content_changed'],
      [seqs[5], 'link_broken'],
      [seqs[6], 'content_changed'],
    ]);
    expect(result.breakCount).toBe(3);
    expect(result.firstBreak).toEqual(result.breaks[0]);
  });
});
