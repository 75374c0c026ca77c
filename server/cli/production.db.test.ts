import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLotline, type Started } from '../test-support/process';

// A production start is a real process on its own embedded data directory.
const root = mkdtempSync(join(tmpdir(), 'lotline-production-'));
const firstPassword = 'printed-on-a-terminal';
let server: Started;

beforeAll(async () => {
  server = await startLotline(['--port', '0', '--data-dir', join(root, 'data')], { LOTLINE_ADMIN_PASSWORD: firstPassword, LOTLINE_TRUST_PROXY: '1' });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function call(path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as { error?: { code: string }; token?: string; passwordChangeRequired?: boolean; users?: { username: string }[] } | null };
}

describe('lotline serve: a production start', () => {
  it('says the first password must be changed, and loads no demo plant', () => {
    expect(server.output()).toContain('The admin must change this first password at the first sign-in');
    expect(server.output()).not.toContain('Demo data loaded');
  });

  it('allows nothing but changing the first password, then everything the role allows', async () => {
    const login = await call('/api/auth/login', { method: 'POST', body: { username: 'admin', password: firstPassword } });
    expect(login.status).toBe(200);
    expect(login.body?.passwordChangeRequired).toBe(true);
    const token = login.body!.token!;
    for (const path of ['/api/users', '/api/auth/me', '/api/items', '/api/audit/verify']) {
      const refused = await call(path, { token });
      expect([path, refused.status, refused.body?.error?.code]).toEqual([path, 403, 'password_change_required']);
    }
    expect((await call('/api/admin/backup', { method: 'POST', token })).body?.error?.code).toBe('password_change_required');

    const wrong = await call('/api/auth/password', { method: 'POST', token, body: { currentPassword: 'guess-guess', newPassword: 'a-long-new-password' } });
    expect([wrong.status, wrong.body?.error?.code]).toEqual([403, 'current_password_wrong']);
    const short = await call('/api/auth/password', { method: 'POST', token, body: { currentPassword: firstPassword, newPassword: 'short' } });
    expect(short.status).toBe(400);
    const same = await call('/api/auth/password', { method: 'POST', token, body: { currentPassword: firstPassword, newPassword: firstPassword } });
    expect([same.status, same.body?.error?.code]).toEqual([400, 'password_unchanged']);
    const changed = await call('/api/auth/password', { method: 'POST', token, body: { currentPassword: firstPassword, newPassword: 'chosen-by-the-admin' } });
    expect(changed.status).toBe(204);

    const users = await call('/api/users', { token });
    expect(users.status).toBe(200);
    expect(users.body?.users?.map((u) => u.username)).toEqual(['admin']);
    expect((await call('/api/auth/login', { method: 'POST', body: { username: 'admin', password: firstPassword } })).status).toBe(401);
    const again = await call('/api/auth/login', { method: 'POST', body: { username: 'admin', password: 'chosen-by-the-admin' } });
    expect(again.body?.passwordChangeRequired).toBe(false);
  });

  it('sends HSTS only when a trusted proxy says the browser used HTTPS; no cookies are set', async () => {
    const plain = await call('/api/health');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const proxied = await call('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=15552000');
    expect(proxied.headers.get('set-cookie')).toBeNull();
  });
});

describe('lotline serve with TLS', () => {
  it('serves HTTPS with the given certificate and sends HSTS; plain HTTP on all interfaces warns', async () => {
    const cert = join(root, 'cert.pem');
    const key = join(root, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const tls = await startLotline(['--port', '0', '--data-dir', join(root, 'tls'), '--tls-cert', cert, '--tls-key', key], { LOTLINE_ADMIN_PASSWORD: firstPassword });
    try {
      expect(tls.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const answer = await new Promise<{ status: number; hsts: string | undefined }>((resolve, reject) => {
        const req = request(`${tls.url}/api/health`, { ca: readFileSync(cert) }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, hsts: res.headers['strict-transport-security'] as string | undefined });
        });
        req.on('error', reject);
        req.end();
      });
      expect(answer).toEqual({ status: 200, hsts: 'max-age=15552000' });
      expect(tls.output()).not.toContain('warning');
    } finally {
      await tls.stop();
    }
    const open = await startLotline(['--port', '0', '--host', '0.0.0.0', '--data-dir', join(root, 'open')], { LOTLINE_ADMIN_PASSWORD: firstPassword });
    await open.stop();
    expect(open.output()).toMatch(/warning: listening on 0\.0\.0\.0 over plain HTTP/);
  }, 180_000);
});
