import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '.';
import { createApp } from '../http/app';
import { createChangeHub } from '../sync/hub';
import { bearer, json } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';

// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
let t: TestDb;
let app: ReturnType<typeof createApp>;
const first = 'first-password-1';

beforeAll(async () => {
  t = await openTestDb('first_password');
  expect(await ensureAdmin(t.db, first, { requirePasswordChange: true })).toEqual({ created: true });
  app = createApp({ db: t.db, hub: createChangeHub(t.db), version: 'test', sessionHours: 1, bodyLimitBytes: 65536 });
});
afterAll(() => t.close());

async function signIn(password: string) {
  const res = await app.request('/api/auth/login', json('POST', { username: 'admin', password }));
  return (await res.json()) as { token: string; passwordChangeRequired: boolean };
}

describe('the first admin password of a production start', () => {
  it('must be changed before anything else; other sessions end when it is', async () => {
    const other = await signIn(first);
    const session = await signIn(first);
    expect(session.passwordChangeRequired).toBe(true);
    const refused = await app.request('/api/lots', bearer(session.token));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('password_change_required');

    const changed = await app.request('/api/auth/password', json('POST', { currentPassword: first, newPassword: 'second-password-2' }, session.token));
    expect(changed.status).toBe(204);
    expect((await app.request('/api/lots', bearer(session.token))).status).toBe(200);
    expect((await app.request('/api/lots', bearer(other.token))).status).toBe(401);
    const audit = await t.db.query<{ action: string; after: { firstPassword: boolean } }>("SELECT action, after FROM audit_log WHERE action LIKE 'user.password%' ORDER BY seq");
    expect(audit.rows).toEqual([{ action: 'user.password_changed', after: { firstPassword: true } }]);
  });

  it('an admin made by a demo start is not asked to change it', async () => {
    const other = await openTestDb('first_password_demo');
    try {
      await ensureAdmin(other.db, first);
      const flag = await other.db.query<{ password_change_required: boolean }>("SELECT password_change_required FROM users WHERE username = 'admin'");
      expect(flag.rows).toEqual([{ password_change_required: false }]);
    } finally {
      await other.close();
    }
  });
});
