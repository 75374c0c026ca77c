import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db';
import { runLotline, startLotline } from '../test-support/process';

// These run real processes on an embedded data directory: the lock and the CLI are about PGlite.
// The audit anchor key and checkpoints go beside the data directory, so both live in one root.
const root = mkdtempSync(join(tmpdir(), 'lotline-serve-'));
const dataDir = join(root, 'data');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lotline serve and audit verify as processes', () => {
  it('serves, refuses a second process on the same data directory, and stops on SIGTERM', async () => {
    const first = await startLotline(['--port', '0', '--data-dir', dataDir, '--demo'], { LOTLINE_ADMIN_PASSWORD: 'first-admin-pw' });
    try {
      const health = (await (await fetch(`${first.url}/api/health`)).json()) as { db: string };
      expect(health.db).toBe('pglite');
      expect(first.output()).toMatch(/Demo data loaded; users clerk, picker, qa, supervisor, labels with password \S+/);
      const second = await runLotline(['serve', '--port', '0', '--data-dir', dataDir]);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/data directory .* is in use by another Lotline process \(pid \d+\)/);
    } finally {
      expect(await first.stop()).toBe(0);
    }
  });

  it('stops on SIGTERM at once while a webhook receiver holds a delivery and event streams are open, and does not count the cut-short post', async () => {
    const dir = join(mkdtempSync(join(root, 'stop-')), 'data');
    // A receiver that takes every request and never answers.
    const held: IncomingMessage[] = [];
    const receiver = createServer((req) => void held.push(req));
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    try {
      const server = await startLotline(['--port', '0', '--data-dir', dir, '--demo'], { LOTLINE_ADMIN_PASSWORD: 'stop-admin-pw-1' });
      const call = async (path: string, token?: string, body?: unknown) =>
        fetch(`${server.url}${path}`, { method: body ? 'POST' : 'GET', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
      const { token } = (await (await call('/api/auth/login', undefined, { username: 'admin', password: 'stop-admin-pw-1' })).json()) as { token: string };
      const streams = await Promise.all([1, 2].map(() => call('/api/events/stream', token)));
      for (const stream of streams) void stream.body?.pipeTo(new WritableStream()).catch(() => undefined);
      const subscribed = await call('/api/webhooks', token, { url: receiverUrl, eventFilter: ['>'], fromPosition: 0 });
      expect(subscribed.status).toBe(201);
      await expect.poll(() => held.length, { timeout: 20_000 }).toBeGreaterThan(0);

      expect(await server.stop()).toBe(0);
      expect(server.output()).not.toMatch(/did not finish|handles still open|error while stopping/);
    } finally {
      receiver.closeAllConnections();
      receiver.close();
    }
    const db = await openPglite(join(dir, 'pg'));
    try {
      const attempts = await db.query<{ attempts: number }>('SELECT attempts FROM webhook_deliveries ORDER BY event_position LIMIT 1');
      expect(attempts.rows[0]?.attempts).toBe(0);
    } finally {
      await db.close();
      rmSync(dirname(dir), { recursive: true, force: true });
    }
  });

  it('prints a generated admin password once, on the first start only', async () => {
    const dir = join(mkdtempSync(join(root, 'first-')), 'data');
    try {
      const run1 = await startLotline(['--port', '0', '--data-dir', dir], { LOTLINE_ADMIN_PASSWORD: '' });
      await run1.stop();
      const password = /First login: admin \/ (\S+)/.exec(run1.output())?.[1];
      expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
      const run2 = await startLotline(['--port', '0', '--data-dir', dir], { LOTLINE_ADMIN_PASSWORD: '' });
      const login = await fetch(`${run2.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
      await run2.stop();
      expect(login.status).toBe(200);
      expect(run2.output()).not.toContain('First login');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('audit verify passes on the intact chain, then names a row changed behind the guard (exit 1)', async () => {
    const ok = await runLotline(['audit', 'verify'], { DATA_DIR: dataDir });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/audit chain intact: \d+ rows/);

    const db = await openPglite(join(dataDir, 'pg'));
    const target = await db.query<{ seq: string }>("SELECT seq::text AS seq FROM audit_log WHERE action = 'user.created' ORDER BY seq LIMIT 1 OFFSET 2");
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.query(`UPDATE audit_log SET after = jsonb_set(after, '{roles}', '["admin"]') WHERE seq = $1`, [target.rows[0]!.seq]);
    await db.close();

    const broken = await runLotline(['audit', 'verify', '--json'], { DATA_DIR: dataDir });
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, firstBreak: { seq: target.rows[0]!.seq, problem: 'content_changed' } });
  });

  it.each([
    [['audit'], 2, /expected the subcommand verify/],
    [['audit', 'verify', '--bogus'], 2, /unknown option --bogus/],
    [['serve', '--port'], 2, /--port needs a value/],
    [['nonsense'], 2, /unknown command 'nonsense'/],
  ])('lotline %j exits %i with a usage message', async (args, code, message) => {
    const result = await runLotline(args, { DATA_DIR: dataDir });
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });

  it('refuses a bad environment value by name', async () => {
    const result = await runLotline(['serve', '--data-dir', dataDir], { PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/PORT: /);
  });
});
