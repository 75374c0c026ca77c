import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeEpc, encodeSgtin } from '../../domain/epc';
import { createPrinterEmulator, type PrinterEmulator, type RfidBehaviour } from '../../printers/emulator';
import { allocateSerials } from '../numbering';
import { plantToday } from '../clock';
import { loadDemoData } from '../seed/demo';
import { bearer, signIn, testApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { listJobs } from './job-view';
import { addPrinter } from './printers';
import { previewTemplate } from './preview';
import { reconcileTags } from './rfid-reconcile';
import { printLot, reprintJob } from './spool';
import { approvedStarter, serializedLot } from './test-support';
import { saveDraft } from './templates';
import { loadTemplate } from '../../printers/templates';
import { startSpool, type Spool } from './worker';

const ACTOR = { id: null, name: 'rfid test' };
const FAST = { idleMs: 50, backoffBaseMs: 50, backoffMaxMs: 200, statusEveryMs: 200, notReadyPollMs: 100, heldPollMs: 20, connectTimeoutMs: 500, answerTimeoutMs: 2000, statusTimeoutMs: 500 };

let t: TestDb;
let password: string;
let spool: Spool | undefined;
/** The run whose first label's tag read back the previous label's EPC. */
let retriedRun: string | undefined;
const emulators: PrinterEmulator[] = [];

beforeAll(async () => {
  t = await openTestDb('rfid');
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  await approvedStarter(t.db, 'lot-rfid');
  // The same label with no retry: a bad tag voids the serial and the job ends there.
  const once = await saveDraft(t.db, ACTOR, { ...(await loadTemplate('lot-rfid')), name: 'lot-rfid-once', rfid: { retries: 0 } });
  await t.db.query(`UPDATE label_templates SET status = 'approved', approved_at = now() WHERE id = $1`, [once.id]);
});
afterEach(async () => {
  await spool?.stop();
  spool = undefined;
});
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
  await t.close();
});

async function rfidPrinter(name: string): Promise<PrinterEmulator> {
  const emulator = await createPrinterEmulator({ port: 0 });
  emulators.push(emulator);
  await addPrinter(t.db, ACTOR, { name, host: emulator.host, port: emulator.port, dpi: 203 }, { allowLocal: true });
  spool ??= await startSpool(t.db, { ...FAST, workerId: 'rfid-worker' });
  return emulator;
}

const until = async (check: () => Promise<boolean> | boolean, timeoutMs = 20_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
};

const settled = (statuses: string[]) => statuses.every((s) => ['printed', 'voided', 'uncertain'].includes(s));

/** Prints one RFID label with the emulator's tags answering as told, label after label (then right), and waits until the job settles. */
async function printOne(emulator: PrinterEmulator, printerName: string, lotId: string, answers: RfidBehaviour[], template = 'lot-rfid') {
  await emulator.setState({ rfid: 'written', rfidNext: answers });
  const queued = await printLot(t.db, ACTOR, { lotId, templateName: template, printer: printerName, quantity: 1 });
  await until(async () => settled((await listJobs(t.db, { lotId, limit: 100 })).filter((j) => queued.jobIds.includes(j.id)).map((j) => j.status)));
  const [job] = (await listJobs(t.db, { lotId, limit: 100 })).filter((j) => j.id === queued.jobIds[0]);
  return { queued, job: job! };
}

/** Serials bound to a tag whose EPC is not theirs: must always be none. */
async function wronglyBound(): Promise<number> {
  const rows = await t.db.query<{ serial: string; epc: string; read_back: string; gtin: string }>(
    `SELECT e.serial, e.epc, e.read_back, i.gtin FROM rfid_encodings e JOIN items i ON i.id = e.item_id WHERE e.outcome = 'encoded'`,
  );
  return rows.rows.filter((r) => {
    const epc = decodeEpc(r.read_back);
    return r.read_back !== r.epc || epc.serial !== r.serial || epc.key.value !== r.gtin.padStart(14, '0');
  }).length;
}

describe('RFID labels through the spool and the emulated printer over TCP', () => {
  it('binds the serial when the tag reads back the EPC written', async () => {
    const emulator = await rfidPrinter('RFID-OK');
    const lotId = await serializedLot(t.db, 'R-OK');
    const { queued, job } = await printOne(emulator, 'RFID-OK', lotId, ['written']);
    expect(job).toMatchObject({ status: 'printed', serial: queued.serials[0] });
    const [format] = emulator.formats();
    const epc = decodeEpc(format!.tag!.epc);
    expect(epc).toMatchObject({ scheme: 'sgtin-96', serial: queued.serials[0], key: { value: '06901234000054' } });
    const run = await reconcileTags(t.db, 'run', queued.runId);
    expect(run).toMatchObject({ printed: 1, encoded: 1, voided: 0, uncertain: 0, balanced: true, pending: 0 });
    expect(run.tags[0]).toMatchObject({ serial: queued.serials[0], outcome: 'encoded', readBack: format!.tag!.epc });
    expect(await wronglyBound()).toBe(0);
  });

  it("voids a serial whose tag read back the previous label's EPC, and retries once with a new serial", async () => {
    const emulator = await rfidPrinter('RFID-PREV');
    const lotId = await serializedLot(t.db, 'R-PREV');
    await printOne(emulator, 'RFID-PREV', lotId, ['written']);
    const { queued, job } = await printOne(emulator, 'RFID-PREV', lotId, ['previous']);
    const first = queued.serials[0]!;
    retriedRun = queued.runId;
    expect(job.status).toBe('printed');
    expect(job.serial).not.toBe(first);
    const run = await reconcileTags(t.db, 'run', queued.runId);
    expect(run).toMatchObject({ printed: 2, encoded: 1, voided: 1, balanced: true });
    expect(run.tags.map((tag) => [tag.serial, tag.outcome, tag.reason])).toEqual([
      [first, 'voided', 'wrong_tag'],
      [job.serial, 'encoded', null],
    ]);
    // The tag that read back carries the previous label's EPC: it was never bound to the voided serial.
    expect(decodeEpc(run.tags[0]!.readBack!).serial).not.toBe(first);
    expect((await t.db.query(`SELECT 1 FROM voided_serials WHERE serial = $1 AND reason = 'wrong_tag'`, [first])).rows).toHaveLength(1);
    expect(emulator.formats()).toHaveLength(3);
    expect(await wronglyBound()).toBe(0);
  });

  it('voids a serial when no tag answers (VOID printed), and with no retry left the job ends voided', async () => {
    const emulator = await rfidPrinter('RFID-VOID');
    const lotId = await serializedLot(t.db, 'R-VOID');
    const { queued, job } = await printOne(emulator, 'RFID-VOID', lotId, ['no_tag', 'no_tag']);
    expect(job.status).toBe('voided');
    expect(job.lastError).toMatch(/no tag answered .*no retry left/);
    const run = await reconcileTags(t.db, 'run', queued.runId);
    expect(run).toMatchObject({ printed: 2, encoded: 0, voided: 2, balanced: true });
    expect(run.tags.every((tag) => tag.reason === 'no_tag' && tag.readBack === '')).toBe(true);
    expect(emulator.formats().map((f) => f.tag!.void)).toEqual([true, true]);
    const audited = await t.db.query<{ after: { serial: string; reason: string } }>(`SELECT after FROM audit_log WHERE action = 'label.serial_voided' AND entity_id = $1 ORDER BY seq`, [lotId]);
    expect(audited.rows.map((r) => [r.after.serial, r.after.reason])).toEqual(run.tags.map((tag) => [tag.serial, 'no_tag']));
    expect(await wronglyBound()).toBe(0);
  });

  it.each([
    ['an EPC of the wrong length', 'short', /voided: the tag read-back could not be read .*hex digits/],
    ['garbage', 'garbage', /voided: the tag read-back could not be read .*not hexadecimal/],
  ] as const)('voids the serial when the read-back is %s, with no retry under a policy of none', async (_, answer, message) => {
    const emulator = await rfidPrinter(`RFID-${answer}`);
    const lotId = await serializedLot(t.db, `R-${answer}`);
    const { queued, job } = await printOne(emulator, `RFID-${answer}`, lotId, [answer], 'lot-rfid-once');
    expect(job).toMatchObject({ status: 'voided', serial: queued.serials[0] });
    expect(job.lastError).toMatch(message);
    expect(await reconcileTags(t.db, 'job', job.id)).toMatchObject({ printed: 1, encoded: 0, voided: 1, balanced: true });
    expect(emulator.formats()).toHaveLength(1);
    expect(await wronglyBound()).toBe(0);
  });

  it('previews an RFID label: the EPC for the sample serial, drawn without the tag commands getting in the way', async () => {
    const id = (await t.db.query<{ id: string }>(`SELECT id FROM label_templates WHERE name = 'lot-rfid' AND status = 'approved'`)).rows[0]!.id;
    const preview = await previewTemplate(t.db, id, null);
    const epc = /\^RFW,H,,,A\^FD([0-9A-F]+)\^FS/.exec(preview.zpl)![1]!;
    expect(decodeEpc(epc)).toMatchObject({ scheme: 'sgtin-198', serial: 'SN0000001', companyPrefix: '6901234' });
    expect(Buffer.from(preview.png, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('never hands a voided serial out again, and refuses to bind or reprint it', async () => {
    const voided = (await t.db.query<{ item_id: string; serial: string }>(`SELECT item_id, serial FROM voided_serials`)).rows;
    expect(voided.length).toBeGreaterThanOrEqual(5);
    const itemId = voided[0]!.item_id;
    // Turn the item's counter back so the rule makes the voided numbers again: allocation still skips them.
    await t.db.query(`UPDATE number_counters SET value = 0 WHERE scope_key = $1`, [itemId]);
    const fresh = await t.db.transaction((tx) => allocateSerials(tx, itemId, null, 50, plantToday()));
    expect(fresh.filter((s) => voided.some((v) => v.serial === s))).toEqual([]);
    await expect(t.db.query(`DELETE FROM voided_serials WHERE serial = $1`, [voided[0]!.serial])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM serials WHERE item_id = $1 AND serial = $2`, [itemId, voided[0]!.serial])).rejects.toThrow();
    const printed = (await t.db.query<{ id: string }>(`SELECT id FROM print_jobs WHERE rfid_epc IS NOT NULL AND status = 'printed' LIMIT 1`)).rows[0]!;
    await expect(reprintJob(t.db, ACTOR, printed.id, { reason: 'torn' })).rejects.toMatchObject({ status: 422, code: 'rfid_no_reprint' });
  });
});

describe('RFID reconciliation over the API', () => {
  it('answers a print run and a job with printed = encoded + voided, and 404 for a run without RFID labels', async () => {
    const app = await testApp(t.db);
    const operator = await signIn(app, 'clerk', password);
    const res = await app.request(`/api/print-runs/${retriedRun!}/rfid`, bearer(operator));
    expect(res.status).toBe(200);
    const run = (await res.json()) as { printed: number; encoded: number; voided: number; balanced: boolean; tags: { jobId: string; outcome: string }[] };
    expect(run).toMatchObject({ printed: 2, encoded: 1, voided: 1, balanced: true });
    const job = await app.request(`/api/print-jobs/${run.tags[0]!.jobId}/rfid`, bearer(operator));
    expect(await job.json()).toMatchObject({ scope: 'job', printed: 2, encoded: 1, voided: 1 });
    const none = await app.request('/api/print-runs/00000000-0000-4000-8000-000000000000/rfid', bearer(operator));
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('looks up a scanned tag: bound to its serial, a voided serial, a serial never encoded, and hex that is no EPC', async () => {
    const app = await testApp(t.db);
    const clerk = await signIn(app, 'clerk', password);
    const tag = async (epc: string) => {
      const res = await app.request(`/api/rfid/${epc}`, bearer(clerk));
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const run = await reconcileTags(t.db, 'run', retriedRun!);
    const [voided, encoded] = run.tags;
    expect(await tag(encoded!.epc.toLowerCase())).toMatchObject({ status: 200, body: { standing: 'encoded', serial: encoded!.serial, gtin: '06901234000054', lot: { lotNumber: 'R-PREV' } } });
    expect(await tag(voided!.epc)).toMatchObject({ status: 200, body: { standing: 'voided', voidedReason: 'wrong_tag', serial: voided!.serial } });
    const itemId = (await t.db.query<{ id: string }>(`SELECT id FROM items WHERE sku = 'CVC-7F'`)).rows[0]!.id;
    const [barcodeOnly] = await t.db.transaction((tx) => allocateSerials(tx, itemId, null, 1, plantToday()));
    const unencoded = encodeSgtin('sgtin-96', { gtin: '06901234000054', serial: barcodeOnly!, companyPrefixLength: 7 });
    expect(await tag(unencoded.hex)).toMatchObject({ status: 200, body: { standing: 'not_encoded', serial: barcodeOnly, jobId: null } });
    // The same serial under another filter value is a copy of the tag, not the tag it is bound to.
    const copy = encodeSgtin('sgtin-96', { gtin: '06901234000054', serial: encoded!.serial, companyPrefixLength: 7, filter: 3 });
    expect(await tag(copy.hex)).toMatchObject({ status: 200, body: { standing: 'other_tag' } });
    expect(await tag('E2801160600002054C0B1A3F')).toMatchObject({ status: 400, body: { error: { code: 'bad_epc' } } });
    expect((await tag('not-hex')).status).toBe(400);
  });
});
