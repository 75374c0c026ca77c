import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo';
import { ADMIN_PASSWORD, fromAddress, json, testApp, testClock, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { DEFAULT_LOGIN_LIMIT } from './rate-limit';

// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
let t: TestDb;
let app: TestApp;
let password: string;
const clock = testClock();

beforeAll(async () => {
  t = await openTestDb('sign_in_guard');
  app = await testApp(t.db, { clock });
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
});
afterAll(() => t.close());

type Answer = { status: number; code: string | undefined; retryAfter: string | null; scope: unknown };

async function attempt(username: string, pass: string, address = '198.51.100.1', on: TestApp = app): Promise<Answer> {
  const res = await on.request('/api/auth/login', json('POST', { username, password: pass }), fromAddress(address));
  const body = (await res.json()) as { error?: { code: string; details?: { scope?: unknown } } };
  return { status: res.status, code: body.error?.code, retryAfter: res.headers.get('retry-after'), scope: body.error?.details?.scope };
}

async function backoffOf(username: string): Promise<number> {
  const row = await t.db.query<{ failures: number }>('SELECT failures FROM sign_in_backoff WHERE username = $1', [username]);
  return row.rows[0]?.failures ?? 0;
}

async function userId(username: string): Promise<string> {
  return (await t.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username])).rows[0]!.id;
}

describe('sign-in backoff per account', () => {
  it('checks at most the free number of 100 concurrent wrong guesses; the real user signs in once the wait is over', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt('clerk', `guess-${i}`, `10.1.${i}.7`)));
    const checked = answers.filter((a) => a.status === 401);
    const waited = answers.filter((a) => a.status === 429);
    // Every 401 is one scrypt check; the claim before it is the only way past the count.
    expect(checked.length).toBeLessThanOrEqual(5); // the default number of free failures
    expect(checked.length + waited.length).toBe(100);
    expect(waited.every((a) => a.code === 'rate_limited' && a.scope === 'account' && Number(a.retryAfter) >= 1)).toBe(true);
    expect(await backoffOf('clerk')).toBe(checked.length);

    const early = await attempt('clerk', password);
    expect(early.status).toBe(429);
    clock.advance(Number(early.retryAfter));
    expect((await attempt('clerk', password)).status).toBe(200);
    expect(await backoffOf('clerk')).toBe(0);
  });

  it('doubles the wait with each further failure up to the cap, and never turns it into a lockout', async () => {
    const strict = await testApp(t.db, { clock, loginLimit: { ...DEFAULT_LOGIN_LIMIT, freeFailures: 2, maxDelaySeconds: 8 } });
    const waits: number[] = [];
    let checked = 0;
    while (checked < 7) {
      const wrong = await attempt('picker', `wrong-${checked}`, '198.51.100.2', strict);
      if (wrong.status === 401) {
        checked++;
        continue;
      }
      expect(wrong).toMatchObject({ status: 429, scope: 'account' });
      waits.push(Number(wrong.retryAfter));
      clock.advance(Number(wrong.retryAfter));
    }
    expect(waits).toEqual([1, 2, 4, 8, 8]);
    expect((await attempt('picker', password, '198.51.100.2', strict)).retryAfter).toBe('8');
    clock.advance(8);
    expect((await attempt('picker', password, '198.51.100.2', strict)).status).toBe(200);
  });

  it('lets an administrator lift a backoff at once, on the record', async () => {
    for (let i = 0; i < 6; i++) await attempt('labels', `bad-${i}`, '198.51.100.3');
    expect((await attempt('labels', password, '198.51.100.3')).status).toBe(429);
    const admin = await app.request('/api/auth/login', json('POST', { username: 'admin', password: ADMIN_PASSWORD }), fromAddress('192.0.2.1'));
    const token = ((await admin.json()) as { token: string }).token;
    const id = await userId('labels');
    expect((await app.request(`/api/users/${id}/unlock`, json('POST', {}, token))).status).toBe(400);
    expect((await app.request(`/api/users/${id}/unlock`, json('POST', { reason: 'user called the help desk' }, token))).status).toBe(204);
    expect((await attempt('labels', password, '198.51.100.3')).status).toBe(200);
    const audit = await t.db.query<{ reason: string; before: { failures: number } }>("SELECT reason, before FROM audit_log WHERE action = 'user.unlocked' AND entity_id = $1", [id]);
    expect(audit.rows).toEqual([{ reason: 'user called the help desk', before: expect.objectContaining({ failures: 5 }) }]);
  });
});

describe('sign-in limit per address', () => {
  it('holds back a flooding address, but not the users who sign in from it (one NAT for the whole plant)', async () => {
    const plant = '203.0.113.40';
    expect((await attempt('qa', password, plant)).status).toBe(200);
    const flood = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(`nobody-${i}`, 'x', plant)));
    expect(flood.filter((a) => a.status === 429 && a.scope === 'address').length).toBeGreaterThan(0);
    expect((await attempt('nobody-else', 'x', plant)).scope).toBe('address');

    expect((await attempt('qa', password, plant)).status).toBe(200);
    // Someone who never signed in from there waits for the next window, or signs in from elsewhere.
    expect(await attempt('supervisor', password, plant)).toMatchObject({ status: 429, scope: 'address' });
    expect((await attempt('supervisor', password, '198.51.100.9')).status).toBe(200);
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    const proxied = await testApp(t.db, { clock, transport: { tls: false, trustProxy: true, trustedProxies: ['10.9.9.9'] } });
    const forged = { ...json('POST', { username: 'forger', password: 'x' }), headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.200' } };
    await proxied.request('/api/auth/login', forged, fromAddress('198.51.100.66'));
    await proxied.request('/api/auth/login', { ...forged, body: JSON.stringify({ username: 'relayed', password: 'x' }) }, fromAddress('10.9.9.9'));
    const clients = await t.db.query<{ name: string; client: string }>(
      `SELECT name, client FROM (SELECT seq, COALESCE(after->>'attemptedName', actor_name) AS name, after->>'client' AS client FROM audit_log WHERE action = 'auth.login_failed') f
        WHERE name IN ('forger', 'relayed') ORDER BY seq`,
    );
    expect(clients.rows).toEqual([
      { name: 'forger', client: '198.51.100.66' },
      { name: 'relayed', client: '192.0.2.200' },
    ]);
  });
});

describe('the audit trail under a flood of failed sign-ins', () => {
  it('gets one row per minute and address with a count, not one per attempt', async () => {
    clock.advance(60 - (clock.now().getTime() / 1000) % 60 + 5); // at the start of a fresh minute
    const flooder = '198.18.0.1';
    // Any refused sign-in writes the windows that have closed: this one clears those of the tests above.
    await attempt('someone', 'x', '198.18.0.99');
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    await Promise.all(Array.from({ length: 80 }, (_, i) => attempt(`stranger-${i}`, 'x', flooder)));
    clock.advance(60);
    await attempt('someone', 'x', '198.18.0.99');
    const rows = await t.db.query<{ action: string; count: number }>(
      "SELECT action, (after->>'count')::int AS count FROM audit_log WHERE after->>'client' = $1 ORDER BY seq",
      [flooder],
    );
    expect(rows.rows.length).toBeLessThanOrEqual(4);
    expect(rows.rows.reduce((sum, r) => sum + r.count, 0)).toBe(80);
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(after.rows[0]!.n - before.rows[0]!.n).toBe(rows.rows.length + 1);
  });
});
