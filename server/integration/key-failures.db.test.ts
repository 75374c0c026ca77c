import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, fromAddress, json, signIn, testApp, testClock, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { keyPrefixOf, pruneKeyFailures, DEFAULT_KEY_FAILURE_LIMIT } from './key-failures';

// Failed API keys are throttled per caller address and per key prefix. Runs on PGlite, and on
// PostgreSQL when DATABASE_URL is set.
let t: TestDb;
let app: TestApp;
let erp: string;
const clock = testClock(new Date('2026-03-02T08:00:05Z'));

beforeAll(async () => {
  t = await openTestDb('api_key_failures');
  app = await testApp(t.db, { clock });
  const admin = await signIn(app, 'admin', ADMIN_PASSWORD);
  const made = await app.request('/api/api-keys', json('POST', { integration: 'erp', scopes: ['read'] }, admin));
  erp = ((await made.json()) as { secret: string }).secret;
});
afterAll(() => t.close());

/** A made-up key of the right shape, starting with `prefix`. */
const madeUp = (prefix: string, n: number) => `${prefix}${String(n).padStart(46 - prefix.length, 'x')}`.slice(0, 46);

async function read(key: string, address: string) {
  const res = await app.request('/api/integration/items/ERP-1', { headers: { 'x-api-key': key } }, fromAddress(address));
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string } };
  return { status: res.status, code: body.error?.code, retryAfter: res.headers.get('retry-after') };
}

describe('failed API-key attempts', () => {
  it('answers 429 with Retry-After from the 11th failure in a minute from one address, until the minute is over, even for a good key', async () => {
    const address = '203.0.113.10';
    for (let i = 0; i < 10; i++) {
      expect(await read(madeUp(`lk_a${i}`, i), address)).toMatchObject({ status: 401, code: 'api_key_invalid' });
      // Within the first ten the good key still works, and is not counted.
      if (i === 5) expect((await read(erp, address)).status).not.toBe(429);
    }
    const limited = await read(madeUp('lk_zz', 11), address);
    expect(limited).toMatchObject({ status: 429, code: 'rate_limited' });
    // The window started at 08:00:00; the clock says 08:00:05.
    expect(limited.retryAfter).toBe('55');
    expect((await read(erp, address)).status).toBe(429);
    // Another address is not held back.
    expect((await read(erp, '203.0.113.11')).status).not.toBe(429);
    clock.advance(55);
    expect((await read(erp, address)).status).not.toBe(429);
    expect((await read(madeUp('lk_b', 1), address)).status).toBe(401);
  });

  it('counts failures per key prefix across addresses, and never holds back the real key of that prefix', async () => {
    const prefix = erp.slice(0, 10);
    for (let i = 0; i < 10; i++) expect((await read(madeUp(prefix, i), `198.51.100.${i + 1}`)).status).toBe(401);
    const limited = await read(madeUp(prefix, 99), '198.51.100.200');
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    // The key itself, from an address of its own, goes through: a prefix is no secret.
    expect((await read(erp, '198.51.100.201')).status).not.toBe(429);
  });

  it('a session token or no key at all is not a key attempt, and odd keys share one count', async () => {
    for (let i = 0; i < 12; i++) expect((await read(`not-a-key-${i}`, '192.0.2.50')).code).toBe('api_key_required');
    expect(keyPrefixOf('lk_\u0000abcdefgh')).toBe('malformed');
    expect(keyPrefixOf('lk_ＡＢＣＤＥＦＧ')).toBe('malformed');
    expect(keyPrefixOf('lk_\ud800abcdefg')).toBe('malformed');
    expect(keyPrefixOf('lk_')).toBe('malformed');
    expect(keyPrefixOf('lk_Abc-_1234567')).toBe('lk_Abc-_12');
  });

  it('closed windows are forgotten by the retention job', async () => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_key_failures');
    expect(before.rows[0]!.n).toBeGreaterThan(0);
    clock.advance(120);
    expect(await pruneKeyFailures(t.db, DEFAULT_KEY_FAILURE_LIMIT, clock.now())).toBe(before.rows[0]!.n);
  });
});
