import { beforeAll, describe, expect, it } from 'vitest';
import type { PrinterEmulator, RfidBehaviour } from '../../printers/emulator';
import { bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { listJobs } from './job-view';
import { addPrinter, getPrinter, type PrinterRfidPolicy } from './printers';
import { recoverExpiredLeases } from './queue';
import { lookUpTag } from './rfid-lookup';
import { retriesFor } from './rfid-policy';
import { reconcileTags } from './rfid-reconcile';
import { printLot, resolveUncertain } from './spool';
import { rfidBench, serializedLot } from './test-support';

/*
 * RFID labels whose read-back never came, and how people settle them; each printer's RFID
 * policy. Everything runs through the spool and an emulated printer over TCP, on the database.
 */

const ACTOR = { id: null, name: 'rfid test' };
const bench = rfidBench('rfid_uncertain', { workerId: 'rfid-uncertain-worker', answerTimeoutMs: 5000 });

let app: TestApp;
let supervisor: string;
let labels: string;
let clerk: string;

beforeAll(async () => {
  app = await testApp(bench.db);
  [supervisor, labels, clerk] = await Promise.all([signIn(app, 'supervisor', bench.password), signIn(app, 'labels', bench.password), signIn(app, 'clerk', bench.password)]);
});

/** Prints `quantity` RFID labels of a new lot with the emulator's tags answering as told, and waits until every job settles. */
async function printRun(emulator: PrinterEmulator, printer: string, lotNumber: string, answers: RfidBehaviour[], options: { quantity?: number; template?: string } = {}) {
  const lotId = await serializedLot(bench.db, lotNumber);
  return { lotId, ...(await bench.printRun(emulator, printer, lotId, answers, options)) };
}

const post = async (path: string, body: unknown, token = supervisor) => {
  const res = await app.request(path, json('POST', body, token));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } } };
};
const settle = (jobId: string, body: unknown, token = supervisor) => post(`/api/print-jobs/${jobId}/rfid/resolve`, body, token);

/** Jobs left uncertain by the tests below, for the settlement tests: [silent, cut]. */
const doubted: { jobId: string; serial: string; epc: string; tagHolds: string }[] = [];

describe('an RFID label whose read-back never comes is uncertain, its serial held', () => {
  it.each([
    ['silent', 'the printer answers ~HS but sends no read-back past the printer’s read-back timeout', /no RFID read-back within 500 ms/],
    ['cut', 'the printer drops the connection when the label prints', /ECONNRESET|closed the connection|no RFID read-back/],
  ] as const)('%s: %s', async (answer, _, why) => {
    const emulator = await bench.printer(`RFID-${answer}`, { readBackTimeoutMs: 500 });
    const { queued, jobs } = await printRun(emulator, `RFID-${answer}`, `U-${answer}`, [answer]);
    const serial = queued.serials[0]!;
    expect(jobs[0]).toMatchObject({ status: 'uncertain', serial });
    // One label went out and was not retried: nobody knows whether its tag holds the EPC.
    expect(emulator.formats()).toHaveLength(1);
    const tagHolds = emulator.formats()[0]!.tag!.read;
    const run = await reconcileTags(bench.db, 'run', queued.runId);
    expect(run).toMatchObject({ printed: 1, encoded: 0, voided: 0, uncertain: 1, balanced: true, pending: 0 });
    expect(run.tags).toEqual([expect.objectContaining({ serial, outcome: 'uncertain', readBack: null, reason: null, detail: expect.stringMatching(why) })]);
    // Held: neither bound nor voided, and the tag's lookup says so.
    expect((await bench.db.query(`SELECT 1 FROM voided_serials WHERE serial = $1 UNION ALL SELECT 1 FROM rfid_encodings WHERE serial = $1`, [serial])).rows).toEqual([]);
    expect(await lookUpTag(bench.db, tagHolds)).toMatchObject({ standing: 'uncertain', serial, jobId: jobs[0]!.id });
    doubted.push({ jobId: jobs[0]!.id, serial, epc: run.tags[0]!.epc, tagHolds });
    expect(await bench.wronglyBound()).toBe(0);
  });

  it('holds the serial of an RFID label whose spool stopped mid-send (lease recovery), as the worker does', async () => {
    const lotId = await serializedLot(bench.db, 'U-LEASE');
    // No spool runs in this test: the job is only touched as a stopped worker left it.
    const printer = 'RFID-ASLEEP';
    await addPrinter(bench.db, ACTOR, { name: printer, host: '127.0.0.1', port: 9, dpi: 203 }, { allowLocal: true });
    const queued = await printLot(bench.db, ACTOR, { lotId, templateName: 'lot-rfid', printer, quantity: 1 });
    // The job as a stopped worker leaves it: leased and sent, its lease run out.
    await bench.db.query(`UPDATE print_jobs SET status = 'printing', lease_owner = 'gone', lease_until = now() - interval '1 second' WHERE id = $1`, [queued.jobIds[0]]);
    expect(await recoverExpiredLeases(bench.db)).toBeGreaterThanOrEqual(1);
    expect(await reconcileTags(bench.db, 'job', queued.jobIds[0]!)).toMatchObject({ printed: 1, uncertain: 1, balanced: true, tags: [{ outcome: 'uncertain', detail: 'the spool stopped while this job was being sent' }] });
    const settled = await settle(queued.jobIds[0]!, { action: 'destroyed', reason: 'Label never found at the printer' });
    expect(settled).toMatchObject({ status: 200, body: { outcome: 'voided', reason: 'destroyed', epcRead: null } });
  });
});

describe('a person settles an uncertain RFID label by its tag', () => {
  it('refuses bad input with the field named, and the generic settlement of an RFID job', async () => {
    const { jobId } = doubted[0]!;
    const cases: [unknown, number, string, string][] = [
      [{ action: 'tag_read', epc: 'not-hex', reason: 'read at the bench' }, 400, 'invalid_request', 'body.epc'],
      [{ action: 'tag_read', epc: '3035', reason: 'read at the bench' }, 400, 'invalid_request', 'body.epc'],
      [{ action: 'tag_read', reason: 'read at the bench' }, 400, 'invalid_request', 'body.epc'],
      [{ action: 'tag_read', epc: doubted[0]!.tagHolds, reason: '   ' }, 400, 'invalid_request', 'body.reason'],
      [{ action: 'destroyed', reason: 'x'.repeat(501) }, 400, 'invalid_request', 'body.reason'],
      [{ action: 'destroyed', reason: 'torn\u0000' }, 400, 'invalid_text', 'body.reason'],
      [{ action: 'destroyed', reason: 'torn \uD800' }, 400, 'invalid_text', 'body.reason'],
      [{ action: 'printed', reason: 'looks fine' }, 400, 'invalid_request', 'body.action'],
      [{ action: 'destroyed', reason: 'torn', epc: doubted[0]!.tagHolds }, 400, 'invalid_request', 'body'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await settle(jobId, body);
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
      const named = res.body.error?.details?.field ?? (res.body.error?.details?.issues as { field: string }[] | undefined)?.[0]?.field;
      expect(named, JSON.stringify(body)).toBe(field);
    }
    expect((await settle(jobId, { action: 'destroyed', reason: 'torn' }, clerk)).status).toBe(403);
    expect((await settle('00000000-0000-4000-8000-000000000000', { action: 'destroyed', reason: 'torn' })).status).toBe(404);
    await expect(resolveUncertain(bench.db, ACTOR, jobId, { action: 'printed', reason: 'looks fine' })).rejects.toMatchObject({ status: 422, code: 'rfid_settle_by_tag' });
    await expect(resolveUncertain(bench.db, ACTOR, jobId, { action: 'cancel', reason: 'drop it' })).rejects.toMatchObject({ status: 422, code: 'rfid_settle_by_tag' });
    // Nothing of the refused attempts was written.
    expect(await reconcileTags(bench.db, 'job', jobId)).toMatchObject({ uncertain: 1, encoded: 0, voided: 0 });
  });

  it('binds the serial when the tag read carries the EPC intended (given in lower case with 0x), and refuses a second settlement with 409', async () => {
    const { jobId, serial, epc, tagHolds } = doubted[0]!;
    expect(tagHolds).toBe(epc);
    const reason = '在打印机旁读取芯片，ＥＰＣ一致';
    const settled = await settle(jobId, { action: 'tag_read', epc: `0x${tagHolds.toLowerCase()}`, reason });
    expect(settled).toMatchObject({ status: 200, body: { jobId, serial, epc, epcRead: epc, outcome: 'encoded', reason: null } });
    expect(await reconcileTags(bench.db, 'job', jobId)).toMatchObject({ printed: 1, encoded: 1, voided: 0, uncertain: 0, balanced: true, tags: [{ outcome: 'encoded', readBack: epc }] });
    expect((await listJobs(bench.db, { limit: 200 })).find((j) => j.id === jobId)).toMatchObject({ status: 'printed', resolution: 'tag_read' });
    expect(await lookUpTag(bench.db, epc)).toMatchObject({ standing: 'encoded', serial });
    const audited = await bench.db.query<{ after: { serial: string; outcome: string }; reason: string }>(`SELECT after, reason FROM audit_log WHERE action = 'label.rfid_uncertain_settled' AND after->>'job' = $1`, [jobId]);
    expect(audited.rows).toEqual([{ after: expect.objectContaining({ serial, outcome: 'encoded' }), reason }]);
    const again = await settle(jobId, { action: 'destroyed', reason: 'second thoughts' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(await bench.wronglyBound()).toBe(0);
  });

  it('voids the serial when the tag read carries another EPC, and a wrong EPC never binds', async () => {
    const { jobId, serial, epc } = doubted[1]!;
    // The next label's tag, read by mistake: one digit off.
    const other = `${epc.slice(0, -1)}${epc.endsWith('0') ? '1' : '0'}`;
    const settled = await settle(jobId, { action: 'tag_read', epc: other, reason: 'Read at the bench' });
    expect(settled).toMatchObject({ status: 200, body: { outcome: 'voided', reason: 'wrong_tag', epcRead: other } });
    expect(await reconcileTags(bench.db, 'job', jobId)).toMatchObject({ printed: 1, encoded: 0, voided: 1, uncertain: 0, balanced: true, tags: [{ outcome: 'voided', reason: 'wrong_tag', readBack: other }] });
    expect((await bench.db.query(`SELECT reason FROM voided_serials WHERE serial = $1`, [serial])).rows).toEqual([{ reason: 'wrong_tag' }]);
    expect((await listJobs(bench.db, { limit: 200 })).find((j) => j.id === jobId)).toMatchObject({ status: 'voided', resolution: 'tag_read' });
    expect(await lookUpTag(bench.db, epc)).toMatchObject({ standing: 'voided', voidedReason: 'wrong_tag' });
    expect((await settle(jobId, { action: 'tag_read', epc, reason: 'try again' })).status).toBe(409);
    expect(await bench.wronglyBound()).toBe(0);
  });

  it('settles a run: printed = encoded + voided + uncertain at every step', async () => {
    const emulator = await bench.printer('RFID-RUN', { readBackTimeoutMs: 500 });
    // Four labels: right; no tag then right (a retry); silent; right.
    const { queued, jobs } = await printRun(emulator, 'RFID-RUN', 'U-RUN', ['written', 'no_tag', 'written', 'silent', 'written'], { quantity: 4 });
    expect(jobs.map((j) => j.status).sort()).toEqual(['printed', 'printed', 'printed', 'uncertain']);
    expect(await reconcileTags(bench.db, 'run', queued.runId)).toMatchObject({ printed: 5, encoded: 3, voided: 1, uncertain: 1, balanced: true });
    const runs = await app.request('/api/rfid-runs?limit=5', bearer(clerk));
    const listed = ((await runs.json()) as { runs: { runId: string; lotNumber: string; labels: number; reconciliation: Record<string, unknown> }[] }).runs;
    expect(listed[0]).toMatchObject({ runId: queued.runId, lotNumber: 'U-RUN', labels: 4, reconciliation: { printed: 5, encoded: 3, voided: 1, uncertain: 1, balanced: true } });
    const uncertain = jobs.find((j) => j.status === 'uncertain')!;
    expect((await settle(uncertain.id, { action: 'destroyed', reason: 'Label torn at the peeler' })).body).toMatchObject({ outcome: 'voided', reason: 'destroyed' });
    const after = await app.request(`/api/print-runs/${queued.runId}/rfid`, bearer(clerk));
    expect(await after.json()).toMatchObject({ printed: 5, encoded: 3, voided: 2, uncertain: 0, balanced: true });
    expect(await bench.wronglyBound()).toBe(0);
  });
});

describe("a printer's RFID policy overrides the template's retries", () => {
  it.each([
    [{ retry: true, retries: null }, 1],
    [{ retry: true, retries: 3 }, 3],
    [{ retry: true, retries: 0 }, 0],
    [{ retry: false, retries: 3 }, 0],
  ])('%o with a template retrying once: %i retries', (printer, expected) => {
    expect(retriesFor({ retries: 1 }, printer)).toBe(expected);
  });

  it('retries more than the template allows, and not at all, as the printer says', async () => {
    const more = await bench.printer('RFID-MORE', { retries: 2 });
    const { jobs } = await printRun(more, 'RFID-MORE', 'P-MORE', ['no_tag', 'no_tag', 'written'], { template: 'lot-rfid-once' });
    expect(jobs[0]!.status).toBe('printed');
    expect(more.formats()).toHaveLength(3);
    const never = await bench.printer('RFID-NEVER', { retry: false });
    const { jobs: once } = await printRun(never, 'RFID-NEVER', 'P-NEVER', ['no_tag']);
    expect(once[0]).toMatchObject({ status: 'voided', lastError: expect.stringMatching(/no retry left/) });
    expect(never.formats()).toHaveLength(1);
    expect(await bench.wronglyBound()).toBe(0);
  });

  it('is changed over the API by a label admin, checked field by field, and listed with the printer', async () => {
    const printer = await getPrinter(bench.db, 'RFID-NEVER');
    const patch = (body: unknown, token = labels) => app.request(`/api/printers/${printer.id}/rfid-policy`, json('PATCH', body, token));
    const changed = await patch({ retry: true, retries: 2, readBackTimeoutMs: 8000 });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ rfidPolicy: { retry: true, retries: 2, readBackTimeoutMs: 8000 }, version: printer.version + 1 });
    // Left out: kept; null: back to the template's.
    expect(await (await patch({ retries: null })).json()).toMatchObject({ rfidPolicy: { retry: true, retries: null, readBackTimeoutMs: 8000 } });
    for (const [body, field] of [
      [{ retries: 6 }, 'body.retries'],
      [{ retries: -1 }, 'body.retries'],
      [{ retries: 1.5 }, 'body.retries'],
      [{ readBackTimeoutMs: 100 }, 'body.readBackTimeoutMs'],
      [{ readBackTimeoutMs: '5000' }, 'body.readBackTimeoutMs'],
      [{ retry: 'no' }, 'body.retry'],
      [{ antenna: 'B' }, 'body'],
    ] as const) {
      const res = await patch(body);
      const error = ((await res.json()) as { error: { code: string; details: { issues: { field: string }[] } } }).error;
      expect([res.status, error.code, error.details.issues[0]!.field], JSON.stringify(body)).toEqual([400, 'invalid_request', field]);
    }
    expect((await patch({ retries: 1 }, supervisor)).status).toBe(403);
    const listed = await app.request('/api/printers', bearer(clerk));
    const shown = ((await listed.json()) as { printers: { name: string; rfidPolicy: PrinterRfidPolicy }[] }).printers.find((p) => p.name === 'RFID-NEVER');
    expect(shown?.rfidPolicy).toEqual({ retry: true, retries: null, readBackTimeoutMs: 8000 });
    const audited = await bench.db.query(`SELECT 1 FROM audit_log WHERE action = 'printer.rfid_policy_changed' AND entity_id = $1`, [printer.id]);
    expect(audited.rows).toHaveLength(2);
    const registered = await app.request('/api/printers', json('POST', { name: 'RFID-NEW', host: 'printer.example', rfidPolicy: { retries: 9 } }, labels));
    expect(registered.status).toBe(400);
  });
});
