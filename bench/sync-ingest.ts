import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../server/config';
import { PWA_OUT } from '../server/cli/pwa-build';
import { startServer, type RunningServer } from '../server/runtime';
import { cachedSchema, schemaUrl } from './databases';
import { repeat, type Spread } from './report';
import { BENCH_ADMIN_PASSWORD, BENCH_USER_PASSWORD, buildPlant, type PlantSize } from './sync-plant';
import { PUSH_BATCH, adminToken, enrolHandheld, plantOps, pushOps, type OpDocument, type SimHandheld } from '../server/test-support/sim-handhelds';

/**
 * Server-side op ingest: ops pushed over HTTP to a real server until applied, in the app's batch
 * size, into a database that holds a plant's million lots and five million serials; against the
 * floor of inserting the same rows, in the same batches and with the same concurrency, as plain
 * multi-row INSERTs into a logged table with the ops table's primary key and indexes.
 */

export const PLANT_SCHEMA = 'lotline_bench_plant';
const DEVICES = 20;
const OPS_PER_DEVICE = 500;

export interface Setup {
  server: RunningServer;
  password: string;
  close(): Promise<void>;
}

/**
 * A server in this process. PGlite: a fresh data dir with the demo loaded. PostgreSQL: the named
 * schema as it is (a cached plant), or a fresh one when `fresh`.
 */
export async function startBenchServer(kind: 'pglite' | 'postgres', pgUrl: string, options: { schema?: string; fresh?: boolean; env?: Record<string, string> } = {}): Promise<Setup> {
  // The audit key and checkpoints live beside the data directory: both inside one temporary root.
  const root = mkdtempSync(join(tmpdir(), 'lotline-bench-'));
  const dataDir = join(root, 'data');
  let databaseUrl: string | undefined;
  const schema = options.schema ?? 'lotline_bench';
  if (kind === 'postgres') {
    if (options.fresh ?? true) {
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
    }
    databaseUrl = schemaUrl(pgUrl, schema);
  }
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOTLINE_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD, LOTLINE_BODY_LIMIT_KB: '4096', ...options.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  // The built PWA is served too, so a browser benchmark can use the same server.
  const server = await startServer({ config, demo: true, staticDir: PWA_OUT });
  return {
    server,
    password: server.demo?.password ?? BENCH_USER_PASSWORD,
    async close() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
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

/**
 * The floor: each device's rows inserted by a connection of its own, in the same batches, as one
 * multi-row INSERT per batch into a logged copy of the ops table (same primary key, indexes,
 * defaults and checks: `LIKE ops INCLUDING ALL`), all devices at once.
 */
async function insertFloor(url: string, perDevice: OpDocument[][]): Promise<number> {
  const clients = await Promise.all(perDevice.map(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return c;
  }));
  try {
    await clients[0]!.query('CREATE TABLE IF NOT EXISTS floor_ops (LIKE ops INCLUDING ALL)');
    await clients[0]!.query('TRUNCATE floor_ops');
    const started = performance.now();
    await Promise.all(
      perDevice.map(async (rows, d) => {
        const client = clients[d]!;
        for (let i = 0; i < rows.length; i += PUSH_BATCH) {
          const values: unknown[] = [];
          const tuples = rows.slice(i, i + PUSH_BATCH).map((r, j) => {
            values.push(r.id, r.type, r.deviceId, r.userId, r.deviceTime, JSON.stringify(r.payload), 'applied');
            const b = j * 7;
            return `($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},$${b + 7})`;
          });
          await client.query(`INSERT INTO floor_ops (id, type, device_id, user_id, device_time, payload, status) VALUES ${tuples.join(',')}`, values);
        }
      }),
    );
    return (performance.now() - started) / 1000;
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

export interface IngestFigures {
  plant: PlantSize & { built_s: number | null };
  push10k_pglite_s: Spread;
  push10k_pg_s: Spread | null;
  ingest_pg_ops_per_s: Spread | null;
  floor_pg_rows_per_s: Spread | null;
  ingest_ratio_to_insert: Spread | null;
}

let runTag = 0;
/** Lot numbers unique to this run, so every run receives into new lots like the first. */
const tagFor = (device: number) => `${Date.now().toString(36).slice(-5)}${(runTag++).toString(36)}D${device}-`;

async function pushTimed(device: SimHandheld, count: number): Promise<number> {
  const ops = plantOps(device, count, tagFor(0));
  const started = performance.now();
  await pushOps(device, ops);
  return (performance.now() - started) / 1000;
}

export async function measureIngest(pgUrl: string, runs: number, size: PlantSize, log: (line: string) => void): Promise<IngestFigures> {
  log(`push 10,000 ops from one device (PGlite, demo data only), ${runs} runs...`);
  const lite = await startBenchServer('pglite', pgUrl);
  let push10kPglite: Spread;
  try {
    const token = await adminToken(lite.server.url, BENCH_ADMIN_PASSWORD);
    const device = await enrolHandheld(lite.server.url, token, 'bench single', { username: 'clerk', password: lite.password });
    push10kPglite = (await repeat(runs, async () => ({ s: await pushTimed(device, 10_000) }), log)).s;
  } finally {
    await lite.close();
  }
  if (!(await pgReachable(pgUrl))) {
    log(`PostgreSQL at ${pgUrl} is not reachable: PostgreSQL figures are left out.`);
    return { plant: { ...size, built_s: null }, push10k_pglite_s: push10kPglite, push10k_pg_s: null, ingest_pg_ops_per_s: null, floor_pg_rows_per_s: null, ingest_ratio_to_insert: null };
  }

  log(`plant database: ${size.lots.toLocaleString('en-US')} lots, ${size.serials.toLocaleString('en-US')} serials (schema ${PLANT_SCHEMA}, kept between runs)...`);
  const cache = await cachedSchema(PLANT_SCHEMA, `plant-v1 lots=${size.lots} serials=${size.serials}`, (db) => buildPlant(db, size));
  log(cache.built ? `  built in ${cache.seconds.toFixed(1)} s` : '  reused from an earlier run');
  const setup = await startBenchServer('postgres', pgUrl, { schema: PLANT_SCHEMA, fresh: false });
  try {
    const url = setup.server.url;
    const counts = await setup.server.db.query<{ lots: number; serials: number }>('SELECT (SELECT count(*)::int FROM lots) AS lots, (SELECT count(*)::int FROM serials) AS serials');
    log(`  present: ${counts.rows[0]!.lots.toLocaleString('en-US')} lots, ${counts.rows[0]!.serials.toLocaleString('en-US')} serials`);
    const token = await adminToken(url, BENCH_ADMIN_PASSWORD);
    const single = await enrolHandheld(url, token, 'bench single', { username: 'clerk', password: BENCH_USER_PASSWORD });
    const devices: SimHandheld[] = [];
    for (let d = 0; d < DEVICES; d++) devices.push(await enrolHandheld(url, token, `bench ${d}`, { username: 'clerk', password: BENCH_USER_PASSWORD }));

    log(`push 10,000 ops from one device, then ${DEVICES} devices x ${OPS_PER_DEVICE} ops at once against the INSERT floor (PostgreSQL, batches of ${PUSH_BATCH}; alternating which goes first), ${runs} runs...`);
    const figures = await repeat(runs, async (run) => {
      const push10k = await pushTimed(single, 10_000);
      const perDevice = devices.map((device, d) => plantOps(device, OPS_PER_DEVICE, tagFor(d)));
      const total = perDevice.reduce((n, ops) => n + ops.length, 0);
      const ingest = async () => {
        const started = performance.now();
        await Promise.all(devices.map((device, d) => pushOps(device, perDevice[d]!)));
        return total / ((performance.now() - started) / 1000);
      };
      const floor = async () => total / (await insertFloor(schemaUrl(pgUrl, PLANT_SCHEMA), perDevice));
      let opsPerS: number;
      let floorPerS: number;
      if (run % 2 === 0) {
        opsPerS = await ingest();
        floorPerS = await floor();
      } else {
        floorPerS = await floor();
        opsPerS = await ingest();
      }
      return { push10k_s: push10k, ops_per_s: opsPerS, floor_rows_per_s: floorPerS, ratio: opsPerS / floorPerS };
    }, log);
    const applied = await setup.server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ops WHERE status = 'queued'`);
    if (applied.rows[0]!.n !== 0) throw new Error(`${applied.rows[0]!.n} pushed ops were left queued`);
    return {
      plant: { ...size, built_s: cache.built ? cache.seconds : null },
      push10k_pglite_s: push10kPglite,
      push10k_pg_s: figures.push10k_s,
      ingest_pg_ops_per_s: figures.ops_per_s,
      floor_pg_rows_per_s: figures.floor_rows_per_s,
      ingest_ratio_to_insert: figures.ratio,
    };
  } finally {
    await setup.close();
  }
}
