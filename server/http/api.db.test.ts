import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit';
import { loadDemoData } from '../seed/demo';
import { ADMIN_PASSWORD, bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { ROUTE_ACCESS } from './access';

let t: TestDb;
let app: TestApp;
let admin: string;
let demoPassword: string;

beforeAll(async () => {
  t = await openTestDb('api');
  app = await testApp(t.db);
  demoPassword = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  admin = await signIn(app, 'admin', ADMIN_PASSWORD);
});
afterAll(() => t.close());

async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string; details?: Record<string, unknown> } };
  return { status: res.status, ...body.error };
}

async function auditActions(entityId?: string): Promise<string[]> {
  const r = await t.db.query<{ action: string }>('SELECT action FROM audit_log WHERE ($1::text IS NULL OR entity_id = $1) ORDER BY seq', [entityId ?? null]);
  return r.rows.map((row) => row.action);
}

describe('health and documents', () => {
  it('reports status, database kind and version', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: t.db.kind, version: 'test' });
  });

  it('publishes an OpenAPI document generated from the schemas', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/lots/{id}', '/api/audit/verify']));
  });

  it('sends secure headers and keeps API answers out of caches', async () => {
    const res = await app.request('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('route access table', () => {
  it('has an entry for every API route and no entry without a route', () => {
    const registered = app.routes
      .filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path.startsWith('/epcis/')))
      .map((r) => `${r.method} ${r.path}`);
    expect(new Set(registered)).toEqual(new Set(Object.keys(ROUTE_ACCESS)));
  });

  it.each([
    ['clerk', 'GET', '/api/users', 403],
    ['clerk', 'GET', '/api/devices', 403],
    ['clerk', 'GET', '/api/audit', 403],
    ['clerk', 'GET', '/api/lots', 200],
    ['qa', 'GET', '/api/audit/verify', 200],
    ['supervisor', 'GET', '/api/devices', 200],
    ['labels', 'GET', '/api/users', 403],
  ])('%s: %s %s -> %i', async (user, method, path, status) => {
    const token = await signIn(app, user, demoPassword);
    const res = await app.request(path, { method, ...bearer(token) });
    expect(res.status).toBe(status);
    if (status === 403) expect((await errorOf(res)).code).toBe('forbidden');
  });

  it('refuses a protected route without a session', async () => {
    expect(await errorOf(await app.request('/api/lots'))).toMatchObject({ status: 401, code: 'unauthenticated' });
  });
});

describe('sign-in', () => {
  it('returns a session, and /me answers with the user', async () => {
    const res = await app.request('/api/auth/login', json('POST', { username: 'Clerk ', password: demoPassword }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: { username: string; roles: string[] } };
    expect(body.user).toMatchObject({ username: 'clerk', roles: ['operator'] });
    const me = await app.request('/api/auth/me', bearer(body.token));
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('clerk');
  });

  it('refuses a wrong password with 401 and audits it', async () => {
    const res = await app.request('/api/auth/login', json('POST', { username: 'picker', password: 'nope' }));
    expect(await errorOf(res)).toMatchObject({ status: 401, code: 'invalid_credentials' });
    expect(await auditActions('picker')).toContain('auth.login_failed');
  });

  it('gives an unknown user the same answer as a wrong password', async () => {
    const res = await app.request('/api/auth/login', json('POST', { username: 'ghost', password: 'nope' }));
    expect(await errorOf(res)).toMatchObject({ status: 401, code: 'invalid_credentials' });
  });

  it('backs off after repeated failures: even the right password waits the short Retry-After (see sign-in-guard.db.test.ts)', async () => {
    for (let i = 0; i < 5; i++) await app.request('/api/auth/login', json('POST', { username: 'labels', password: `bad-${i}` }));
    const limited = await app.request('/api/auth/login', json('POST', { username: 'labels', password: demoPassword }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await errorOf(limited)).code).toBe('rate_limited');
    expect(await auditActions('labels')).toContain('auth.login_rate_limited');
  });

  it('ends the session at logout', async () => {
    const token = await signIn(app, 'qa', demoPassword);
    expect((await app.request('/api/auth/logout', { method: 'POST', ...bearer(token) })).status).toBe(204);
    expect(await errorOf(await app.request('/api/auth/me', bearer(token)))).toMatchObject({ status: 401, code: 'session_revoked' });
  });

  it('refuses an expired session with its own code', async () => {
    const token = await signIn(app, 'supervisor', demoPassword);
    await t.db.query("UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE expires_at > now() AND user_id = (SELECT id FROM users WHERE username = 'supervisor')");
    expect(await errorOf(await app.request('/api/auth/me', bearer(token)))).toMatchObject({ status: 401, code: 'session_expired' });
  });

  it('refuses a made-up token', async () => {
    expect(await errorOf(await app.request('/api/auth/me', bearer('ses_forged')))).toMatchObject({ status: 401, code: 'unauthenticated' });
  });
});

describe('devices', () => {
  it('enrols a handheld, signs in on it, and a revocation ends its sessions at once', async () => {
    const enrol = await app.request('/api/devices', json('POST', { name: 'Zebra TC52 #7' }, admin));
    expect(enrol.status).toBe(201);
    const { device, token: deviceToken } = (await enrol.json()) as { device: { id: string }; token: string };
    const login = await app.request('/api/auth/login', {
      ...json('POST', { username: 'picker', password: demoPassword }),
      headers: { 'content-type': 'application/json', 'x-lotline-device': deviceToken },
    });
    expect(login.status).toBe(200);
    const session = ((await login.json()) as { token: string }).token;
    expect((await app.request('/api/auth/me', bearer(session))).status).toBe(200);

    const revoke = await app.request(`/api/devices/${device.id}/revoke`, json('POST', { reason: 'lost on dock 2' }, admin));
    expect(revoke.status).toBe(200);
    expect(await errorOf(await app.request('/api/auth/me', bearer(session)))).toMatchObject({ status: 401, code: 'device_revoked' });

    const again = await app.request('/api/auth/login', {
      ...json('POST', { username: 'picker', password: demoPassword }),
      headers: { 'content-type': 'application/json', 'x-lotline-device': deviceToken },
    });
    expect(await errorOf(again)).toMatchObject({ status: 401, code: 'device_revoked' });
    expect(await auditActions(device.id)).toEqual(['device.enrolled', 'device.revoked']);
  });
});

describe('bad input', () => {
  it('names the failing field of an invalid body', async () => {
    const res = await app.request('/api/users', json('POST', { username: 'x y', displayName: 'X', password: 'long-enough', roles: ['operator'] }, admin));
    const error = await errorOf(res);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(error.message).toMatch(/^body\.username:/);
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    const res = await app.request('/api/users', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: '{"username":' });
    expect(await errorOf(res)).toMatchObject({ status: 400, code: 'invalid_request' });
  });

  it('refuses an oversized body with 413 and writes nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM users');
    const res = await app.request('/api/users', json('POST', { username: 'big', displayName: 'x'.repeat(70 * 1024), password: 'long-enough', roles: ['operator'] }, admin));
    expect(await errorOf(res)).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect((await t.db.query('SELECT count(*)::int AS n FROM users')).rows).toEqual(before.rows);
  });

  it('answers an unknown API route with JSON 404', async () => {
    expect(await errorOf(await app.request('/api/nowhere'))).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('refuses a duplicate user name with 409 and a stale version with 409', async () => {
    const first = await app.request('/api/users', json('POST', { username: 'op2', displayName: 'Op 2', password: 'long-enough', roles: ['operator'] }, admin));
    expect(first.status).toBe(201);
    const user = (await first.json()) as { id: string; version: number };
    expect((await errorOf(await app.request('/api/users', json('POST', { username: 'op2', displayName: 'Again', password: 'long-enough', roles: ['qc'], reason: 'QA hire' }, admin)))).code).toBe('conflict');
    const ok = await app.request(`/api/users/${user.id}`, json('PATCH', { version: 1, reason: 'moved to QA', roles: ['qc'] }, admin));
    expect(ok.status).toBe(200);
    const stale = await app.request(`/api/users/${user.id}`, json('PATCH', { version: 1, reason: 'again', roles: ['operator'] }, admin));
    expect(await errorOf(stale)).toMatchObject({ status: 409, code: 'conflict' });
    expect(await auditActions(user.id)).toEqual(['user.created', 'user.signing_roles_granted']);
  });

  it('hides the cause of an unexpected failure and logs it instead', async () => {
    const broken = await testApp({ ...t.db, query: () => Promise.reject(new Error('secret internals')) });
    const res = await broken.request('/api/health');
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(text).not.toContain('secret internals');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'internal' } });
  });
});

describe('stock and audit after all of the above', () => {
  it('demo balances equal the sum of their moves', async () => {
    const r = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT lot_id, location_id, sum(delta) AS qty FROM (
           SELECT lot_id, to_location_id AS location_id, qty AS delta FROM stock_moves WHERE to_location_id IS NOT NULL
           UNION ALL SELECT lot_id, from_location_id, -qty FROM stock_moves WHERE from_location_id IS NOT NULL) m
         GROUP BY lot_id, location_id) s
       FULL JOIN stock_balances b USING (lot_id, location_id)
       WHERE s.qty IS DISTINCT FROM b.qty`,
    );
    expect(r.rows[0]!.n).toBe(0);
  });

  it('lists lots with balances, and every write left an intact audit chain', async () => {
    const lots = (await (await app.request('/api/lots?status=released', bearer(admin))).json()) as { lots: { id: string; onHand: number }[] };
    expect(lots.lots.length).toBeGreaterThan(0);
    const one = (await (await app.request(`/api/lots/${lots.lots[0]!.id}`, bearer(admin))).json()) as { balances: { qty: number }[] };
    expect(one.balances.reduce((s, b) => s + b.qty, 0)).toBe(lots.lots[0]!.onHand);
    const verify = (await (await app.request('/api/audit/verify', bearer(admin))).json()) as { ok: boolean; rows: number };
    expect(verify.ok).toBe(true);
    expect((await verifyAuditChain(t.db)).rows).toBe(verify.rows);
  });
});
