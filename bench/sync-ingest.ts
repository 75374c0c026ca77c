import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SYNC_VERSION } from '../sync';
import { loadConfig } from '../server/config';
import { PWA_OUT } from '../server/cli/pwa-build';
import { startServer, type RunningServer } from '../server/runtime';

/**
 * Server-side op ingest: ops pushed over HTTP to a real server until applied, against the floor
 * of inserting the same rows with plain multi-row INSERTs on the same database.
 */

const BATCH = 500;
const ADMIN_PASSWORD = 'bench-admin-pw';

export interface Device {
  id: string;
  userId: string;
  headers: Record<string, string>;
}

interface OpRow {
  id: string;
  type: string;
  deviceId: string;
  userId: string;
  deviceTime: string;
  payload: Record<string, unknown>;
  status: 'queued';
  outcome: null;
  appliedAt: null;
  _deleted: false;
}

async function call(server: RunningServer, path: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function enrol(server: RunningServer, name: string, password: string): Promise<Device> {
  const admin = (await call(server, '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })) as { token: string };
  const device = (await call(server, '/api/devices', { name }, { authorization: `Bearer ${admin.token}` })) as { device: { id: string }; token: string };
  const login = (await call(server, '/api/auth/login', { username: 'clerk', password }, { 'x-lotline-device': device.token })) as { token: string; user: { id: string } };
  return { id: device.device.id, userId: login.user.id, headers: { authorization: `Bearer ${login.token}`, 'x-lotline-device': device.token, 'x-lotline-sync-version': String(SYNC_VERSION) } };
}

/** A realistic mix: receipts into new lots, then moves and picks of what was received. */
export function opsFor(device: Device, count: number, tag: string): OpRow[] {
  const ops: OpRow[] = [];
  for (let i = 0; i < count; i++) {
    const lot = `${tag}${String(Math.floor(i / 10)).padStart(4, '0')}`;
    const kind = i % 10;
    const payload =
      kind < 6
        ? { gtin: '06901234000016', lotNumber: lot, qty: 10, locationCode: 'RCV-01', expiresOn: '2029-12-31' }
        : kind < 9
          ? { gtin: '06901234000016', lotNumber: lot, qty: 3, fromLocationCode: 'RCV-01', toLocationCode: 'A-01-01' }
          : { gtin: '06901234000016', lotNumber: lot, qty: 1, fromLocationCode: 'A-01-01', toLocationCode: 'SHP-01' };
    ops.push({ id: randomUUID(), type: kind < 6 ? 'receive' : kind < 9 ? 'move' : 'pick', deviceId: device.id, userId: device.userId, deviceTime: new Date().toISOString(), payload, status: 'queued', outcome: null, appliedAt: null, _deleted: false });
  }
  return ops;
}

export async function pushAll(server: RunningServer, device: Device, ops: OpRow[]): Promise<void> {
  for (let i = 0; i < ops.length; i += BATCH) {
    const rows = ops.slice(i, i + BATCH).map((d) => ({ assumedMasterState: null, newDocumentState: d }));
    const conflicts = (await call(server, '/api/sync/ops/push', rows, device.headers)) as unknown[];
    if (conflicts.length > 0) throw new Error(`unexpected conflicts: ${conflicts.length}`);
  }
}

export interface Setup {
  server: RunningServer;
  password: string;
  close(): Promise<void>;
}

export async function startBenchServer(kind: 'pglite' | 'postgres', pgUrl: string): Promise<Setup> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotline-bench-'));
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query('DROP SCHEMA IF EXISTS lotline_bench CASCADE');
    await admin.query('CREATE SCHEMA lotline_bench');
    await admin.end();
    const url = new URL(pgUrl);
    url.searchParams.set('options', '-c search_path=lotline_bench');
    databaseUrl = url.toString();
  }
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOTLINE_ADMIN_PASSWORD: ADMIN_PASSWORD, LOTLINE_BODY_LIMIT_KB: '4096', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  // The built PWA is served too, so a browser benchmark can use the same server.
  const server = await startServer({ config, demo: true, staticDir: PWA_OUT });
  return {
    server,
    password: server.demo!.password!,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The floor: the same number of op rows as plain multi-row INSERTs, batch by batch. */
export async function insertFloor(pgUrl: string, rows: OpRow[]): Promise<number> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query('CREATE TEMP TABLE floor_ops (id uuid PRIMARY KEY, type text, device_id uuid, user_id uuid, device_time timestamptz, payload jsonb, status text)');
    const started = performance.now();
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const values: unknown[] = [];
      const tuples = batch.map((r, j) => {
        values.push(r.id, r.type, r.deviceId, r.userId, r.deviceTime, JSON.stringify(r.payload), r.status);
        const b = j * 7;
        return `($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},$${b + 7})`;
      });
      await client.query(`INSERT INTO floor_ops VALUES ${tuples.join(',')}`, values);
    }
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

export async function pgReachable(pgUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export interface IngestFigures {
  push10k_pglite_s: number;
  push10k_pg_s: number | null;
  ingest_pg_ops_per_s: number | null;
  floor_pg_rows_per_s: number | null;
  ingest_ratio_to_insert: number | null;
}

export async function measureIngest(pgUrl: string, log: (line: string) => void): Promise<IngestFigures> {
  const one = async (kind: 'pglite' | 'postgres') => {
    const setup = await startBenchServer(kind, pgUrl);
    try {
      const device = await enrol(setup.server, 'bench single', setup.password);
      const ops = opsFor(device, 10_000, 'S');
      const started = performance.now();
      await pushAll(setup.server, device, ops);
      return (performance.now() - started) / 1000;
    } finally {
      await setup.close();
    }
  };
  log('push 10,000 ops from one device (PGlite)...');
  const push10kPglite = await one('pglite');
  if (!(await pgReachable(pgUrl))) {
    log(`PostgreSQL at ${pgUrl} is not reachable: PostgreSQL figures are left out.`);
    return { push10k_pglite_s: push10kPglite, push10k_pg_s: null, ingest_pg_ops_per_s: null, floor_pg_rows_per_s: null, ingest_ratio_to_insert: null };
  }
  log('push 10,000 ops from one device (PostgreSQL)...');
  const push10kPg = await one('postgres');

  log('20 devices pushing 500 ops each at once (PostgreSQL)...');
  const setup = await startBenchServer('postgres', pgUrl);
  let ingestOpsPerS: number;
  let allOps: OpRow[];
  try {
    const devices = [];
    for (let d = 0; d < 20; d++) devices.push(await enrol(setup.server, `bench ${d}`, setup.password));
    const perDevice = devices.map((device, d) => opsFor(device, 500, `D${String(d).padStart(2, '0')}-`));
    allOps = perDevice.flat();
    const started = performance.now();
    await Promise.all(devices.map((device, d) => pushAll(setup.server, device, perDevice[d]!)));
    ingestOpsPerS = allOps.length / ((performance.now() - started) / 1000);
  } finally {
    await setup.close();
  }
  log('floor: the same 10,000 rows as multi-row INSERTs...');
  const floorSeconds = await insertFloor(pgUrl, allOps);
  const floorRowsPerS = allOps.length / floorSeconds;
  return {
    push10k_pglite_s: push10kPglite,
    push10k_pg_s: push10kPg,
    ingest_pg_ops_per_s: ingestOpsPerS,
    floor_pg_rows_per_s: floorRowsPerS,
    ingest_ratio_to_insert: ingestOpsPerS / floorRowsPerS,
  };
}
