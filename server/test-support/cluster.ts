import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureAdmin } from '../auth';
import { migrate, openPostgres } from '../db';
import { registerPrinter } from '../printing/printers';
import { loadDemoData } from '../seed/demo';
import { ledgerMatchesBalances } from './handheld';
import { waitFor } from './wait';
import { LOTLINE_BIN, startLotline, type Started } from './process';
import { LocalCollection, PUSH_BATCH, adminToken, enrolHandheld, op, openChangeStream, type ChangeStream, type OpDocument, type SimHandheld } from './sim-handhelds';

/**
 * Several `lotline serve` processes on one PostgreSQL, simulated handhelds split across them
 * (each pushing in the app's batches, pulling when its SSE stream says so, some batches re-sent
 * to the other instance as a retry behind a balancer would), print ops printing serialized
 * labels on emulated printers (`lotline printer-emulator` processes). Afterwards every invariant
 * is checked: exactly once, ledger, numbering, spool, and every device converged. The test runs
 * it small; the sync benchmark runs it at plant size.
 */

export const CLUSTER_ADMIN_PASSWORD = 'cluster-admin-pw';
export const CLUSTER_USER_PASSWORD = 'cluster-demo-pw';
const PRINTERS = 2;
const CATHETER = '06901234000054';
const SYRINGE = '06901234000016';

/** A connection string whose every connection starts in `schema`. */
export function schemaUrl(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

interface Emulator {
  child: ChildProcess;
  port: number;
  storeDir: string;
  stop(): Promise<void>;
}

function startEmulator(): Promise<Emulator> {
  const storeDir = mkdtempSync(join(tmpdir(), 'lotline-cluster-printer-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOTLINE_BIN, 'printer-emulator', '--port', '0', '--store', storeDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<void>((done) => child.on('close', () => done()));
    const timer = setTimeout(() => reject(new Error(`printer emulator did not start:\n${output}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const match = /listening on [\d.]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          child,
          port: Number(match[1]),
          storeDir,
          async stop() {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
            rmSync(storeDir, { recursive: true, force: true });
          },
        });
      }
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  });
}

/** A fresh schema with the demo plant, a known admin and clerk password, and the emulated printers. */
async function prepare(dbUrl: string, schema: string, emulators: Emulator[]): Promise<string> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  await client.end();
  const url = schemaUrl(dbUrl, schema);
  const db = await openPostgres({ connectionString: dbUrl, schema });
  try {
    await migrate(db);
    await ensureAdmin(db, CLUSTER_ADMIN_PASSWORD);
    await loadDemoData(db, { password: CLUSTER_USER_PASSWORD });
    for (let i = 0; i < emulators.length; i++) await registerPrinter(db, { name: `Bench P${i}`, host: '127.0.0.1', port: emulators[i]!.port, dpi: 203, locationCode: 'PRD-L1' });
  } finally {
    await db.close();
  }
  return url;
}

/**
 * What one handheld does in a shift, in batches: receipts, moves, picks; a produce of a
 * catheter lot numbered by the server's rule (so two instances allocate from one counter); and
 * labels for that lot, serialized by the spool.
 */
function shiftOps(device: SimHandheld, count: number, tag: string): OpDocument[] {
  const ops: OpDocument[] = [];
  let lastProduce: string | null = null;
  for (let i = 0; i < count; i++) {
    const lot = `${tag}${String(Math.floor(i / 10)).padStart(3, '0')}`;
    const kind = i % 10;
    if (kind < 5) ops.push(op(device, 'receive', { gtin: SYRINGE, lotNumber: lot, qty: 10, locationCode: 'RCV-01', expiresOn: '2029-12-31' }));
    else if (kind < 7) ops.push(op(device, 'move', { gtin: SYRINGE, lotNumber: lot, qty: 3, fromLocationCode: 'RCV-01', toLocationCode: 'A-01-01' }));
    else if (kind < 8) ops.push(op(device, 'pick', { gtin: SYRINGE, lotNumber: lot, qty: 1, fromLocationCode: 'A-01-01', toLocationCode: 'SHP-01' }));
    else if (kind < 9) {
      const produce = op(device, 'produce', { gtin: CATHETER, qty: 2, locationCode: 'PRD-L1', components: [{ gtin: SYRINGE, lotNumber: lot, qty: 1, fromLocationCode: 'RCV-01' }] });
      lastProduce = produce.id;
      ops.push(produce);
    } else if (i % 50 === 49 && lastProduce) ops.push(op(device, 'print', { producedBy: lastProduce, template: 'lot-gs1', printer: `Bench P${Math.floor(i / 50) % PRINTERS}`, quantity: 2 }));
    else ops.push(op(device, 'move', { gtin: SYRINGE, lotNumber: lot, qty: 1, fromLocationCode: 'A-01-01', toLocationCode: 'A-01-02' }));
  }
  return ops;
}

interface Handheld {
  device: SimHandheld;
  other: SimHandheld;
  stream: ChangeStream;
  balances: LocalCollection<{ id: string; qty: number; _deleted: boolean }>;
  ops: LocalCollection<{ id: string; status: string; _deleted: boolean }>;
  pushed: Set<string>;
}

async function post(device: SimHandheld, rows: OpDocument[]): Promise<{ id: string; status: string }[]> {
  const res = await fetch(`${device.url}/api/sync/ops/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...device.headers },
    body: JSON.stringify(rows.map((d) => ({ assumedMasterState: null, newDocumentState: d }))),
  });
  if (!res.ok) throw new Error(`${device.name} push: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; status: string }[];
}

async function pullWhatChanged(h: Handheld): Promise<void> {
  const changed = h.stream.take();
  if (changed.has('*') || changed.has('balances')) await h.balances.pull(h.device);
  if (changed.has('*') || changed.has('ops')) await h.ops.pull(h.device);
}

/** One device's shift: batches of the app's size; every fifth batch is sent again to the other instance. */
async function shift(h: Handheld, ops: OpDocument[]): Promise<void> {
  for (let i = 0, n = 0; i < ops.length; i += PUSH_BATCH, n++) {
    const batch = ops.slice(i, i + PUSH_BATCH);
    const conflicts = await post(h.device, batch);
    if (conflicts.length > 0) throw new Error(`${h.device.name}: ${conflicts.length} conflicts on new ops`);
    for (const d of batch) h.pushed.add(d.id);
    if (n % 5 === 4) {
      // A retry of a batch already applied: every op must come back as the server's copy, none applied twice.
      const again = await post(h.other, batch);
      if (again.length !== batch.length || again.some((d) => d.status === 'queued')) throw new Error(`${h.device.name}: a re-sent batch was not answered with the applied ops`);
    }
    await pullWhatChanged(h);
  }
}

export interface ClusterRun {
  ops_per_s: number;
  ops: number;
  labels: number;
}

export interface ClusterOptions {
  /** A PostgreSQL database URL; the run rebuilds `schema` in it. */
  dbUrl: string;
  schema: string;
  instances: number;
  devices: number;
  opsPerDevice: number;
  log: (line: string) => void;
}

/** One run on `instances` servers; throws when any invariant fails. */
export async function runCluster({ dbUrl, schema, instances, devices, opsPerDevice, log }: ClusterOptions): Promise<ClusterRun> {
  const emulators = await Promise.all(Array.from({ length: PRINTERS }, () => startEmulator()));
  const servers: Started[] = [];
  const streams: ChangeStream[] = [];
  const dataDirs: string[] = [];
  try {
    const url = await prepare(dbUrl, schema, emulators);
    for (let i = 0; i < instances; i++) {
      // The audit key and checkpoints live beside the data directory: both inside one temporary root.
      const root = mkdtempSync(join(tmpdir(), 'lotline-cluster-serve-'));
      const dataDir = join(root, 'data');
      dataDirs.push(root);
      servers.push(await startLotline(['--port', '0'], { DATABASE_URL: url, DATA_DIR: dataDir, LOTLINE_BODY_LIMIT_KB: '4096', LOTLINE_DEMO: '0' }));
    }
    const token = await adminToken(servers[0]!.url, CLUSTER_ADMIN_PASSWORD);
    const handhelds: Handheld[] = [];
    for (let d = 0; d < devices; d++) {
      const home = servers[d % instances]!.url;
      const other = servers[(d + 1) % instances]!.url;
      const device = await enrolHandheld(home, token, `bench handheld ${d}`, { username: 'clerk', password: CLUSTER_USER_PASSWORD });
      const stream = await openChangeStream(device);
      streams.push(stream);
      handhelds.push({ device, other: { ...device, url: other }, stream, balances: new LocalCollection('balances'), ops: new LocalCollection('ops'), pushed: new Set() });
    }
    const work = handhelds.map((h, d) => shiftOps(h.device, opsPerDevice, `T${d}-`));
    const started = performance.now();
    await Promise.all(handhelds.map((h, d) => shift(h, work[d]!)));
    const seconds = (performance.now() - started) / 1000;
    const total = work.reduce((n, w) => n + w.length, 0);

    const db = await openPostgres({ connectionString: dbUrl, schema, max: 2 });
    try {
      // Exactly once: every distinct op pushed is stored once and none is left queued.
      const ops = await db.query<{ n: number; queued: number }>(`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'queued')::int AS queued FROM ops`);
      if (ops.rows[0]!.n !== total || ops.rows[0]!.queued !== 0) throw new Error(`ops: ${ops.rows[0]!.n} stored (${ops.rows[0]!.queued} queued), ${total} distinct pushed`);
      if (!(await ledgerMatchesBalances(db))) throw new Error('stock balances differ from the sum of the stock moves');
      // Numbering: produced lots each got a number of their own, and serials are unique.
      const produced = await db.query<{ ops: number; numbers: number }>(`SELECT count(*)::int AS ops, count(DISTINCT outcome->>'lotNumber')::int AS numbers FROM ops WHERE type = 'produce' AND status <> 'rejected'`);
      if (produced.rows[0]!.ops !== produced.rows[0]!.numbers) throw new Error(`${produced.rows[0]!.ops} produce ops but ${produced.rows[0]!.numbers} distinct lot numbers`);
      const dupSerials = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT serial FROM print_jobs WHERE serial IS NOT NULL GROUP BY serial HAVING count(*) > 1) d`);
      if (dupSerials.rows[0]!.n !== 0) throw new Error(`${dupSerials.rows[0]!.n} serials queued on more than one print job`);
      const printOps = work.flat().filter((o) => o.type === 'print').length;
      const jobs = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM print_jobs`);
      if (jobs.rows[0]!.n !== printOps * 2) throw new Error(`${jobs.rows[0]!.n} print jobs for ${printOps} print ops of 2 labels`);
      // Spool: every job printed once, by whichever instance leased it.
      await waitFor('the spool to empty and the printers to confirm', async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM print_jobs WHERE status IN ('queued','printing','in_printer')`)).rows[0]!.n === 0, { timeoutMs: 120_000, everyMs: 250 });
      const notPrinted = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM print_jobs WHERE status <> 'printed'`);
      if (notPrinted.rows[0]!.n !== 0) throw new Error(`${notPrinted.rows[0]!.n} print jobs ended other than printed`);
      const serials = (await db.query<{ serial: string }>(`SELECT serial FROM print_jobs`)).rows.map((r) => r.serial);
      const formats = emulators.flatMap((e) => readdirSync(e.storeDir).map((f) => readFileSync(join(e.storeDir, f), 'latin1')));
      if (formats.length !== serials.length) throw new Error(`${formats.length} labels reached the printers for ${serials.length} jobs`);
      for (const s of serials) {
        const copies = formats.filter((f) => f.includes(s)).length;
        if (copies !== 1) throw new Error(`serial ${s} reached the printers ${copies} times`);
      }
      // Convergence: every device's balances equal the server's, and it holds every op it pushed, settled.
      const server = new Map((await db.query<{ id: string; qty: number }>(`SELECT id, qty::float8 AS qty FROM stock_balances WHERE qty <> 0`)).rows.map((r) => [r.id, Number(r.qty)]));
      for (const h of handhelds) {
        await h.balances.pull(h.device);
        await h.ops.pull(h.device);
        const local = h.balances.live();
        if (local.length !== server.size || local.some((b) => server.get(b.id) !== b.qty)) throw new Error(`${h.device.name}: ${local.length} balances on the device, ${server.size} on the server, or a quantity differs`);
        const mine = h.ops.live();
        if (mine.length !== h.pushed.size || mine.some((o) => o.status === 'queued' || !h.pushed.has(o.id))) throw new Error(`${h.device.name}: its ops did not come back applied`);
      }
      const events = streams.reduce((n, s) => n + s.events(), 0);
      log(`    ${instances} instance(s): ${total.toLocaleString('en-US')} ops in ${seconds.toFixed(1)} s, ${serials.length} labels printed once each, ${events.toLocaleString('en-US')} SSE events; all ${devices} devices converged`);
      return { ops_per_s: total / seconds, ops: total, labels: serials.length };
    } finally {
      await db.close();
    }
  } finally {
    for (const s of streams) s.close();
    await Promise.all(servers.map((s) => s.stop()));
    await Promise.all(emulators.map((e) => e.stop()));
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
  }
}
