import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit';
import { DEFAULT_LOGIN_LIMIT } from '../../auth/rate-limit';
import { bearer, fromAddress, json, signIn, testApp, type TestApp } from '../../test-support/app';
import type { TestDb } from '../../test-support/db';
import { openDemoPlant, type DemoPlant, type ErrorBody } from '../../test-support/demo-plant';
import { enrolAndSignIn, newOp, pushOpsAs, type Handheld } from '../../test-support/handheld';
import { pdfPageTexts } from '../../test-support/pdf-text';

const SYRINGE = '06901234000016';

let t: TestDb;
let app: TestApp;
let password: string;
let count: DemoPlant['count'];
let qa: string;
let picker: string;
let dock: Handheld;
let caseId: string;
let caseNumber: string;
let draftId: string;
let hospital: string;
let distributor: string;

interface LetterList {
  jurisdictions: string[];
  consignees: { customerId: string; code: string; name: string; shipped: number; replyCode: { issuedAt: string; answeredAt: string | null } | null; letters: { jurisdiction: string; lang: string; format: string; issuerName: string }[] }[];
}

const audited = (action: string) => count('SELECT 1 FROM audit_log WHERE action = $1', [action]);
const customerId = async (code: string) => (await t.db.query<{ id: string }>('SELECT id FROM customers WHERE code = $1', [code])).rows[0]!.id;
const letterUrl = (customer: string, format: 'pdf' | 'page', query: string) => `/api/recalls/${caseId}/letters/${customer}/${format}?${query}`;
const pdfText = async (customer: string, query: string) => {
  const res = await app.request(letterUrl(customer, 'pdf', query), bearer(qa));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return (await pdfPageTexts(new Uint8Array(await res.arrayBuffer()))).join('\n');
};
/** The code as the printed page shows it: the only place it exists in clear. */
const codeOf = async (customer: string) => {
  const res = await app.request(letterUrl(customer, 'page', 'jurisdiction=US'), bearer(qa));
  expect(res.status).toBe(200);
  return /<p class="code">([0-9A-Z-]+)<\/p>/.exec(await res.text())![1]!;
};
const replies = () => count('SELECT 1 FROM recall_consignee_replies WHERE case_id = $1', [caseId]);
const answer = (code: string, body: unknown, on: TestApp = app, address = '192.0.2.10') => on.request(`/api/public/recall-replies/${code}`, json('POST', body), fromAddress(address));
const look = (code: string, on: TestApp = app, address = '192.0.2.10') => on.request(`/api/public/recall-replies/${code}`, {}, fromAddress(address));

beforeAll(async () => {
  ({ t, app, password, qa, picker, count } = await openDemoPlant('recall_letters'));
  dock = await enrolAndSignIn(app, 'Letters dock', 'clerk', password);
  await pushOpsAs(app, dock, [newOp(dock, 'receive', { gtin: SYRINGE, lotNumber: 'LT-SYR1', qty: 400, locationCode: 'B-02-01', expiresOn: '2029-01-01' })]);
  const lot = (await t.db.query<{ id: string; version: number }>("SELECT id, version FROM lots WHERE lot_number = 'LT-SYR1'")).rows[0]!;
  expect((await app.request(`/api/lots/${lot.id}/status`, json('POST', { to: 'released', meaning: 'released', reason: 'inspected', password, version: lot.version }, qa))).status).toBe(200);
  await pushOpsAs(app, dock, [
    newOp(dock, 'ship', { customerCode: 'HOSP-SH1', lines: [{ gtin: SYRINGE, lotNumber: 'LT-SYR1', qty: 120, fromLocationCode: 'B-02-01' }] }),
    newOp(dock, 'ship', { customerCode: 'HOSP-SH1', lines: [{ gtin: SYRINGE, lotNumber: 'LT-SYR1', qty: 30, fromLocationCode: 'B-02-01' }] }),
    newOp(dock, 'ship', { customerCode: 'DIST-BJ', lines: [{ gtin: SYRINGE, lotNumber: 'LT-SYR1', qty: 77, fromLocationCode: 'B-02-01' }] }),
  ]);
  const terms = { reason: 'plunger seal leaks', healthHazard: 'under-dosing', classes: { fda: 'II', nmpa: 2 }, depth: 'user', strategy: 'return to the plant', effectiveness: { level: 'A' }, jurisdictions: ['US', 'CN'] };
  const made = await app.request('/api/recalls', json('POST', { ...terms, scope: { kind: 'lot', lotNumber: 'LT-SYR1', gtin: SYRINGE } }, qa));
  const draft = ((await made.json()) as { case: { id: string; number: string; version: number } }).case;
  caseId = draft.id;
  caseNumber = draft.number;
  const opened = await app.request(`/api/recalls/${caseId}/open`, json('POST', { meaning: 'approved', reason: 'recall board', password, version: draft.version }, qa));
  expect(opened.status).toBe(200);
  const other = await app.request('/api/recalls', json('POST', { ...terms, scope: { kind: 'lot', lotNumber: 'S24110701', gtin: SYRINGE } }, qa));
  draftId = ((await other.json()) as { case: { id: string } }).case.id;
  hospital = await customerId('HOSP-SH1');
  distributor = await customerId('DIST-BJ');
});
afterAll(() => t.close());

describe('recall letters in the console', () => {
  it('are for open cases: a draft has none, and only QA and supervisors ask', async () => {
    const res = await app.request(`/api/recalls/${draftId}/letters`, json('POST', {}, qa));
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error.code).toBe('case_not_open');
    expect((await app.request(`/api/recalls/${caseId}/letters`, bearer(picker))).status).toBe(403);
    expect((await app.request(letterUrl(hospital, 'pdf', 'jurisdiction=US'))).status).toBe(401);
    expect(await count('SELECT 1 FROM recall_reply_codes')).toBe(0);
  });

  it('issue one reply code per consignee, once, audited, kept only as its SHA-256', async () => {
    const before = await audited('recall.reply_codes_issued');
    const res = await app.request(`/api/recalls/${caseId}/letters`, json('POST', {}, qa));
    expect(res.status).toBe(200);
    const list = (await res.json()) as LetterList;
    expect(list.jurisdictions).toEqual(['US', 'CN']);
    expect(list.consignees.map((c) => [c.code, c.shipped, c.replyCode?.answeredAt])).toEqual([
      ['DIST-BJ', 77, null],
      ['HOSP-SH1', 150, null],
    ]);
    expect(await audited('recall.reply_codes_issued')).toBe(before + 1);
    // Issuing again issues nothing and audits nothing.
    expect((await app.request(`/api/recalls/${caseId}/letters`, json('POST', {}, qa))).status).toBe(200);
    expect(await audited('recall.reply_codes_issued')).toBe(before + 1);

    const code = await codeOf(hospital);
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/);
    const stored = await t.db.query<{ code_hash: string }>('SELECT code_hash FROM recall_reply_codes WHERE case_id = $1 AND customer_id = $2', [caseId, hospital]);
    expect(stored.rows[0]!.code_hash).toBe(createHash('sha256').update(code).digest('hex'));
    const plain = code.replace(/-/g, '');
    for (const table of ['recall_reply_codes', 'recall_letters', 'audit_log']) {
      const rows = await t.db.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t`);
      expect(rows.rows.filter((r) => r.row.includes(code) || r.row.includes(plain))).toEqual([]);
    }
  });

  it('print the consignee’s own lots and quantities with the code, in English and Chinese, and record each issue', async () => {
    const code = await codeOf(hospital);
    const fda = await pdfText(hospital, 'jurisdiction=US');
    expect(fda).toContain('URGENT: MEDICAL DEVICE RECALL');
    expect(fda).toContain('上海市第一人民医院');
    expect(fda).toContain('LT-SYR1');
    expect(fda).toContain('150 EA');
    expect(fda).toContain(code);
    expect(fda).toContain(caseNumber);
    expect(fda).not.toContain('北京医药分销有限公司');
    // The distributor's quantity, as its letter prints it: a bare '77' may be part of a random reply code.
    expect(fda).not.toContain('77 EA');

    const nmpa = await pdfText(hospital, 'jurisdiction=CN');
    expect(nmpa).toContain('医疗器械召回通知');
    expect(nmpa).toContain('二级召回');
    expect(nmpa).toContain('发往贵单位数量');
    expect(nmpa).toContain('上海市第一人民医院');
    expect(nmpa).toContain('LT-SYR1');
    expect(nmpa).toContain('150 EA');
    expect(nmpa).toContain(code);

    const toDistributor = await pdfText(distributor, 'jurisdiction=US&lang=zh-CN');
    expect(toDistributor).toContain('紧急：医疗器械召回');
    expect(toDistributor).toContain('北京医药分销有限公司');
    expect(toDistributor).toContain('77 EA');
    expect(toDistributor).not.toContain(code);
    expect(toDistributor).not.toContain('上海市第一人民医院');

    const page = await app.request(letterUrl(hospital, 'page', 'jurisdiction=CN&lang=en'), bearer(qa));
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Medical Device Recall Notice');
    expect(html).toContain('@media print');
    expect(html).toContain('<svg');
    expect(html).toContain(`/reply/${code}`);

    const list = (await (await app.request(`/api/recalls/${caseId}/letters`, bearer(qa))).json()) as LetterList;
    expect(list.consignees.find((c) => c.code === 'HOSP-SH1')!.letters.map((l) => [l.jurisdiction, l.lang, l.format, l.issuerName])).toEqual([
      ['US', 'en', 'html', 'qa'],
      ['US', 'en', 'html', 'qa'],
      ['US', 'en', 'pdf', 'qa'],
      ['CN', 'zh-CN', 'pdf', 'qa'],
      ['CN', 'en', 'html', 'qa'],
    ]);
    expect(await count("SELECT 1 FROM audit_log WHERE action = 'recall.letter_issued' AND after->>'customerCode' = 'HOSP-SH1' AND after->>'jurisdiction' = 'CN' AND after->>'lang' = 'zh-CN'")).toBe(1);
  });

  it('refuse a jurisdiction the case is not reported in, or a customer that is not its consignee, writing nothing', async () => {
    const letters = await count('SELECT 1 FROM recall_letters');
    const eu = await app.request(letterUrl(hospital, 'pdf', 'jurisdiction=EU'), bearer(qa));
    expect(eu.status).toBe(422);
    expect(((await eu.json()) as ErrorBody).error).toMatchObject({ code: 'jurisdiction_not_in_case', message: `Recall ${caseNumber} is not reported in EU: its jurisdictions are US, CN.` });
    const stranger = await app.request(letterUrl(await customerId('EXPORT-EU'), 'pdf', 'jurisdiction=US'), bearer(qa));
    expect(stranger.status).toBe(404);
    expect(((await stranger.json()) as ErrorBody).error.code).toBe('not_a_consignee');
    expect((await app.request(letterUrl(hospital, 'pdf', 'jurisdiction=XX'), bearer(qa))).status).toBe(400);
    expect(await count('SELECT 1 FROM recall_letters')).toBe(letters);
    expect(await count('SELECT 1 FROM recall_reply_codes WHERE customer_id = $1', [await customerId('EXPORT-EU')])).toBe(0);
  });
});

describe('a server with another reply code key', () => {
  it('refuses to print a code that would answer nothing, and records no letter', async () => {
    await codeOf(hospital);
    const letters = await count('SELECT 1 FROM recall_letters');
    const other = await testApp(t.db);
    const token = await signIn(other, 'qa', password);
    const res = await other.request(letterUrl(hospital, 'pdf', 'jurisdiction=US'), bearer(token));
    expect(res.status).toBe(503);
    expect(((await res.json()) as ErrorBody).error.code).toBe('reply_code_key_changed');
    expect(await count('SELECT 1 FROM recall_letters')).toBe(letters);
  });
});

describe('the public reply by code', () => {
  it('shows a consignee its own shipment and nothing of anyone else’s, to a code typed any way', async () => {
    const code = await codeOf(hospital);
    const res = await look(code.toLowerCase().replace(/-/g, ' '));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { caseNumber: string; consignee: string; shipped: number; products: { gtin: string; lots: { lotNumber: string; qty: number }[] }[] };
    expect(body).toEqual({
      caseNumber,
      consignee: '上海市第一人民医院',
      shipped: 150,
      products: [{ name: expect.any(String), nameZh: expect.anything(), model: expect.any(String), gtin: SYRINGE, uom: 'EA', lots: [{ lotNumber: 'LT-SYR1', serials: [], qty: 150 }] }],
    });
    const text = JSON.stringify(body);
    expect(text).not.toContain('DIST-BJ');
    expect(text).not.toContain('北京');
    expect(text).not.toContain(caseId);
    expect(await count("SELECT 1 FROM audit_log WHERE action = 'recall.reply_code_opened' AND actor_id IS NULL AND actor_name = 'anonymous'")).toBe(1);
  });

  it('answers a guessed code with 404 and no data, audited under the anonymous actor', async () => {
    const before = await audited('recall.reply_code_unknown');
    for (const guess of ['ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ', 'not-a-code', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZ%EF%BC%BA']) {
      const res = await look(guess);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'reply_code_unknown', message: 'No reply is waiting for that code. Check the code on the letter and try again.' } });
    }
    // Text the database cannot keep is refused at the API's edge, as on every route.
    expect(((await (await look('%00')).json()) as ErrorBody).error.code).toBe('invalid_text');
    const posted = await answer('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ', { onHand: 1, returned: 0, destroyed: 0 });
    expect(posted.status).toBe(404);
    expect(await audited('recall.reply_code_unknown')).toBe(before + 4);
    const row = (await t.db.query<{ actor_id: string | null; actor_name: string; after: { client: string; typed: string } }>("SELECT actor_id, actor_name, after FROM audit_log WHERE action = 'recall.reply_code_unknown' ORDER BY seq DESC LIMIT 1")).rows[0]!;
    expect(row).toMatchObject({ actor_id: null, actor_name: 'anonymous', after: { client: '192.0.2.10', typed: expect.stringMatching(/^[0-9a-f]{16}$/) } });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('refuses an answer that cannot be a count and writes nothing but the audit row', async () => {
    const code = await codeOf(hospital);
    const bad = await answer(code, { onHand: 0, returned: 0, destroyed: 0 });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as ErrorBody).error.code).toBe('invalid_reply');
    const negative = await answer(code, { onHand: -1, returned: 0, destroyed: 0 });
    expect(negative.status).toBe(400);
    const extra = await answer(code, { onHand: 1, returned: 0, destroyed: 0, corrected: 5 });
    expect(extra.status).toBe(400);
    expect(await replies()).toBe(0);
    expect(await count('SELECT 1 FROM recall_reply_codes WHERE used_at IS NOT NULL')).toBe(0);
    expect(await count("SELECT 1 FROM audit_log WHERE action = 'recall.reply_refused' AND after->>'code' = 'invalid_reply'")).toBe(1);
  });

  it('records an answer once, where QA reconciles it; the second use is refused with 409 and nothing written', async () => {
    const code = await codeOf(hospital);
    const res = await answer(code, { onHand: 10, returned: 100, destroyed: 25, subDistributed: [{ name: 'Clinic Pudong', qty: 15 }], note: 'counted twice' });
    expect(res.status).toBe(201);
    const done = (await res.json()) as { caseNumber: string; answeredAt: string };
    expect(done.caseNumber).toBe(caseNumber);

    const rec = (await (await app.request(`/api/recalls/${caseId}/reconciliation`, bearer(qa))).json()) as {
      reconciliation: { consignees: { code: string; onHand: number; destroyed: number; answered: boolean; reply: { channel: string; subDistributed: { name: string; qty: number }[] } | null }[] };
    };
    const figures = rec.reconciliation.consignees.find((c) => c.code === 'HOSP-SH1')!;
    expect(figures).toMatchObject({ onHand: 10, destroyed: 25, answered: true, reply: { channel: 'code', subDistributed: [{ name: 'Clinic Pudong', qty: 15 }] } });

    const again = await answer(code, { onHand: 0, returned: 150, destroyed: 0 });
    expect(again.status).toBe(409);
    const error = ((await again.json()) as ErrorBody).error;
    expect(error.code).toBe('reply_code_used');
    expect(error.message).toMatch(/^This code has already been answered with \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)\. Each code answers once/);
    expect((await look(code)).status).toBe(409);
    expect(await replies()).toBe(1);
    expect(await audited('recall.reply_code_used_again')).toBe(2);
    const reply = (await t.db.query<{ channel: string; recorded_by: string | null }>('SELECT channel, recorded_by FROM recall_consignee_replies WHERE case_id = $1', [caseId])).rows[0]!;
    expect(reply).toEqual({ channel: 'code', recorded_by: null });
    expect(await count("SELECT 1 FROM audit_log WHERE action = 'recall.reply' AND actor_name = 'anonymous' AND after->>'channel' = 'code'")).toBe(1);

    // The console shows it answered; issuing and printing again keep the same, answered code.
    const list = (await (await app.request(`/api/recalls/${caseId}/letters`, json('POST', {}, qa))).json()) as LetterList;
    expect(list.consignees.find((c) => c.code === 'HOSP-SH1')!.replyCode!.answeredAt).toBe(done.answeredAt);
    expect(await codeOf(hospital)).toBe(code);
    expect(await count('SELECT 1 FROM recall_reply_codes WHERE used_at IS NOT NULL')).toBe(1);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('two answers racing on one code: one is recorded, the other refused', async () => {
    const code = await codeOf(distributor);
    const results = await Promise.all([answer(code, { onHand: 77, returned: 0, destroyed: 0 }), answer(code, { onHand: 0, returned: 77, destroyed: 0 })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await count('SELECT 1 FROM recall_consignee_replies WHERE customer_id = $1', [distributor])).toBe(1);
  });

  it('a code cannot be changed or deleted in the table once used', async () => {
    await expect(t.db.query('UPDATE recall_reply_codes SET used_at = NULL, reply_id = NULL WHERE customer_id = $1', [hospital])).rejects.toThrow(/only ever marked used, once/);
    await expect(t.db.query('DELETE FROM recall_reply_codes WHERE customer_id = $1', [hospital])).rejects.toThrow(/never deleted/);
  });

  it('limits guesses per address with 429 and Retry-After, audits the first refusal of the window, and leaves other addresses alone', async () => {
    const strict = await testApp(t.db, { loginLimit: { ...DEFAULT_LOGIN_LIMIT, perAddress: { maxFailures: 3, windowMinutes: 15 } } });
    const before = await audited('recall.reply_code_rate_limited');
    for (let i = 0; i < 3; i++) expect((await look(`GUESS-${i}`, strict, '203.0.113.9')).status).toBe(404);
    const limited = await look('GUESS-4', strict, '203.0.113.9');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as ErrorBody).error.code).toBe('rate_limited');
    // Once limited, even a real code is not looked at from that address.
    const code = await codeOf(hospital);
    expect((await answer(code, { onHand: 1, returned: 0, destroyed: 0 }, strict, '203.0.113.9')).status).toBe(429);
    expect(await audited('recall.reply_code_rate_limited')).toBe(before + 1);
    expect((await look('GUESS-5', strict, '203.0.113.77')).status).toBe(404);
    // The sign-in limit of that address is a count of its own.
    expect(await count("SELECT 1 FROM sign_in_address_attempts WHERE client = '203.0.113.9'")).toBe(0);
  });
});

describe('the reply page', () => {
  it('is plain HTML in the phone’s language, and posts the form through the same one-time answer', async () => {
    const closedCustomer = await customerId('HOSP-SH1');
    expect(closedCustomer).toBe(hospital);
    const unknown = await app.request('/reply/ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ', { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } }, fromAddress('192.0.2.44'));
    expect(unknown.status).toBe(404);
    const page = await unknown.text();
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('没有与此回复码对应的待回复召回');
    expect(page).not.toContain('<script');

    const used = await app.request(`/reply/${await codeOf(hospital)}?lang=en`, {}, fromAddress('192.0.2.44'));
    expect(used.status).toBe(409);
    expect(await used.text()).toContain('This code has already been answered with');
  });
});
