import { describe, expect, it } from 'vitest';
import { decodeEpc, encodeSgtin } from '../../domain/epc';
import type { PrinterEmulator, RfidBehaviour } from '../../printers/emulator';
import { allocateSerials } from '../numbering';
import { plantToday } from '../clock';
import { bearer, signIn, testApp } from '../test-support/app';
import { previewTemplate } from './preview';
import { reconcileTags } from './rfid-reconcile';
import { reprintJob } from './spool';
import { rfidBench, serializedLot } from './test-support';

const ACTOR = { id: null, name: 'rfid test' };
const bench = rfidBench('rfid', { workerId: 'rfid-worker', answerTimeoutMs: 2000 });
/** The run whose first label's tag read back the previous label's EPC. */
let retriedRun: string | undefined;

/** Prints one RFID label with the emulator's tags answering as told, label after label (then right), and waits until the job settles. */
async function printOne(emulator: PrinterEmulator, printerName: string, lotId: string, answers: RfidBehaviour[], template = 'lot-rfid') {
  const { queued, jobs } = await bench.printRun(emulator, printerName, lotId, answers, { template });
  return { queued, job: jobs.find((j) => j.id === queued.jobIds[0])! };
}

describe('RFID labels through the spool and the emulated printer over TCP', () => {
  it('binds the serial when the tag reads back the EPC written', async () => {
    const emulator = await bench.printer('RFID-OK');
    const lotId = await serializedLot(bench.db, 'R-OK');
    const { queued, job } = await printOne(emulator, 'RFID-OK', lotId, ['written']);
    expect(job).toMatchObject({ status: 'printed', serial: queued.serials[0] });
    const [format] = emulator.formats();
    const epc = decodeEpc(format!.tag!.epc);
    expect(epc).toMatchObject({ scheme: 'sgtin-96', serial: queued.serials[0], key: { value: '06901234000054' } });
    const run = await reconcileTags(bench.db, 'run', queued.runId);
    expect(run).toMatchObject({ printed: 1, encoded: 1, voided: 0, uncertain: 0, balanced: true, pending: 0 });
    expect(run.tags[0]).toMatchObject({ serial: queued.serials[0], outcome: 'encoded', readBack: format!.tag!.epc });
    expect(await bench.wronglyBound()).toBe(0);
  });

  it("voids a serial whose tag read back the previous label's EPC, and retries once with a new serial", async () => {
    const emulator = await bench.printer('RFID-PREV');
    const lotId = await serializedLot(bench.db, 'R-PREV');
    await printOne(emulator, 'RFID-PREV', lotId, ['written']);
    const { queued, job } = await printOne(emulator, 'RFID-PREV', lotId, ['previous']);
    const first = queued.serials[0]!;
    retriedRun = queued.runId;
    expect(job.status).toBe('printed');
    expect(job.serial).not.toBe(first);
    const run = await reconcileTags(bench.db, 'run', queued.runId);
    expect(run).toMatchObject({ printed: 2, encoded: 1, voided: 1, balanced: true });
    expect(run.tags.map((tag) => [tag.serial, tag.outcome, tag.reason])).toEqual([
      [first, 'voided', 'wrong_tag'],
      [job.serial, 'encoded', null],
    ]);
    // The tag that read back carries the previous label's EPC: it was never bound to the voided serial.
    expect(decodeEpc(run.tags[0]!.readBack!).serial).not.toBe(first);
    expect((await bench.db.query(`SELECT 1 FROM voided_serials WHERE serial = $1 AND reason = 'wrong_tag'`, [first])).rows).toHaveLength(1);
    expect(emulator.formats()).toHaveLength(3);
    expect(await bench.wronglyBound()).toBe(0);
  });

  it('voids a serial when no tag answers (VOID printed), and with no retry left the job ends voided', async () => {
    const emulator = await bench.printer('RFID-VOID');
    const lotId = await serializedLot(bench.db, 'R-VOID');
    const { queued, job } = await printOne(emulator, 'RFID-VOID', lotId, ['no_tag', 'no_tag']);
    expect(job.status).toBe('voided');
    expect(job.lastError).toMatch(/no tag answered .*no retry left/);
    const run = await reconcileTags(bench.db, 'run', queued.runId);
    expect(run).toMatchObject({ printed: 2, encoded: 0, voided: 2, balanced: true });
    expect(run.tags.every((tag) => tag.reason === 'no_tag' && tag.readBack === '')).toBe(true);
    expect(emulator.formats().map((f) => f.tag!.void)).toEqual([true, true]);
    const audited = await bench.db.query<{ after: { serial: string; reason: string } }>(`SELECT after FROM audit_log WHERE action = 'label.serial_voided' AND entity_id = $1 ORDER BY seq`, [lotId]);
    expect(audited.rows.map((r) => [r.after.serial, r.after.reason])).toEqual(run.tags.map((tag) => [tag.serial, 'no_tag']));
    expect(await bench.wronglyBound()).toBe(0);
  });

  it.each([
    ['an EPC of the wrong length', 'short', /voided: the tag read-back could not be read .*hex digits/],
    ['garbage', 'garbage', /voided: the tag read-back could not be read .*not hexadecimal/],
  ] as const)('voids the serial when the read-back is %s, with no retry under a policy of none', async (_, answer, message) => {
    const emulator = await bench.printer(`RFID-${answer}`);
    const lotId = await serializedLot(bench.db, `R-${answer}`);
    const { queued, job } = await printOne(emulator, `RFID-${answer}`, lotId, [answer], 'lot-rfid-once');
    expect(job).toMatchObject({ status: 'voided', serial: queued.serials[0] });
    expect(job.lastError).toMatch(message);
    expect(await reconcileTags(bench.db, 'job', job.id)).toMatchObject({ printed: 1, encoded: 0, voided: 1, balanced: true });
    expect(emulator.formats()).toHaveLength(1);
    expect(await bench.wronglyBound()).toBe(0);
  });

  it('previews an RFID label: the EPC for the sample serial, drawn without the tag commands getting in the way', async () => {
    const id = (await bench.db.query<{ id: string }>(`SELECT id FROM label_templates WHERE name = 'lot-rfid' AND status = 'approved'`)).rows[0]!.id;
    const preview = await previewTemplate(bench.db, id, null);
    const epc = /\^RFW,H,,,A\^FD([0-9A-F]+)\^FS/.exec(preview.zpl)![1]!;
    expect(decodeEpc(epc)).toMatchObject({ scheme: 'sgtin-198', serial: 'SN0000001', companyPrefix: '6901234' });
    expect(Buffer.from(preview.png, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('never hands a voided serial out again, and refuses to bind or reprint it', async () => {
    const voided = (await bench.db.query<{ item_id: string; serial: string }>(`SELECT item_id, serial FROM voided_serials`)).rows;
    expect(voided.length).toBeGreaterThanOrEqual(5);
    const itemId = voided[0]!.item_id;
    // Turn the item's counter back so the rule makes the voided numbers again: allocation still skips them.
    await bench.db.query(`UPDATE number_counters SET value = 0 WHERE scope_key = $1`, [itemId]);
    const fresh = await bench.db.transaction((tx) => allocateSerials(tx, itemId, null, 50, plantToday()));
    expect(fresh.filter((s) => voided.some((v) => v.serial === s))).toEqual([]);
    await expect(bench.db.query(`DELETE FROM voided_serials WHERE serial = $1`, [voided[0]!.serial])).rejects.toThrow(/append-only/);
    await expect(bench.db.query(`DELETE FROM serials WHERE item_id = $1 AND serial = $2`, [itemId, voided[0]!.serial])).rejects.toThrow();
    const printed = (await bench.db.query<{ id: string }>(`SELECT id FROM print_jobs WHERE rfid_epc IS NOT NULL AND status = 'printed' LIMIT 1`)).rows[0]!;
    await expect(reprintJob(bench.db, ACTOR, printed.id, { reason: 'torn' })).rejects.toMatchObject({ status: 422, code: 'rfid_no_reprint' });
  });
});

describe('RFID reconciliation over the API', () => {
  it('answers a print run and a job with printed = encoded + voided, and 404 for a run without RFID labels', async () => {
    const app = await testApp(bench.db);
    const operator = await signIn(app, 'clerk', bench.password);
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
    const app = await testApp(bench.db);
    const clerk = await signIn(app, 'clerk', bench.password);
    const tag = async (epc: string) => {
      const res = await app.request(`/api/rfid/${epc}`, bearer(clerk));
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const run = await reconcileTags(bench.db, 'run', retriedRun!);
    const [voided, encoded] = run.tags;
    expect(await tag(encoded!.epc.toLowerCase())).toMatchObject({ status: 200, body: { standing: 'encoded', serial: encoded!.serial, gtin: '06901234000054', lot: { lotNumber: 'R-PREV' } } });
    expect(await tag(voided!.epc)).toMatchObject({ status: 200, body: { standing: 'voided', voidedReason: 'wrong_tag', serial: voided!.serial } });
    const itemId = (await bench.db.query<{ id: string }>(`SELECT id FROM items WHERE sku = 'CVC-7F'`)).rows[0]!.id;
    const [barcodeOnly] = await bench.db.transaction((tx) => allocateSerials(tx, itemId, null, 1, plantToday()));
    const unencoded = encodeSgtin('sgtin-96', { gtin: '06901234000054', serial: barcodeOnly!, companyPrefixLength: 7 });
    expect(await tag(unencoded.hex)).toMatchObject({ status: 200, body: { standing: 'not_encoded', serial: barcodeOnly, jobId: null } });
    // The same serial under another filter value is a copy of the tag, not the tag it is bound to.
    const copy = encodeSgtin('sgtin-96', { gtin: '06901234000054', serial: encoded!.serial, companyPrefixLength: 7, filter: 3 });
    expect(await tag(copy.hex)).toMatchObject({ status: 200, body: { standing: 'other_tag' } });
    expect(await tag('E2801160600002054C0B1A3F')).toMatchObject({ status: 400, body: { error: { code: 'bad_epc' } } });
    expect((await tag('not-hex')).status).toBe(400);
  });
});
