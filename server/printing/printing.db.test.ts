import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZplFields } from '../../domain/labels';
import { loadTemplate } from '../../printers/templates';
import { loadDemoData } from '../seed/demo';
import { bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, newOp, pullCollection, pushOpsAs } from '../test-support/handheld';
import { addPrinter } from './printers';
import { serializedLot } from './test-support';

let t: TestDb;
let app: TestApp;
let password: string;
let labels: string;
let qa: string;
let supervisor: string;

beforeAll(async () => {
  t = await openTestDb('printing');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  labels = await signIn(app, 'labels', password);
  qa = await signIn(app, 'qa', password);
  supervisor = await signIn(app, 'supervisor', password);
  await addPrinter(t.db, { id: null, name: 'test' }, { name: 'Dock printer', host: '127.0.0.1', port: 9, dpi: 203 }, { allowLocal: true });
});
afterAll(() => t.close());

const body = async <T>(res: Response) => (await res.json()) as T;

describe('label templates: draft, signed approval, diff, preview', () => {
  it('starts with the starter templates approved, and versions a new draft', async () => {
    const list = await body<{ templates: { name: string; version: number; status: string }[] }>(await app.request('/api/templates', bearer(labels)));
    expect(list.templates.filter((x) => x.status === 'approved').map((x) => x.name).sort()).toEqual(['carton-zpl', 'lot-gs1', 'lot-rfid', 'udi-nmpa']);
    const changed = { ...(await loadTemplate('lot-gs1')), description: 'Lot label with a bigger DataMatrix' };
    const draft = await app.request('/api/templates', json('POST', changed, labels));
    expect(draft.status).toBe(201);
    expect(await draft.json()).toMatchObject({ name: 'lot-gs1', version: 2, status: 'draft' });
  });

  it('refuses a broken template on save, saying what is wrong', async () => {
    const res = await app.request('/api/templates', json('POST', { kind: 'zpl', name: 'broken', dpi: 203, widthIn: 2, heightIn: 1, zpl: '^XA^FO10,10^FD{{nosuchfield}}^FS' }, labels));
    expect(res.status).toBe(422);
    expect((await body<{ error: { message: string } }>(res)).error.message).toMatch(/nosuchfield|\^XZ/);
  });

  it('lets only QC approve, under a signature, and retires the version approved before', async () => {
    const list = await body<{ templates: { id: string; name: string; version: number; status: string }[] }>(await app.request('/api/templates', bearer(labels)));
    const draft = list.templates.find((x) => x.name === 'lot-gs1' && x.version === 2)!;
    const first = list.templates.find((x) => x.name === 'lot-gs1' && x.version === 1)!;
    expect((await app.request(`/api/templates/${draft.id}/approve`, json('POST', { password, reason: 'reviewed' }, labels))).status).toBe(403);
    expect((await app.request(`/api/templates/${draft.id}/approve`, json('POST', { password: 'wrong', reason: 'reviewed' }, qa))).status).toBe(403);
    const diff = await body<{ changes: { path: string }[] }>(await app.request(`/api/templates/${draft.id}/diff?from=${first.id}`, bearer(qa)));
    expect(diff.changes.map((c) => c.path)).toEqual(['description']);
    const preview = await body<{ zpl: string; png: string }>(await app.request(`/api/templates/${draft.id}/preview`, bearer(qa)));
    expect(preview.zpl).toMatch(/^\^XA/);
    expect(Buffer.from(preview.png, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const approved = await app.request(`/api/templates/${draft.id}/approve`, json('POST', { password, reason: 'preview checked against the drawing' }, qa));
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'approved', approvedBy: '陈静 (QA)' });
    const after = await body<{ templates: { version: number; name: string; status: string }[] }>(await app.request('/api/templates', bearer(labels)));
    expect(after.templates.filter((x) => x.name === 'lot-gs1').map((x) => [x.version, x.status])).toEqual([
      [2, 'approved'],
      [1, 'retired'],
    ]);
  });
});

describe('printing from the console and from handhelds', () => {
  it('queues one job per serial for a serialized lot, and refuses a template that is not approved', async () => {
    const lotId = await serializedLot(t.db, 'C-CONSOLE');
    const res = await app.request('/api/print-jobs', json('POST', { lotId, template: 'lot-gs1', printer: 'Dock printer', quantity: 3 }, supervisor));
    expect(res.status).toBe(201);
    const queued = await body<{ jobIds: string[]; serials: string[]; templateVersion: number }>(res);
    expect(queued).toMatchObject({ templateVersion: 2 });
    expect(queued.jobIds).toHaveLength(3);
    expect(new Set(queued.serials).size).toBe(3);
    const refused = await app.request('/api/print-jobs', json('POST', { lotId, template: 'broken', printer: 'Dock printer', quantity: 1 }, supervisor));
    expect(refused.status).toBe(422);
  });

  it('takes a print op queued offline after a receipt, and one for a lot produced offline, when they sync', async () => {
    const clerk = await enrolAndSignIn(app, 'RCV scanner', 'clerk', password);
    const receive = newOp(clerk, 'receive', { gtin: '06901234000016', lotNumber: 'S-NEW-1', expiresOn: '2029-06-30', qty: 100, locationCode: 'RCV-01' });
    const print = newOp(clerk, 'print', { gtin: '06901234000016', lotNumber: 'S-NEW-1', template: 'lot-gs1', printer: 'Dock printer', quantity: 2 });
    const produce = newOp(clerk, 'produce', { gtin: '06901234000054', qty: 5, locationCode: 'PRD-L1', components: [{ gtin: '06901234000115', lotNumber: 'PP2410A', qty: 5, fromLocationCode: 'A-01-01' }] });
    const finishedLabels = newOp(clerk, 'print', { producedBy: produce.id, template: 'lot-gs1', printer: 'Dock printer', quantity: 5 });
    const badPrinter = newOp(clerk, 'print', { gtin: '06901234000016', lotNumber: 'S-NEW-1', template: 'lot-gs1', printer: 'Nowhere', quantity: 1 });
    await pushOpsAs(app, clerk, [receive, print, produce, finishedLabels, badPrinter]);
    const ops = await t.db.query<{ id: string; status: string; message: string }>(`SELECT id, status, outcome->>'message' AS message FROM ops WHERE id = ANY($1::uuid[])`, [[print.id, finishedLabels.id, badPrinter.id]]);
    const byId = new Map(ops.rows.map((r) => [r.id, r]));
    expect(byId.get(print.id)).toMatchObject({ status: 'applied', message: '2 label(s) queued on Dock printer' });
    expect(byId.get(finishedLabels.id)).toMatchObject({ status: 'applied', message: expect.stringMatching(/^5 label\(s\) queued on Dock printer, serials \d+…\d+$/) });
    expect(byId.get(badPrinter.id)).toMatchObject({ status: 'rejected', message: "No printer 'Nowhere'." });
    const jobs = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM print_jobs WHERE op_id = ANY($1::uuid[])', [[print.id, finishedLabels.id]]);
    expect(jobs.rows[0]!.n).toBe(6); // one job with 2 copies, five serialized jobs
    const lot = await t.db.query<{ id: string }>(`SELECT id FROM lots WHERE lot_number = 'S-NEW-1'`);
    const history = await body<{ events: { kind: string; summary: string }[] }>(await app.request(`/api/lots/${lot.rows[0]!.id}/history`, bearer(supervisor)));
    expect(history.events.filter((e) => e.kind === 'label').map((e) => e.summary)).toEqual(['2 × lot-gs1 v2 on Dock printer — queued']);
  });

  it('replicates printers and only approved template versions to handhelds', async () => {
    const device = await enrolAndSignIn(app, 'Sync scanner', 'clerk', password);
    const pull = async <T>(collection: string) => ({ documents: await pullCollection<T>(app, device, collection, 100) });
    const printers = await pull<{ name: string }>('printers');
    expect(printers.documents.filter((d) => !d._deleted).map((d) => d.name)).toContain('Dock printer');
    const templates = await pull<{ name: string; version: number }>('templates');
    const live = templates.documents.filter((d) => !d._deleted).map((d) => `${d.name} v${d.version}`).sort();
    expect(live).toEqual(['carton-zpl v1', 'lot-gs1 v2', 'lot-rfid v1', 'udi-nmpa v1']);
    expect(templates.documents.find((d) => d.name === 'lot-gs1' && d.version === 1)?._deleted).toBe(true);
  });
});

describe('what a template and a printer may be', () => {
  const zplTemplate = (name: string, lines: string[], size: Record<string, number> = { widthIn: 4, heightIn: 2 }) => ({ kind: 'zpl', name, dpi: 203, ...size, zpl: ['^XA', ...lines, '^XZ'] });

  it.each([
    ['a 32,000 x 32,000-dot label', zplTemplate('huge', ['^FO10,10^A0N,30,30^FDx^FS'], { widthDots: 32_000, heightDots: 32_000 }), 400, /32000x32000 dots .* larger than any Zebra prints/],
    ['a 40-inch label at 203 dpi wider than any head', zplTemplate('wide', ['^FO10,10^A0N,30,30^FDx^FS'], { widthIn: 40, heightIn: 2 }), 400, /larger than any Zebra prints/],
    ['^PQ in raw ZPL', zplTemplate('qty', ['^FO10,10^A0N,30,30^FD{{lot}}^FS', '^PQ5']), 422, /\^PQ changes how many labels/],
    ['~JR in raw ZPL', zplTemplate('reset', ['^FO10,10^A0N,30,30^FD{{lot}}^FS', '~JR']), 422, /~JR resets/],
    ['^JUS in raw ZPL', zplTemplate('save', ['^FO10,10^A0N,30,30^FD{{lot}}^FS', '^JUS']), 422, /\^JU resets/],
  ])('refuses %s with a message that says why', async (_name, template, status, message) => {
    const res = await app.request('/api/templates', json('POST', template, labels));
    expect(res.status).toBe(status);
    expect((await body<{ error: { message: string } }>(res)).error.message).toMatch(message);
  });

  it('refuses to preview or print a stored version that breaks the rules, before drawing anything', async () => {
    const definition = zplTemplate('legacy-qty', ['^FO10,10^A0N,30,30^FD{{lot}}^FS', '^PQ50']);
    const made = await t.db.query<{ id: string }>(`INSERT INTO label_templates (name, version, kind, definition, content_hash, status) VALUES ('legacy-qty', 1, 'zpl', $1, 'x', 'approved') RETURNING id`, [JSON.stringify(definition)]);
    const preview = await app.request(`/api/templates/${made.rows[0]!.id}/preview`, bearer(qa));
    expect(preview.status).toBe(422);
    const lotId = await serializedLot(t.db, 'C-LEGACY');
    const print = await app.request('/api/print-jobs', json('POST', { lotId, template: 'legacy-qty', printer: 'Dock printer', quantity: 1 }, supervisor));
    expect(print.status).toBe(422);
    expect((await body<{ error: { message: string } }>(print)).error.message).toMatch(/\^PQ/);
    const big = { ...zplTemplate('legacy-big', ['^FO10,10^A0N,30,30^FD{{lot}}^FS']), widthDots: 32_000, heightDots: 32_000, widthIn: undefined, heightIn: undefined };
    const bigRow = await t.db.query<{ id: string }>(`INSERT INTO label_templates (name, version, kind, definition, content_hash) VALUES ('legacy-big', 1, 'zpl', $1, 'y') RETURNING id`, [JSON.stringify(big)]);
    expect((await app.request(`/api/templates/${bigRow.rows[0]!.id}/preview`, bearer(qa))).status).toBe(400);
  });

  it.each([
    ['127.0.0.1', 400, /loopback/],
    ['localhost', 400, /loopback/],
    ['169.254.169.254', 400, /link-local/],
    ['[::1]', 400, /loopback/],
    ['not a host!', 400, /not an IP address or a host name/],
    ['10.20.30.40', 201, null],
  ])('registers a printer at %s: %i', async (host, status, message) => {
    const res = await app.request('/api/printers', json('POST', { name: `Printer ${host}`, host, port: 9100 }, labels));
    expect(res.status).toBe(status);
    if (message) expect((await body<{ error: { message: string } }>(res)).error.message).toMatch(message);
  });

  it('sets Chinese item names in the printer\'s CJK font, or sends them drawn as a picture to a printer without one', async () => {
    await addPrinter(t.db, { id: null, name: 'test' }, { name: 'CJK printer', host: '127.0.0.1', port: 9, dpi: 203, cjkFont: 'E:SIMSUN.TTF' }, { allowLocal: true });
    const bad = await app.request('/api/printers', json('POST', { name: 'Odd font', host: '10.20.30.41', port: 9100, cjkFont: 'SIMSUN.TTF' }, labels));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('like E:SIMSUN.TTF');
    const lotId = await serializedLot(t.db, 'C-CJK');
    const item = await t.db.query<{ name_zh: string }>('SELECT i.name_zh FROM lots l JOIN items i ON i.id = l.item_id WHERE l.id = $1', [lotId]);
    expect(item.rows[0]!.name_zh).toMatch(/[\u4e00-\u9fff]/);
    const zplOf = async (printer: string) => {
      const res = await app.request('/api/print-jobs', json('POST', { lotId, template: 'lot-gs1', printer, quantity: 1 }, supervisor));
      expect(res.status, await res.clone().text()).toBe(201);
      const [id] = (await body<{ jobIds: string[] }>(res)).jobIds;
      return (await t.db.query<{ zpl: string }>('SELECT zpl FROM print_jobs WHERE id = $1', [id])).rows[0]!.zpl;
    };
    const withFont = await zplOf('CJK printer');
    expect(withFont).toContain(',E:SIMSUN.TTF^FB560,1,0,L^FH\\^FD');
    expect(readZplFields(withFont).some((f) => f.kind === 'text' && f.text === item.rows[0]!.name_zh)).toBe(true);
    const drawn = await zplOf('Dock printer');
    expect(drawn).toMatch(/\^FO232,24\^GFA,\d+,\d+,70,[0-9A-F]+\^FS/);
    expect(readZplFields(drawn).some((f) => f.kind === 'text' && /[\u4e00-\u9fff]/.test(f.text))).toBe(false);
    // The barcodes are the same either way.
    const barcodes = (zpl: string) => readZplFields(zpl).filter((f) => f.kind !== 'text' && f.kind !== 'other');
    expect(barcodes(drawn).map((b) => ('data' in b ? b.data.replace(/21.*$/, '') : ''))).toEqual(barcodes(withFont).map((b) => ('data' in b ? b.data.replace(/21.*$/, '') : '')));
  });

  it('shows printer addresses and connection errors to label admins only', async () => {
    await t.db.query(`UPDATE printers SET state = 'offline', state_detail = '127.0.0.1:9: ECONNREFUSED' WHERE name = 'Dock printer'`);
    const find = async (token: string) => (await body<{ printers: { name: string; host: string | null; stateDetail: string | null }[] }>(await app.request('/api/printers', bearer(token)))).printers.find((p) => p.name === 'Dock printer')!;
    expect(await find(labels)).toMatchObject({ host: '127.0.0.1', stateDetail: '127.0.0.1:9: ECONNREFUSED' });
    expect(await find(supervisor)).toMatchObject({ host: null, stateDetail: 'not reachable' });
  });
});
