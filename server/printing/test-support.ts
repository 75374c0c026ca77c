import { afterAll, afterEach, beforeAll } from 'vitest';
import { decodeEpc } from '../../domain/epc';
import { createPrinterEmulator, type PrinterEmulator, type RfidBehaviour } from '../../printers/emulator';
import { loadTemplate } from '../../printers/templates';
import type { Db } from '../db';
import { loadDemoData } from '../seed/demo';
import { openTestDb, type TestDb } from '../test-support/db';
import { waitFor } from '../test-support/wait';
import { listJobs, type PrintJob } from './job-view';
import { addPrinter, type PrinterRfidPolicy } from './printers';
import { printLot, type EnqueuedPrint } from './spool';
import { saveDraft } from './templates';
import { startSpool, type Spool } from './worker';

/**
 * Saves a starter template and marks it approved directly, for tests of the spool: the signed
 * approval itself is tested through the API.
 */
export async function approvedStarter(db: Db, name: string): Promise<string> {
  const existing = await db.query<{ id: string }>(`SELECT id FROM label_templates WHERE name = $1 AND status = 'approved'`, [name]);
  if (existing.rows[0]) return existing.rows[0].id;
  const draft = await saveDraft(db, { id: null, name: 'test' }, await loadTemplate(name));
  await db.query(`UPDATE label_templates SET status = 'approved', approved_at = now() WHERE id = $1`, [draft.id]);
  return draft.id;
}

/** A released lot of the demo's serialized catheter, with stock, to print serialized labels for. */
export async function serializedLot(db: Db, lotNumber: string): Promise<string> {
  const made = await db.query<{ id: string }>(
    `INSERT INTO lots (lot_number, item_id, expires_on, manufactured_on, origin, status)
     SELECT $1, id, current_date + 900, current_date - 5, 'produced', 'released' FROM items WHERE sku = 'CVC-7F' RETURNING id`,
    [lotNumber],
  );
  return made.rows[0]!.id;
}

/** Spool timings short enough to watch a label go through in a test; how long to wait for an answer is the caller's. */
const QUICK_SPOOL = { idleMs: 50, backoffBaseMs: 50, backoffMaxMs: 200, statusEveryMs: 200, notReadyPollMs: 100, heldPollMs: 20, connectTimeoutMs: 500, statusTimeoutMs: 500 };
const RFID_ACTOR = { id: null, name: 'rfid test' };

export interface RfidBench {
  /** Demo data, and the approved templates `lot-rfid` (one retry) and `lot-rfid-once` (no retry). */
  readonly db: Db;
  /** The demo users' password. */
  readonly password: string;
  /** An emulated RFID printer on TCP, registered under `name`; the spool starts with the first one of a test and stops after it. */
  printer(name: string, rfidPolicy?: Partial<PrinterRfidPolicy>): Promise<PrinterEmulator>;
  /** Prints `quantity` labels of a lot with the emulator's tags answering as told, label after label (then right), and waits until every job settles. */
  printRun(emulator: PrinterEmulator, printer: string, lotId: string, answers: RfidBehaviour[], options?: { quantity?: number; template?: string }): Promise<{ queued: EnqueuedPrint; jobs: PrintJob[] }>;
  /** Serials bound to a tag whose EPC is not theirs, or bound while in doubt: must always be none. */
  wronglyBound(): Promise<number>;
}

/**
 * The bench the RFID spool tests share: a database per file, emulated printers over TCP and one
 * spool worker per test, all closed when the file ends.
 */
export function rfidBench(name: string, options: { workerId: string; answerTimeoutMs: number }): RfidBench {
  let t: TestDb | undefined;
  let password: string | undefined;
  let spool: Spool | undefined;
  const emulators: PrinterEmulator[] = [];

  beforeAll(async () => {
    t = await openTestDb(name);
    password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
    await approvedStarter(t.db, 'lot-rfid');
    const once = await saveDraft(t.db, RFID_ACTOR, { ...(await loadTemplate('lot-rfid')), name: 'lot-rfid-once', rfid: { retries: 0 } });
    await t.db.query(`UPDATE label_templates SET status = 'approved', approved_at = now() WHERE id = $1`, [once.id]);
  });
  afterEach(async () => {
    await spool?.stop();
    spool = undefined;
  });
  afterAll(async () => {
    await Promise.all(emulators.map((e) => e.close()));
    await t?.close();
  });

  const db = (): Db => {
    if (!t) throw new Error('the RFID bench is used before its database is open');
    return t.db;
  };

  return {
    get db() {
      return db();
    },
    get password() {
      return password!;
    },
    async printer(printerName, rfidPolicy) {
      const emulator = await createPrinterEmulator({ port: 0 });
      emulators.push(emulator);
      await addPrinter(db(), RFID_ACTOR, { name: printerName, host: emulator.host, port: emulator.port, dpi: 203, rfidPolicy }, { allowLocal: true });
      spool ??= await startSpool(db(), { ...QUICK_SPOOL, answerTimeoutMs: options.answerTimeoutMs, workerId: options.workerId });
      return emulator;
    },
    async printRun(emulator, printer, lotId, answers, run = {}) {
      await emulator.setState({ rfid: 'written', rfidNext: answers });
      const queued = await printLot(db(), RFID_ACTOR, { lotId, templateName: run.template ?? 'lot-rfid', printer, quantity: run.quantity ?? 1 });
      const mine = async () => (await listJobs(db(), { lotId, limit: 100 })).filter((j) => queued.jobIds.includes(j.id));
      await waitFor('the RFID jobs to settle', async () => (await mine()).every((j) => ['printed', 'voided', 'uncertain'].includes(j.status)), { timeoutMs: 20_000, everyMs: 25 });
      return { queued, jobs: await mine() };
    },
    async wronglyBound() {
      const rows = await db().query<{ serial: string; epc: string; read_back: string; gtin: string; held: boolean }>(
        `SELECT e.serial, e.epc, e.read_back, i.gtin,
                EXISTS (SELECT 1 FROM rfid_uncertain_labels u WHERE u.item_id = e.item_id AND u.serial = e.serial)
                  AND NOT EXISTS (SELECT 1 FROM rfid_resolutions r WHERE r.item_id = e.item_id AND r.serial = e.serial) AS held
           FROM rfid_encodings e JOIN items i ON i.id = e.item_id WHERE e.outcome = 'encoded'`,
      );
      return rows.rows.filter((r) => {
        const epc = decodeEpc(r.read_back);
        return r.held || r.read_back !== r.epc || epc.serial !== r.serial || epc.key.value !== r.gtin.padStart(14, '0');
      }).length;
    },
  };
}
