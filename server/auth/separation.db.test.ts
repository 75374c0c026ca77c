import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplate } from '../../printers/templates';
import { loadDemoData } from '../seed/demo';
import { ADMIN_PASSWORD, bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { resolveSession } from './sessions';
import { sign } from './signature';

// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
let t: TestDb;
let app: TestApp;
let password: string;
let admin: string;
let adminId: string;

beforeAll(async () => {
  t = await openTestDb('separation');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  admin = await signIn(app, 'admin', ADMIN_PASSWORD);
  adminId = (await t.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'")).rows[0]!.id;
});
afterAll(() => t.close());

const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string; details?: Record<string, unknown> } }).error });
const auditOf = (entityId: string) =>
  t.db.query<{ action: string; reason: string | null; after: Record<string, unknown> | null }>('SELECT action, reason, after FROM audit_log WHERE entity_id = $1 ORDER BY seq', [entityId]);

async function createUser(body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const res = await app.request('/api/users', json('POST', { password: 'long-enough-1', displayName: String(body.username), ...body }, admin));
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; version: number };
}

describe('separation of duties', () => {
  it('does not let the author of a template version approve it, whatever roles they hold', async () => {
    const both = await createUser({ username: 'lab-qa', roles: ['labeladmin', 'qc'], reason: 'covers labels and QC on night shift' });
    const token = await signIn(app, 'lab-qa', 'long-enough-1');
    const drafted = await app.request('/api/templates', json('POST', { ...(await loadTemplate('lot-gs1')), description: 'drafted by lab-qa' }, token));
    const draft = (await drafted.json()) as { id: string };
    const own = await app.request(`/api/templates/${draft.id}/approve`, json('POST', { password: 'long-enough-1', reason: 'looks right' }, token));
    expect(await errorOf(own)).toMatchObject({ status: 403, code: 'separation_of_duties' });
    expect((await auditOf(draft.id)).rows.map((r) => r.action)).toEqual(['template.drafted', 'template.approval_refused']);
    expect((await t.db.query('SELECT status FROM label_templates WHERE id = $1', [draft.id])).rows).toEqual([{ status: 'draft' }]);

    const qa = await signIn(app, 'qa', password);
    expect((await app.request(`/api/templates/${draft.id}/approve`, json('POST', { password, reason: 'second pair of eyes' }, qa))).status).toBe(200);
    expect(both.id).toBeTruthy();
  });

  it('does not let anyone change their own roles or reset their own password', async () => {
    const version = (await t.db.query<{ version: number }>('SELECT version FROM users WHERE id = $1', [adminId])).rows[0]!.version;
    const grant = await app.request(`/api/users/${adminId}`, json('PATCH', { version, reason: 'need to release a lot', roles: ['admin', 'qc'] }, admin));
    expect(await errorOf(grant)).toMatchObject({ status: 403, code: 'separation_of_duties', details: { field: 'roles' } });
    const reset = await app.request(`/api/users/${adminId}`, json('PATCH', { version, reason: 'forgot it', password: 'another-one-2' }, admin));
    expect(await errorOf(reset)).toMatchObject({ status: 403, code: 'separation_of_duties', details: { field: 'password' } });
    expect((await t.db.query('SELECT roles, version FROM users WHERE id = $1', [adminId])).rows).toEqual([{ roles: ['admin'], version }]);
    expect((await auditOf(adminId)).rows.filter((r) => r.action === 'user.change_refused').map((r) => r.after)).toEqual([{ why: 'own_roles' }, { why: 'own_password' }]);
  });

  it('makes a user replace a password an administrator set before signing anything; the reset is audited without the password', async () => {
    const user = await createUser({ username: 'qa-two', roles: ['qc'], reason: 'second QC inspector' });
    const reset = await app.request(`/api/users/${user.id}`, json('PATCH', { version: user.version, reason: 'forgotten password, identity checked', password: 'admin-knows-this' }, admin));
    expect(reset.status).toBe(200);
    const audit = await t.db.query<{ action: string; reason: string; row: string }>("SELECT action, reason, row_to_json(a)::text AS row FROM audit_log a WHERE entity_id = $1 AND action = 'user.password_reset'", [user.id]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.reason).toBe('forgotten password, identity checked');
    expect(audit.rows[0]!.row).not.toMatch(/admin-knows-this|scrypt\$/);

    const login = (await (await app.request('/api/auth/login', json('POST', { username: 'qa-two', password: 'admin-knows-this' }))).json()) as { token: string; passwordChangeRequired: boolean };
    expect(login.passwordChangeRequired).toBe(true);
    const lot = (await t.db.query<{ id: string; version: number }>("SELECT id, version FROM lots WHERE lot_number = 'IS2411D'")).rows[0]!;
    const signing = await app.request(`/api/lots/${lot.id}/status`, json('POST', { to: 'released', meaning: 'released', reason: 'x', password: 'admin-knows-this', version: lot.version }, login.token));
    expect(await errorOf(signing)).toMatchObject({ status: 403, code: 'password_change_required' });
    // The signature itself refuses too, not only the route in front of it.
    const lookup = await resolveSession(t.db, login.token);
    if (lookup.status !== 'valid') throw new Error(lookup.status);
    await expect(sign(t.db, lookup.session, 'admin-knows-this', 'released', { entityType: 'lot', entityId: lot.id })).rejects.toMatchObject({ code: 'password_change_required' });

    expect((await app.request('/api/auth/password', json('POST', { currentPassword: 'admin-knows-this', newPassword: 'only-i-know-this' }, login.token))).status).toBe(204);
    const released = await app.request(`/api/lots/${lot.id}/status`, json('POST', { to: 'released', meaning: 'released', reason: 'incoming inspection', password: 'only-i-know-this', version: lot.version }, login.token));
    expect(released.status).toBe(200);
  });

  it('needs a reason to grant a role that signs, and records the grant as such', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM users');
    const bare = await app.request('/api/users', json('POST', { username: 'qc-bare', displayName: 'QC', password: 'long-enough-1', roles: ['qc'] }, admin));
    expect(await errorOf(bare)).toMatchObject({ status: 400, code: 'invalid_request', details: { issues: [{ field: 'body.reason' }] } });
    expect((await t.db.query('SELECT count(*)::int AS n FROM users')).rows).toEqual(before.rows);

    const op = await createUser({ username: 'op-three', roles: ['operator'] });
    const granted = await app.request(`/api/users/${op.id}`, json('PATCH', { version: op.version, reason: 'promoted to shift supervisor', roles: ['operator', 'supervisor'] }, admin));
    expect(granted.status).toBe(200);
    const rows = (await auditOf(op.id)).rows;
    expect(rows.map((r) => r.action)).toEqual(['user.created', 'user.signing_roles_granted']);
    expect(rows[1]).toMatchObject({ reason: 'promoted to shift supervisor', after: { granted: ['supervisor'] } });
    const blank = await app.request(`/api/users/${op.id}`, json('PATCH', { version: op.version + 1, reason: ' ', roles: ['operator', 'supervisor', 'qc'] }, admin));
    expect((await errorOf(blank)).status).toBe(400);
    expect((await app.request('/api/users', bearer(admin))).status).toBe(200);
  });
});
