import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPrinterEmulator } from '../../printers/emulator';
import { createFaultyPrinter, type FaultyPrinter } from '../../printers/faulty-printer';
import { loadDemoData } from '../seed/demo';
import { openTestDb, type TestDb } from '../test-support/db';
import { listJobs } from './job-view';
import { addPrinter } from './printers';
import { finishJob, holdLease, leaseJob, recoverExpiredLeases } from './queue';
import { printLot, resolveUncertain } from './spool';
import { approvedStarter, serializedLot } from './test-support';
import { startSpool, type Spool, type SpoolOptions } from './worker';

const ACTOR = { id: null, name: 'confirmation test' };
const FAST: SpoolOptions = { idleMs: 30, backoffBaseMs: 50, backoffMaxMs: 200, statusEveryMs: 200, notReadyPollMs: 50, heldPollMs: 20, connectTimeoutMs: 500, answerTimeoutMs: 1000, statusTimeoutMs: 500 };
const RUN_TS = fileURLToPath(new URL('../../bin/run-ts.mjs', import.meta.url));
const WORKER = fileURLToPath(new URL('./worker-process.ts', import.meta.url));

let t: TestDb;
let spools: Spool[] = [];
const printers: { close(): Promise<void> }[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  t = await openTestDb('print_confirm');
  await loadDemoData(t.db, { password: 'demo-pass-1' });
  await approvedStarter(t.db, 'lot-gs1');
});
afterEach(async () => {
  await Promise.all(spools.map((s) => s.stop()));
  spools = [];
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(async () => {
  await Promise.all(printers.map((p) => p.close()));
  await t.close();
});

async function faulty(name: string, faults: Parameters<typeof createFaultyPrinter>[0] = {}): Promise<FaultyPrinter> {
  const printer = await createFaultyPrinter(faults);
  printers.push(printer);
  await addPrinter(t.db, ACTOR, { name, host: printer.host, port: printer.port, dpi: 203 }, { allowLocal: true });
  return printer;
}

async function spool(options: SpoolOptions = FAST): Promise<Spool> {
  const s = await startSpool(t.db, { workerId: 'in-test', ...options });
  spools.push(s);
  return s;
}

const serialsOf = (formats: string[]) => formats.flatMap((zpl) => [...new Set([...zpl.matchAll(/\(21\)([0-9A-Za-z]+)/g)].map((m) => m[1]!))]);

async function jobs(lotId: string) {
  return listJobs(t.db, { lotId, limit: 5000 });
}
async function statuses(lotId: string): Promise<Record<string, number>> {
  return (await jobs(lotId)).reduce<Record<string, number>>((acc, j) => ({ ...acc, [j.status]: (acc[j.status] ?? 0) + 1 }), {});
}
async function printedSerials(lotId: string): Promise<string[]> {
  return (await jobs(lotId)).filter((j) => j.status === 'printed').map((j) => j.serial!).sort();
}

const until = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('printed means the printer said so', () => {
  it('records as printed exactly the labels a printer that discards while out of paper printed', async () => {
    const printer = await faulty('FAULTY-DISCARD');
    const lotId = await serializedLot(t.db, 'F-DISCARD');
    await printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'FAULTY-DISCARD', quantity: 60 });
    await spool();
    await until('a few labels printed', () => printer.printed().length >= 5);
    await printer.set({ paperOut: true });
    await until('the spool saw paper out', async () => (await t.db.query<{ state: string }>(`SELECT state FROM printers WHERE name = 'FAULTY-DISCARD'`)).rows[0]!.state === 'paper_out');
    await new Promise((r) => setTimeout(r, 200));
    // Whatever reached the printer after the paper ran out was thrown away, and is in doubt, not printed.
    expect(await printedSerials(lotId)).toEqual(serialsOf(printer.printed()).sort());
    expect(printer.discarded().length).toBeGreaterThan(0);
    expect((await statuses(lotId)).uncertain ?? 0).toBe(printer.discarded().length);
    await printer.set({ paperOut: false });
    await until('the rest printed', async () => ((await statuses(lotId)).queued ?? 0) === 0 && !(await statuses(lotId)).printing);
    await until('the last confirmed', async () => !(await statuses(lotId)).in_printer);
    expect(await printedSerials(lotId)).toEqual(serialsOf(printer.printed()).sort());
    const final = await statuses(lotId);
    expect((final.printed ?? 0) + (final.uncertain ?? 0)).toBe(60);
    expect(new Set(serialsOf(printer.printed())).size).toBe(printer.printed().length);
  });

  it('leaves a label cut off by a polite close (FIN) mid-label in doubt, not printed', async () => {
    const printer = await faulty('FAULTY-FIN', { closeAfterBytes: 200 });
    const lotId = await serializedLot(t.db, 'F-FIN');
    await printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'FAULTY-FIN', quantity: 3 });
    await spool();
    await until('settled', async () => {
      const s = await statuses(lotId);
      return s.uncertain === 1 && s.printed === 2;
    });
    const [cut] = (await jobs(lotId)).filter((j) => j.status === 'uncertain');
    expect(cut!.lastError).toMatch(/closed the connection without confirming/);
    expect(serialsOf(printer.printed())).not.toContain(cut!.serial);
  });

  it('records nothing as sent or printed for a printer that accepts and closes without reading', async () => {
    const printer = await faulty('FAULTY-DEAF');
    const lotId = await serializedLot(t.db, 'F-DEAF');
    await printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'FAULTY-DEAF', quantity: 2 });
    await spool();
    await until('two printed', async () => (await statuses(lotId)).printed === 2);
    await printer.set({ acceptAndClose: true });
    const more = await serializedLot(t.db, 'F-DEAF-2');
    await printLot(t.db, ACTOR, { lotId: more, templateName: 'lot-gs1', printer: 'FAULTY-DEAF', quantity: 20 });
    await until('the spool saw the printer was not answering', async () => (await t.db.query<{ state: string }>(`SELECT state FROM printers WHERE name = 'FAULTY-DEAF'`)).rows[0]!.state === 'offline');
    await new Promise((r) => setTimeout(r, 300));
    const s = await statuses(more);
    expect(s.printed ?? 0).toBe(0);
    expect(s.uncertain ?? 0).toBeLessThanOrEqual(1);
    expect((s.queued ?? 0) + (s.uncertain ?? 0)).toBe(20);
    const sent = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM print_attempts a JOIN print_jobs j ON j.id = a.job_id WHERE j.lot_id = $1 AND a.outcome IN ('sent','printed')`, [more]);
    expect(sent.rows[0]!.n).toBe(0);
  });

  it('keeps a label the paused printer holds in_printer, prints it on resume, and puts it in doubt when the printer is switched off', async () => {
    const printer = await faulty('FAULTY-HOLD', { discardWhileFaulted: false });
    const lotId = await serializedLot(t.db, 'F-HOLD');
    await printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'FAULTY-HOLD', quantity: 40 });
    await spool();
    await until('a few printed', () => printer.printed().length >= 3);
    await printer.set({ paused: true });
    await until('a label held in the printer', async () => (await statuses(lotId)).in_printer === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect((await statuses(lotId)).in_printer).toBe(1);
    await printer.set({ paused: false });
    await until('the held label printed and more followed', async () => !(await statuses(lotId)).in_printer && (await statuses(lotId)).printed! > printer.printed().length - 3);
    await until('another few printed', () => printer.printed().length >= 10);
    await printer.set({ paused: true });
    await until('held again', async () => (await statuses(lotId)).in_printer === 1);
    const [held] = (await jobs(lotId)).filter((j) => j.status === 'in_printer');
    await printer.set({ offline: true });
    await until('the held label is in doubt', async () => (await statuses(lotId)).uncertain === 1);
    expect((await jobs(lotId)).find((j) => j.id === held!.id)).toMatchObject({ status: 'uncertain', lastError: expect.stringMatching(/stopped answering/) });
    await printer.set({ offline: false, paused: false });
    await until('the rest printed', async () => (await statuses(lotId)).printed === 39);
    expect(await printedSerials(lotId)).toEqual(serialsOf(printer.printed()).sort());
  });

  it('resumes a queue within seconds of the printer being ready again, with the default settings', async () => {
    const emulator = await createPrinterEmulator({ port: 0, state: { paperOut: true } });
    printers.push(emulator);
    await addPrinter(t.db, ACTOR, { name: 'EMU-RESUME', host: emulator.host, port: emulator.port, dpi: 203 }, { allowLocal: true });
    const lotId = await serializedLot(t.db, 'F-RESUME');
    await printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'EMU-RESUME', quantity: 2 });
    await spool({});
    await until('paper out seen', async () => (await t.db.query<{ state: string }>(`SELECT state FROM printers WHERE name = 'EMU-RESUME'`)).rows[0]!.state === 'paper_out');
    await new Promise((r) => setTimeout(r, 3000)); // long enough for a growing backoff to have grown
    await emulator.setState({ paperOut: false });
    await until('printed', async () => (await statuses(lotId)).printed === 2, 5000);
  });
});

describe('a stalled worker cannot print or record twice', () => {
  it('fences every write on the lease: a recovered and settled job is out of reach of the worker that leased it', async () => {
    await faulty('FENCE');
    const lotId = await serializedLot(t.db, 'F-FENCE');
    await printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'FENCE', quantity: 1 });
    const printerId = (await t.db.query<{ id: string }>(`SELECT id FROM printers WHERE name = 'FENCE'`)).rows[0]!.id;
    const lease = (await leaseJob(t.db, printerId, 'stalled', 30))!;
    expect(await holdLease(t.db, lease, 30)).toBe(true);
    await t.db.query(`UPDATE print_jobs SET lease_until = now() - interval '1 second' WHERE id = $1`, [lease.id]); // the lease runs out
    expect(await holdLease(t.db, lease, 30)).toBe(false);
    expect(await recoverExpiredLeases(t.db)).toBe(1);
    const recovered = await t.db.query<{ status: string; lease_owner: string | null }>('SELECT status, lease_owner FROM print_jobs WHERE id = $1', [lease.id]);
    expect(recovered.rows[0]).toEqual({ status: 'uncertain', lease_owner: null });
    await resolveUncertain(t.db, ACTOR, lease.id, { action: 'reprint', reason: 'not on the roll' });
    expect(await finishJob(t.db, lease, { outcome: 'printed', status: 'printed', bytesWritten: 10 }, 0, 30)).toBe('lease_lost');
    expect(await holdLease(t.db, lease, 30)).toBe(false);
    const after = await t.db.query<{ status: string; resolution: string }>('SELECT status, resolution FROM print_jobs WHERE id = $1', [lease.id]);
    expect(after.rows[0]).toEqual({ status: 'cancelled', resolution: 'reprinted' });
    const attempts = await t.db.query<{ outcome: string }>('SELECT outcome FROM print_attempts WHERE job_id = $1 ORDER BY id', [lease.id]);
    expect(attempts.rows.map((r) => r.outcome)).toEqual(['uncertain', 'lease_lost']);
  });
});

// Worker processes share the database with this test only through PostgreSQL: PGlite lives inside one process.
describe.skipIf(!process.env.DATABASE_URL)('worker processes frozen and killed (PostgreSQL: a second process needs a shared database)', () => {
  function worker(mode: string, extra: Record<string, string>): { child: ChildProcess; next: () => Promise<string> } {
    const child = spawn(process.execPath, [RUN_TS, WORKER], {
      env: { ...process.env, LOTLINE_WORKER_MODE: mode, LOTLINE_WORKER_SCHEMA: t.postgres!.schema, ...extra },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    children.push(child);
    const queue: string[] = [];
    const waiting: ((line: string) => void)[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => (waiting.length ? waiting.shift()!(line) : queue.push(line)));
    return { child, next: () => new Promise((resolve) => (queue.length ? resolve(queue.shift()!) : waiting.push(resolve))) };
  }

  it.each([
    ['frozen before it sent', 'hold-before', 'leased'],
    ['frozen after it sent, before it recorded', 'hold-after', 'sent'],
  ])('a worker %s (SIGSTOP past its lease) neither prints the settled label again nor overwrites the settlement', async (_name, mode, event) => {
    const printer = await faulty(`FROZEN-${mode}`);
    const lotId = await serializedLot(t.db, `F-${mode}`);
    const [serial] = (await printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: `FROZEN-${mode}`, quantity: 1 })).serials;
    const stalled = worker(mode, { LOTLINE_WORKER_ID: 'frozen', LOTLINE_WORKER_LEASE: '2', LOTLINE_WORKER_PRINTER: `FROZEN-${mode}` });
    const [said, jobId] = (await stalled.next()).split(' ');
    expect(said).toBe(event);
    stalled.child.kill('SIGSTOP');
    await new Promise((r) => setTimeout(r, 2500)); // past the lease
    expect(await recoverExpiredLeases(t.db)).toBe(1);
    const { reprintJobId } = await resolveUncertain(t.db, ACTOR, jobId!, { action: 'reprint', reason: 'the worker hung; print it again' });
    await spool();
    await until('the reprint printed', async () => (await jobs(lotId)).find((j) => j.id === reprintJobId)?.status === 'printed');
    stalled.child.kill('SIGCONT');
    stalled.child.stdin!.write('go\n');
    expect(await stalled.next()).toBe('done lease_lost');
    expect(serialsOf(printer.printed()).filter((s) => s === serial)).toHaveLength(mode === 'hold-before' ? 1 : 2);
    expect((await jobs(lotId)).find((j) => j.id === jobId)).toMatchObject({ status: 'cancelled', resolution: 'reprinted' });
  }, 30_000);

  it('a worker killed mid-send (SIGKILL) leaves its job uncertain with no owner, and nothing re-sends it', async () => {
    const printer = await faulty('KILLED');
    const lotId = await serializedLot(t.db, 'F-KILLED');
    await printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'KILLED', quantity: 1 });
    const killed = worker('spool', { LOTLINE_WORKER_ID: 'killed', LOTLINE_WORKER_LEASE: '2' });
    expect(await killed.next()).toBe('running');
    await until('the first label printed', async () => (await statuses(lotId)).printed === 1);
    // The printer falls silent: it reads the next label and never answers, so the worker waits mid-send.
    await printer.set({ silent: true });
    await printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'KILLED', quantity: 2 });
    await until('the next job is on the wire', async () => (await statuses(lotId)).printing === 1);
    const [sending] = (await jobs(lotId)).filter((j) => j.status === 'printing');
    killed.child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 2500));
    expect(await recoverExpiredLeases(t.db)).toBe(1);
    const row = await t.db.query<{ status: string; lease_owner: string | null; last_error: string }>('SELECT status, lease_owner, last_error FROM print_jobs WHERE id = $1', [sending!.id]);
    expect(row.rows[0]).toMatchObject({ status: 'uncertain', lease_owner: null, last_error: 'the spool stopped while this job was being sent' });
    await printer.set({ silent: false });
    const before = printer.bytesReceived();
    await spool();
    await until('the third printed', async () => (await statuses(lotId)).printed === 2);
    expect(printer.bytesReceived()).toBeGreaterThan(before);
    expect(serialsOf(printer.printed())).not.toContain(sending!.serial);
    expect(await statuses(lotId)).toEqual({ printed: 2, uncertain: 1 });
  }, 30_000);
});
