import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo';
import { ADMIN_PASSWORD, fromAddress, json, signIn, testApp, testClock, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { DEFAULT_LOGIN_LIMIT } from './rate-limit';

// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
let t: TestDb;
let app: TestApp;
let password: string;
let admin: string;
const clock = testClock();

beforeAll(async () => {
  t = await openTestDb('signature_guard');
  app = await testApp(t.db, { clock });
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  admin = await signIn(app, 'admin', ADMIN_PASSWORD);
});
afterAll(() => t.close());

async function quarantinedLot(lotNumber: string): Promise<{ id: string; version: number }> {
  return (await t.db.query<{ id: string; version: number }>('SELECT id, version FROM lots WHERE lot_number = $1', [lotNumber])).rows[0]!;
}

async function release(on: TestApp, token: string, lot: { id: string; version: number }, pass: string): Promise<Response> {
  return on.request(`/api/lots/${lot.id}/status`, json('POST', { to: 'released', meaning: 'released', reason: 'incoming inspection', password: pass, version: lot.version }, token));
}

const codeOf = async (res: Response) => ((await res.json()) as { error?: { code: string } }).error?.code;

describe('electronic signatures are not a password oracle (21 CFR 11.300(d))', () => {
  it('checks only the allowed number of 40 concurrent wrong signatures, then locks the account and ends its sessions', async () => {
    const qa = await signIn(app, 'qa', password);
    const lot = await quarantinedLot('PP2411B');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => release(app, qa, lot, `guess-${i}`).then(async (r) => ({ status: r.status, code: await codeOf(r) }))));
    // Each checked password leaves one signature.failed row; the rest were refused before the check.
    const checked = (await t.db.query("SELECT 1 FROM audit_log WHERE action = 'signature.failed'")).rows;
    expect(checked.length).toBe(3); // the default signature lock
    expect(answers.filter((a) => a.code === 'signature_failed').length).toBe(2);
    expect(answers.every((a) => ['signature_failed', 'account_locked', 'session_revoked'].includes(a.code ?? ''))).toBe(true);

    // The right password no longer helps: the session is gone and the account is locked.
    expect(await codeOf(await release(app, qa, lot, password))).toBe('session_revoked');
    const again = await app.request('/api/auth/login', json('POST', { username: 'qa', password }), fromAddress('198.51.100.20'));
    expect(again.status).toBe(403);
    expect(await codeOf(again)).toBe('account_locked');
    expect((await t.db.query('SELECT status FROM lots WHERE id = $1', [lot.id])).rows).toEqual([{ status: 'quarantine' }]);

    const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE action IN ('signature.failed', 'user.locked') ORDER BY seq");
    expect(audit.rows.filter((r) => r.action === 'signature.failed')).toHaveLength(checked.length);
    expect(audit.rows.filter((r) => r.action === 'user.locked')).toHaveLength(1);

    const id = (await t.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'qa'")).rows[0]!.id;
    expect((await app.request(`/api/users/${id}/unlock`, json('POST', { reason: 'identity confirmed in person' }, admin))).status).toBe(204);
    const back = await signIn(app, 'qa', password);
    expect((await release(app, back, lot, password)).status).toBe(200);
  });

  it('counts failed signatures towards the account backoff shared with sign-in', async () => {
    const lenient = await testApp(t.db, { clock, loginLimit: { ...DEFAULT_LOGIN_LIMIT, freeFailures: 2, signatureLockAfter: 5 } });
    const supervisor = await signIn(lenient, 'supervisor', password);
    const lot = await quarantinedLot('IS2411D');
    const hold = (pass: string) =>
      lenient.request(`/api/lots/${lot.id}/status`, json('POST', { to: 'released', meaning: 'released', reason: 'x', password: pass, version: lot.version }, supervisor));
    expect(await codeOf(await hold('wrong-1'))).toBe('signature_failed');
    expect(await codeOf(await hold('wrong-2'))).toBe('signature_failed');
    const throttled = await hold('wrong-3');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    const signIn2 = await lenient.request('/api/auth/login', json('POST', { username: 'supervisor', password }), fromAddress('198.51.100.21'));
    expect(signIn2.status).toBe(429);
    const refused = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'signature.refused' AND entity_id = $1", [lot.id]);
    expect(refused.rows).toHaveLength(1);
  });
});
