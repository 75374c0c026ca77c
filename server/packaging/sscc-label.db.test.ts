import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../domain/gs1';
import { readZplFields } from '../../domain/labels';
import { composeSscc } from '../../domain/sscc';
import type { OpProblem } from '../../sync';
import { registerPrinter } from '../printing/printers';
import { loadDemoData } from '../seed/demo';
import { bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, newOp, pushOpsAs, type Handheld } from '../test-support/handheld';

let t: TestDb;
let app: TestApp;
let packer: Handheld;
let labels: string;
let picker: string;

const SYRINGE = '06901234000016';

beforeAll(async () => {
  t = await openTestDb('sscc_label');
  app = await testApp(t.db);
  const password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  labels = await signIn(app, 'labels', password);
  picker = await signIn(app, 'picker', password);
  packer = await enrolAndSignIn(app, 'TC52 dock 3', 'clerk', password);
  await registerPrinter(t.db, { name: 'DOCK-ZT411', host: '127.0.0.1', port: 9199, dpi: 203 });
  await registerPrinter(t.db, { name: 'FINE-600', host: '127.0.0.1', port: 9198, dpi: 600 });
});
afterAll(() => t.close());

async function outcomeOf(id: string) {
  const row = await t.db.query<{ status: string; outcome: { message: string; problems?: OpProblem[] } }>('SELECT status, outcome FROM ops WHERE id = $1', [id]);
  return row.rows[0]!;
}

const block = (device: Handheld, body: unknown) => app.request('/api/logistics/device-ssccs', { method: 'POST', headers: device.headers, body: JSON.stringify(body) });

describe('logistics settings', () => {
  it('holds the demo plant settings, and only label admins and admins change them, with a whole GS1 prefix and clean text', async () => {
    const read = (await (await app.request('/api/logistics/settings', bearer(picker))).json()) as { settings: { companyPrefix: string; extension: number } };
    expect(read.settings).toMatchObject({ companyPrefix: '6901234', extension: 1 });
    const put = (body: unknown, token = labels) => app.request('/api/logistics/settings', json('PUT', body, token));
    const good = { companyPrefix: '6901234', extension: 2, shipFrom: { name: '苏州演示医疗器械有限公司', address: ['苏州工业园区演示路1号'] } };
    expect((await put(good, picker)).status).toBe(403);
    const saved = await put(good);
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { settings: unknown }).settings).toEqual(good);
    const refusal = async (body: unknown) => {
      const res = await put(body);
      return [res.status, ((await res.json()) as { error: { code: string; details?: { field?: string } } }).error] as const;
    };
    expect(await refusal({ ...good, companyPrefix: '690123' })).toMatchObject([422, { code: 'bad_company_prefix' }]);
    expect(await refusal({ ...good, shipFrom: { name: 'Plant\u0000 2', address: [] } })).toMatchObject([400, { code: 'invalid_text', details: { field: 'body.shipFrom.name' } }]);
    expect(await refusal({ ...good, shipFrom: { name: 'Plant', address: ['\ud800 road'] } })).toMatchObject([400, { code: 'invalid_text', details: { field: 'body.shipFrom.address.0' } }]);
    expect(await refusal({ ...good, extension: 10 })).toMatchObject([400, {}]);
    const after = (await (await app.request('/api/logistics/settings', bearer(picker))).json()) as { settings: unknown };
    expect(after.settings).toEqual(good);
  });
});

describe('SSCCs for a handheld', () => {
  it('issues a block to the enrolled handheld only, recorded as its own, and never the same SSCC twice', async () => {
    const first = await block(packer, { count: 7 });
    expect(first.status).toBe(201);
    const a = ((await first.json()) as { ssccs: string[] }).ssccs;
    const b = ((await (await block(packer, {})).json()) as { ssccs: string[] }).ssccs;
    expect(a).toHaveLength(7);
    expect(b).toHaveLength(20);
    expect(new Set([...a, ...b]).size).toBe(27);
    const rows = await t.db.query<{ device_id: string }>('SELECT device_id FROM sscc_issued WHERE sscc = ANY($1)', [[...a, ...b]]);
    expect(rows.rows.map((r) => r.device_id)).toEqual(Array(27).fill(packer.deviceId));
    // A session opened without the handheld's enrolment does not speak for one.
    expect((await app.request('/api/logistics/device-ssccs', json('POST', { count: 1 }, picker))).status).toBe(403);
    for (const count of [0, 201, 1.5]) expect((await block(packer, { count })).status).toBe(400);
  });
});

describe('a logistic label asked for on a handheld', () => {
  it('packs a case and prints its label in one push: the label carries the SSCC lowest and the content of the case as packed', async () => {
    const [caseSscc] = ((await (await block(packer, { count: 1 })).json()) as { ssccs: string[] }).ssccs as [string];
    const serial = (n: number) => ({ gtin: SYRINGE, lotNumber: 'S24110701', serial: `L${n}`, qty: 1 });
    const ops = [
      newOp(packer, 'pack', { parent: caseSscc, spec: 'case-48', child: serial(1), seenParent: null }),
      newOp(packer, 'pack', { parent: caseSscc, child: serial(2), seenParent: null }),
      newOp(packer, 'print_sscc', { sscc: caseSscc, printer: 'DOCK-ZT411', size: 'a6' }),
    ];
    await pushOpsAs(app, packer, ops);
    expect(await outcomeOf(ops[2]!.id)).toMatchObject({ status: 'applied', outcome: { message: `logistic label of ${caseSscc} queued on DOCK-ZT411` } });
    const job = await t.db.query<{ zpl: string; sscc: string; template_id: string | null; op_id: string; status: string }>('SELECT zpl, sscc, template_id, op_id, status FROM print_jobs WHERE op_id = $1', [ops[2]!.id]);
    expect(job.rows).toHaveLength(1);
    expect(job.rows[0]).toMatchObject({ sscc: caseSscc, template_id: null, status: 'queued' });
    const bars = readZplFields(job.rows[0]!.zpl).flatMap((f) => (f.kind === 'code128' && 'data' in f ? [f.data] : []));
    const elements = bars.map((data) => {
      const read = parse(data, { referenceYear: 2026, checkAssociations: false });
      if (!read.ok) throw new Error(read.error.message);
      return read.elements.map((e) => `(${e.ai})${e.value}`);
    });
    // Drawn bottom up: the SSCC alone in the first symbol, the lowest on the label.
    expect(elements[0]).toEqual([`(00)${caseSscc}`]);
    expect(elements.slice(1).flat()).toEqual(expect.arrayContaining([`(02)${SYRINGE}`, '(37)2', '(10)S24110701']));
    // The console's job list shows it as the built-in logistic label.
    const listed = (await (await app.request('/api/print-jobs?limit=50', bearer(labels))).json()) as { jobs: { template: string; serial: string | null }[] };
    expect(listed.jobs).toEqual(expect.arrayContaining([expect.objectContaining({ template: 'gs1-logistic', serial: caseSscc })]));
  });

  it('refuses, writing no job, an SSCC Lotline did not issue, a printer it does not know, and a 600 dpi printer', async () => {
    const notIssued = composeSscc(9, '6901234', 424242n);
    const [mine] = ((await (await block(packer, { count: 1 })).json()) as { ssccs: string[] }).ssccs as [string];
    const ops = [
      newOp(packer, 'print_sscc', { sscc: notIssued, printer: 'DOCK-ZT411' }),
      newOp(packer, 'print_sscc', { sscc: mine, printer: 'NO-SUCH' }),
      newOp(packer, 'print_sscc', { sscc: mine, printer: 'FINE-600' }),
      newOp(packer, 'print_sscc', { sscc: '106141410000000018', printer: 'DOCK-ZT411' }),
    ];
    await pushOpsAs(app, packer, ops);
    const causes = [];
    for (const op of ops) {
      const o = await outcomeOf(op.id);
      expect(o.status).toBe('rejected');
      causes.push(o.outcome.problems?.[0]?.params.cause ?? o.outcome.message);
    }
    expect(causes.slice(0, 3)).toEqual(['sscc_not_issued', 'unknown_printer', 'printer_dpi']);
    expect(String(causes[3])).toContain('check digit');
    const jobs = await t.db.query('SELECT 1 FROM print_jobs WHERE op_id = ANY($1::uuid[])', [ops.map((o) => o.id)]);
    expect(jobs.rows).toHaveLength(0);
  });
});
