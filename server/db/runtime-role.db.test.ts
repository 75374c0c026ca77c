import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../audit';
import { ADMIN_PASSWORD, json, testApp } from '../test-support/app';
import { onPostgres, openTestDb, type TestDb } from '../test-support/db';
import { openDatabase, type Db } from '.';
import { grantRuntimeRole } from './runtime-role';

// Roles exist only on a real PostgreSQL server; PGlite runs as its one superuser.
const ROLE = 'lotline_test_runtime';

describe.skipIf(!onPostgres())('PostgreSQL: a runtime role that cannot switch the audit guard off', () => {
  let t: TestDb;
  let runtime: Db;

  /** The test's database URL as another role, confined to the test's schema. */
  const urlAs = (role: string | null) => {
    const url = new URL(t.postgres!.url);
    if (role) {
      url.username = role;
      url.password = '';
    }
    url.searchParams.set('options', `-c search_path=${t.postgres!.schema}`);
    return url.toString();
  };

  beforeAll(async () => {
    t = await openTestDb('runtime_role');
    await t.db.exec(`DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}') THEN EXECUTE 'DROP OWNED BY ${ROLE}'; EXECUTE 'DROP ROLE ${ROLE}'; END IF; END $$`);
    await t.db.exec(`CREATE ROLE ${ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
  });
  afterAll(async () => {
    await runtime?.close();
    await t.db.exec(`DROP OWNED BY ${ROLE}`).catch(() => undefined);
    await t.db.exec(`DROP ROLE IF EXISTS ${ROLE}`).catch(() => undefined);
    await t.close();
  });

  it('grants the runtime rights, and refuses to grant them to the owner or to a role that does not exist', async () => {
    await expect(t.db.transaction((tx) => grantRuntimeRole(tx, 'no_such_role_here'))).rejects.toThrow(/there is no role no_such_role_here/);
    const me = (await t.db.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
    await expect(t.db.transaction((tx) => grantRuntimeRole(tx, me))).rejects.toThrow(/role running the migrations|superuser/);
    const statements = await t.db.transaction((tx) => grantRuntimeRole(tx, ROLE));
    expect(statements.join('\n')).toContain(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${t.postgres!.schema}.audit_log FROM ${ROLE}`);
  });

  it('the server opens through the runtime role, migrations running as the owner', async () => {
    runtime = await openDatabase({ databaseUrl: urlAs(ROLE), migrationDatabaseUrl: urlAs(null), dataDir: '/nonexistent-not-used-on-postgres' });
    expect((await runtime.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u).toBe(ROLE);
  });

  it.each([
    ['SET session_replication_role = replica', /permission denied to set parameter "session_replication_role"/],
    ['ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only', /must be owner of table audit_log/],
    ["UPDATE audit_log SET reason = 'edited'", /permission denied for table audit_log/],
    ['DELETE FROM audit_log', /permission denied for table audit_log/],
    ['TRUNCATE audit_log', /permission denied for table audit_log/],
    ['DROP TABLE audit_log', /must be owner of table audit_log/],
  ])('the runtime role is refused: %s', async (sql, message) => {
    await expect(runtime.query(sql)).rejects.toThrow(message);
  });

  it('the application works through that role: sign-in, a refused sign-in audited, an append, and verify', async () => {
    const app = await testApp(runtime);
    const ok = await app.request('/api/auth/login', json('POST', { username: 'admin', password: ADMIN_PASSWORD }));
    expect(ok.status).toBe(200);
    const wrong = await app.request('/api/auth/login', json('POST', { username: 'admin', password: 'not-the-password' }));
    expect(wrong.status).toBe(401);
    await runtime.transaction((tx) => appendAudit(tx, { id: null, name: ROLE }, [{ action: 'runtime.probe', entityType: 'system' }]));
    const result = await verifyAuditChain(runtime);
    expect(result).toMatchObject({ ok: true, breaks: [] });
    expect(result.rows).toBeGreaterThanOrEqual(3);
  });
});
