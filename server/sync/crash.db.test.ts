import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_VERSION } from '../../sync';
import { openPglite, openPostgres, type Db } from '../db';
import { openTestDb, type TestDb } from '../test-support/db';
import { startLotline, type Started } from '../test-support/process';

// The server runs as a real process so it can be killed; on the PostgreSQL pass it uses its
// own schema through the connection string.
// The audit key and checkpoints live beside the data directory: both inside one temporary root.
const root = mkdtempSync(join(tmpdir(), 'lotline-crash-'));
const dataDir = join(root, 'data');
let pgSchema: TestDb | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  env = { LOTLINE_ADMIN_PASSWORD: 'crash-admin-pw' };
  if (process.env.DATABASE_URL) {
    pgSchema = await openTestDb('crash', { migrate: false });
    const url = new URL(process.env.DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${pgSchema.postgres!.schema}`);
    env.DATABASE_URL = url.toString();
    await pgSchema.close();
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function openForChecks(): Promise<Db> {
  if (env.DATABASE_URL) return openPostgres({ connectionString: env.DATABASE_URL });
  return openPglite(join(dataDir, 'pg'));
}

async function post(url: string, path: string, body: unknown, headers: Record<string, string>) {
  return fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('a server killed mid-push', () => {
  it('applies every op exactly once after a restart and a full re-send', async () => {
    let server: Started = await startLotline(['--port', '0', '--data-dir', dataDir, '--demo'], env);
    const password = /with password (\S+)/.exec(server.output())![1]!;
    const admin = ((await (await post(server.url, '/api/auth/login', { username: 'admin', password: 'crash-admin-pw' }, {})).json()) as { token: string }).token;
    const enrol = (await (await post(server.url, '/api/devices', { name: 'crash handheld' }, { authorization: `Bearer ${admin}` })).json()) as { device: { id: string }; token: string };
    const login = (await (await post(server.url, '/api/auth/login', { username: 'clerk', password }, { 'x-lotline-device': enrol.token })).json()) as { token: string; user: { id: string } };
    const headers = { authorization: `Bearer ${login.token}`, 'x-lotline-device': enrol.token, 'x-lotline-sync-version': String(SYNC_VERSION) };

    const ops = Array.from({ length: 1000 }, (_, i) => ({
      id: randomUUID(),
      type: 'receive',
      deviceId: enrol.device.id,
      userId: login.user.id,
      deviceTime: new Date().toISOString(),
      payload: { gtin: '06901234000016', lotNumber: `K${String(i % 50).padStart(3, '0')}`, qty: 1, locationCode: 'RCV-01' },
      status: 'queued',
      outcome: null,
      appliedAt: null,
      _deleted: false,
    }));
    const batches = Array.from({ length: 20 }, (_, b) => ops.slice(b * 50, b * 50 + 50).map((d) => ({ assumedMasterState: null, newDocumentState: d })));

    // All batches in flight, and the process dies as soon as the first one is acknowledged.
    const inFlight = batches.map((rows) => post(server.url, '/api/sync/ops/push', rows, headers).then((r) => r.status, () => 'lost' as const));
    await Promise.race(inFlight);
    server.child.kill('SIGKILL');
    const outcomes = await Promise.all(inFlight);
    expect(outcomes).toContain('lost');
    await server.stop();

    server = await startLotline(['--port', '0', '--data-dir', dataDir], env);
    try {
      // The device does not know which batches landed: it sends everything again.
      for (const rows of batches) {
        const res = await post(server.url, '/api/sync/ops/push', rows, headers);
        expect(res.status).toBe(200);
      }
    } finally {
      await server.stop();
    }

    const db = await openForChecks();
    try {
      const opIds = ops.map((o) => o.id);
      const stored = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM ops WHERE id = ANY($1::uuid[]) GROUP BY status', [opIds]);
      expect(stored.rows).toEqual([{ status: 'applied', n: 1000 }]);
      const moves = await db.query<{ n: number; distinct_ops: number }>("SELECT count(*)::int AS n, count(DISTINCT op_id)::int AS distinct_ops FROM stock_moves WHERE op_id = ANY($1::uuid[])", [opIds]);
      expect(moves.rows[0]).toEqual({ n: 1000, distinct_ops: 1000 });
      const received = await db.query<{ qty: string }>("SELECT sum(b.qty)::text AS qty FROM stock_balances b JOIN lots l ON l.id = b.lot_id WHERE l.lot_number LIKE 'K%'");
      expect(Number(received.rows[0]!.qty)).toBe(1000);
    } finally {
      await db.close();
    }
  });
});
