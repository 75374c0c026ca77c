import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPrinterEmulator, type PrinterEmulator } from '../../printers/emulator';
import { openPostgres, type Db } from '../db';
import { loadDemoData } from '../seed/demo';
import { openTestDb, type TestDb } from '../test-support/db';
import { addPrinter } from './printers';
import { listJobs } from './job-view';
import { printLot, resolveUncertain } from './spool';
import { approvedStarter, serializedLot } from './test-support';
import { startSpool, type Spool } from './worker';

const ACTOR = { id: null, name: 'spool test' };
const FAST = { idleMs: 50, backoffBaseMs: 50, backoffMaxMs: 200, statusEveryMs: 200, notReadyPollMs: 100, heldPollMs: 20, connectTimeoutMs: 500, answerTimeoutMs: 2000, statusTimeoutMs: 500 };

let t: TestDb;
let spools: Spool[] = [];
const emulators: PrinterEmulator[] = [];

beforeAll(async () => {
  t = await openTestDb('spool');
  await loadDemoData(t.db, { password: 'demo-pass-1' });
  await approvedStarter(t.db, 'lot-gs1');
});
afterEach(async () => {
  await Promise.all(spools.map((s) => s.stop()));
  spools = [];
});
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
  await t.close();
});

async function printer(name: string, alertAfterSeconds = 120): Promise<PrinterEmulator> {
  const emulator = await createPrinterEmulator({ port: 0, maxFormats: 5000 });
  emulators.push(emulator);
  await addPrinter(t.db, ACTOR, { name, host: emulator.host, port: emulator.port, dpi: 203, alertAfterSeconds }, { allowLocal: true });
  return emulator;
}

async function spool(db: Db = t.db, workerId = 'test-worker'): Promise<Spool> {
  const s = await startSpool(db, { ...FAST, workerId });
  spools.push(s);
  return s;
}

/** How many times each serial came out of the printer, read from the human-readable (21) line. */
function printsBySerial(emulator: PrinterEmulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of emulator.formats()) {
    if (!f.printed) continue;
    for (const serial of new Set([...f.zpl.matchAll(/\(21\)([0-9A-Za-z]+)/g)].map((m) => m[1]!))) counts.set(serial, (counts.get(serial) ?? 0) + 1);
  }
  return counts;
}

async function statuses(lotId: string): Promise<Record<string, number>> {
  const jobs = await listJobs(t.db, { lotId, limit: 5000 });
  return jobs.reduce<Record<string, number>>((acc, j) => ({ ...acc, [j.status]: (acc[j.status] ?? 0) + 1 }), {});
}

const until = async (check: () => Promise<boolean> | boolean, timeoutMs = 20_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('print spool against the emulator', () => {
  it('prints serialized labels once each, one job per serial', async () => {
    const emulator = await printer('ZT410-A');
    const lotId = await serializedLot(t.db, 'C-HAPPY');
    const queued = await printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'ZT410-A', quantity: 5 });
    expect(queued.serials).toHaveLength(5);
    await spool();
    await until(async () => (await statuses(lotId)).printed === 5);
    expect([...printsBySerial(emulator).entries()].sort()).toEqual(queued.serials.map((s) => [s, 1]).sort());
  });

  it('keeps jobs queued while the printer is offline, raises the alert, and prints when it returns', async () => {
    const emulator = await printer('ZT410-OFF', 0);
    await emulator.setState({ online: false });
    const lotId = await serializedLot(t.db, 'C-OFFLINE');
    await printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'ZT410-OFF', quantity: 3 });
    await spool();
    await until(async () => (await t.db.query<{ state: string }>(`SELECT state FROM printers WHERE name = 'ZT410-OFF'`)).rows[0]!.state === 'offline');
    await new Promise((r) => setTimeout(r, 300));
    expect(await statuses(lotId)).toEqual({ queued: 3 });
    const alerting = await t.db.query<{ alerting: boolean }>(`SELECT not_ready_since IS NOT NULL AND now() - not_ready_since >= make_interval(secs => alert_after_seconds) AS alerting FROM printers WHERE name = 'ZT410-OFF'`);
    expect(alerting.rows[0]!.alerting).toBe(true);
    await emulator.setState({ online: true });
    await until(async () => (await statuses(lotId)).printed === 3);
    expect(printsBySerial(emulator).size).toBe(3);
    await until(async () => (await t.db.query<{ state: string; not_ready_since: Date | null }>(`SELECT state, not_ready_since FROM printers WHERE name = 'ZT410-OFF'`)).rows[0]!.not_ready_since === null);
  });

  it('stops at paper out mid-batch and finishes the batch once paper is loaded, nothing twice', async () => {
    const emulator = await printer('ZT410-PAPER');
    const lotId = await serializedLot(t.db, 'C-PAPER');
    const queued = await printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'ZT410-PAPER', quantity: 200 });
    await spool();
    await until(() => emulator.formats().length >= 5);
    await emulator.setState({ paperOut: true });
    await until(async () => (await t.db.query<{ state: string }>(`SELECT state FROM printers WHERE name = 'ZT410-PAPER'`)).rows[0]!.state === 'paper_out');
    const during = await statuses(lotId);
    expect(during.queued ?? 0).toBeGreaterThan(0);
    await emulator.setState({ paperOut: false });
    await until(async () => (await statuses(lotId)).printed === 200);
    // Labels sent before the spool saw the paper run out waited in the printer and came out after.
    const counts = printsBySerial(emulator);
    expect(counts.size).toBe(200);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(counts.keys())).toEqual(new Set(queued.serials));
  });

  it('makes a job cut off mid-send uncertain, never re-sends it by itself, and reprints it only when a person says so', async () => {
    const emulator = await printer('ZT410-DROP');
    await emulator.setState({ dropAfterBytes: 200 });
    const lotId = await serializedLot(t.db, 'C-DROP');
    await printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'ZT410-DROP', quantity: 3 });
    await spool();
    await until(async () => {
      const s = await statuses(lotId);
      return s.uncertain === 1 && s.printed === 2;
    }).catch(async (e: unknown) => {
      throw new Error(`${String(e)}: ${JSON.stringify(await listJobs(t.db, { lotId, limit: 10 }))}`);
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await statuses(lotId)).toEqual({ uncertain: 1, printed: 2 });
    const [doubtful] = await listJobs(t.db, { lotId, status: 'uncertain', limit: 10 });
    expect(doubtful!.lastError).toMatch(/ECONNRESET|closed the connection/);
    const resolved = await resolveUncertain(t.db, ACTOR, doubtful!.id, { action: 'reprint', reason: 'label not on the roll' });
    expect(resolved.job.resolution).toBe('reprinted');
    await until(async () => (await statuses(lotId)).printed === 3);
    const reprint = (await listJobs(t.db, { lotId, limit: 10 })).find((j) => j.reprintOf === doubtful!.id);
    expect(reprint).toMatchObject({ status: 'printed', serial: doubtful!.serial, reprintReason: 'label not on the roll' });
    expect(printsBySerial(emulator).get(doubtful!.serial!)).toBe(1); // the cut-off copy never counted as printed
  });

  it('shares 1,000 jobs between two server instances: none lost, none printed twice', async () => {
    const emulator = await printer('ZT410-SHARED');
    const lotId = await serializedLot(t.db, 'C-SHARED');
    const queued = await printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'ZT410-SHARED', quantity: 1000 });
    const other = t.postgres ? await openPostgres({ connectionString: t.postgres.url, schema: t.postgres.schema }) : t.db;
    try {
      await Promise.all([spool(t.db, 'instance-a'), spool(other, 'instance-b')]);
      await until(async () => (await statuses(lotId)).printed === 1000, 120_000);
      const byWorker = await t.db.query<{ worker: string; n: number }>(
        `SELECT a.worker, count(*)::int AS n FROM print_attempts a JOIN print_jobs j ON j.id = a.job_id WHERE j.lot_id = $1 AND a.outcome = 'printed' GROUP BY a.worker`,
        [lotId],
      );
      expect(byWorker.rows.reduce((n, r) => n + r.n, 0)).toBe(1000);
      expect(byWorker.rows.map((r) => r.worker).sort()).toEqual(['instance-a', 'instance-b']);
      const counts = printsBySerial(emulator);
      expect(counts.size).toBe(1000);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(new Set(counts.keys())).toEqual(new Set(queued.serials));
    } finally {
      await Promise.all(spools.map((s) => s.stop()));
      spools = [];
      if (other !== t.db) await other.close();
    }
  }, 180_000);

  it('refuses data GS1 forbids before anything is queued', async () => {
    await printer('ZT410-BAD');
    const lotId = (await t.db.query<{ id: string }>(`INSERT INTO lots (lot_number, item_id, expires_on, origin) SELECT 'BAD LOT', id, current_date + 10, 'received' FROM items WHERE sku = 'SYR-5ML' RETURNING id`)).rows[0]!.id;
    await expect(printLot(t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'ZT410-BAD', quantity: 1 })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^lot: /) });
    expect(await statuses(lotId)).toEqual({});
    await expect(printLot(t.db, ACTOR, { lotId, templateName: 'no-such-template', printer: 'ZT410-BAD', quantity: 1 })).rejects.toMatchObject({ status: 422, code: 'no_approved_template' });
  });
});
