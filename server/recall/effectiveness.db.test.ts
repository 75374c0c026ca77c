import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectConsignees, type CaseEffectiveness, type DueEscalation } from '../../domain/recall';
import { verifyAuditChain } from '../audit';
import { bearer, fromAddress, json, signIn, type TestApp } from '../test-support/app';
import type { TestDb } from '../test-support/db';
import { openDemoPlant, type DemoPlant, type ErrorBody } from '../test-support/demo-plant';
import { enrolAndSignIn, newOp, pushOpsAs, type Handheld } from '../test-support/handheld';

const SYRINGE = '06901234000016';
const DAY = 86_400_000;

let t: TestDb;
let app: TestApp;
let password: string;
let count: DemoPlant['count'];
let qa: string;
let picker: string;
let dock: Handheld;
const codes = Array.from({ length: 10 }, (_, i) => `EFF-${String(i + 1).padStart(2, '0')}`);


const customerId = async (code: string) => (await t.db.query<{ id: string }>('SELECT id FROM customers WHERE code = $1', [code])).rows[0]!.id;
const codeOfId = async (id: string) => (await t.db.query<{ code: string }>('SELECT code FROM customers WHERE id = $1', [id])).rows[0]!.code;
const frozenIds = async (caseId: string) => (await t.db.query<{ customer_id: string }>('SELECT customer_id FROM recall_case_consignees WHERE case_id = $1', [caseId])).rows.map((r) => r.customer_id);
const written = () =>
  Promise.all(['recall_effectiveness_draws', 'recall_effectiveness_selected', 'recall_effectiveness_checks', 'recall_contact_attempts', 'audit_log'].map((table) => count(`SELECT 1 FROM ${table}`)));
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

const state = async (caseId: string) => {
  const res = await app.request(`/api/recalls/${caseId}/effectiveness`, bearer(qa));
  expect(res.status).toBe(200);
  return (await res.json()) as CaseEffectiveness;
};
const consignee = async (caseId: string, code: string) => (await state(caseId)).consignees.find((c) => c.code === code)!;
const draw = (caseId: string, body: Record<string, unknown> = {}, token = qa) => app.request(`/api/recalls/${caseId}/effectiveness/draw`, json('POST', body, token));
const contact = (caseId: string, body: Record<string, unknown>) => app.request(`/api/recalls/${caseId}/effectiveness/contacts`, json('POST', body, qa));
const check = (caseId: string, body: Record<string, unknown>) => app.request(`/api/recalls/${caseId}/effectiveness/checks`, json('POST', body, qa));
const escalations = async () => {
  const res = await app.request('/api/recalls/escalations', bearer(qa));
  expect(res.status).toBe(200);
  return ((await res.json()) as { escalations: DueEscalation[] }).escalations;
};
const refusal = async (res: Response, status: number) => {
  expect(res.status).toBe(status);
  return ((await res.json()) as ErrorBody).error;
};

/** A lot of its own shipped to the given consignees, and a case of it opened with the given level. */
async function openCase(lotNumber: string, consignees: readonly string[], effectiveness: { level: string; percent?: number }, open = true): Promise<string> {
  await pushOpsAs(app, dock, [newOp(dock, 'receive', { gtin: SYRINGE, lotNumber, qty: 1000, locationCode: 'B-02-01', expiresOn: '2029-01-01' })]);
  const lot = (await t.db.query<{ id: string; version: number }>('SELECT id, version FROM lots WHERE lot_number = $1', [lotNumber])).rows[0]!;
  expect((await app.request(`/api/lots/${lot.id}/status`, json('POST', { to: 'released', meaning: 'released', reason: 'inspected', password, version: lot.version }, qa))).status).toBe(200);
  await pushOpsAs(
    app,
    dock,
    consignees.map((code) => newOp(dock, 'ship', { customerCode: code, lines: [{ gtin: SYRINGE, lotNumber, qty: 5, fromLocationCode: 'B-02-01' }] })),
  );
  const made = await app.request(
    '/api/recalls',
    json('POST', { reason: 'plunger seal leaks', healthHazard: 'under-dosing', classes: { fda: 'II' }, depth: 'user', strategy: 'return and destroy', effectiveness, jurisdictions: ['US'], scope: { kind: 'lot', lotNumber, gtin: SYRINGE } }, qa),
  );
  expect(made.status).toBe(201);
  const draft = ((await made.json()) as { case: { id: string; version: number } }).case;
  if (open) expect((await app.request(`/api/recalls/${draft.id}/open`, json('POST', { meaning: 'approved', reason: 'recall board', password, version: draft.version }, qa))).status).toBe(200);
  return draft.id;
}

let levelB11: string;
let levelB99: string;
let levelE: string;
let single: string;

beforeAll(async () => {
  ({ t, app, password, qa, picker, count } = await openDemoPlant('recall_effectiveness'));
  const supervisor = await signIn(app, 'supervisor', password);
  for (const code of codes) expect((await app.request('/api/customers', json('POST', { code, name: `Hospital ${code}` }, supervisor))).status).toBe(201);
  dock = await enrolAndSignIn(app, 'Dispatch', 'clerk', password);
  levelB11 = await openCase('EF-B11', codes, { level: 'B', percent: 11 });
  levelB99 = await openCase('EF-B99', codes, { level: 'B', percent: 99 });
  levelE = await openCase('EF-E', codes.slice(0, 4), { level: 'E' });
  single = await openCase('EF-ONE', ['EFF-01'], { level: 'D' });
}, 120_000);
afterAll(() => t.close());

describe('the draw of consignees to check', () => {
  it('draws level B at 11 % of 10 consignees as 2, seeded by the case id, the same as anyone redoing the draw', async () => {
    const before = await count("SELECT 1 FROM audit_log WHERE action = 'recall.effectiveness_drawn'");
    const res = await draw(levelB11);
    expect(res.status).toBe(201);
    const made = (await res.json()) as CaseEffectiveness;
    const redo = selectConsignees(await frozenIds(levelB11), 'B', 11, levelB11);
    expect(redo.required).toBe(2);
    expect(made.draw).toMatchObject({ level: 'B', percent: 11, seed: levelB11, consignees: 10, required: 2, drawnBy: 'qa' });
    expect(made.consignees.map((c) => c.customerId).sort()).toEqual(redo.selected);
    expect(await count("SELECT 1 FROM audit_log WHERE action = 'recall.effectiveness_drawn' AND entity_id = $1 AND after->>'seed' = $1", [levelB11])).toBe(1);
    expect(await count("SELECT 1 FROM audit_log WHERE action = 'recall.effectiveness_drawn'")).toBe(before + 1);
  });

  it('answers a second request with the same draw and writes nothing; another seed is a 409 that writes nothing either', async () => {
    const first = await state(levelB11);
    const before = await written();
    const again = await draw(levelB11, { seed: levelB11 });
    expect(again.status).toBe(200);
    expect(((await again.json()) as CaseEffectiveness).consignees.map((c) => c.code)).toEqual(first.consignees.map((c) => c.code));
    const other = await refusal(await draw(levelB11, { seed: 'another' }), 409);
    expect(other).toMatchObject({ code: 'already_drawn', details: { seed: levelB11 } });
    expect(await written()).toEqual(before);
  });

  it('draws level B at 99 % of 10 consignees as all 10, from a given seed', async () => {
    const res = await draw(levelB99, { seed: 'board 2026-11-30' });
    expect(res.status).toBe(201);
    const made = (await res.json()) as CaseEffectiveness;
    expect(made.draw).toMatchObject({ percent: 99, seed: 'board 2026-11-30', required: 10 });
    expect(made.consignees.map((c) => c.code)).toEqual(codes);
  });

  it('draws nobody at level E and the only consignee at level D', async () => {
    const none = (await (await draw(levelE)).json()) as CaseEffectiveness;
    expect(none.draw).toMatchObject({ level: 'E', percent: 0, consignees: 4, required: 0 });
    expect(none.consignees).toEqual([]);
    expect(await count('SELECT 1 FROM recall_effectiveness_selected WHERE case_id = $1', [levelE])).toBe(0);
    const one = (await (await draw(single)).json()) as CaseEffectiveness;
    expect(one.draw).toMatchObject({ level: 'D', percent: 2, consignees: 1, required: 1 });
    expect(one.consignees.map((c) => c.code)).toEqual(['EFF-01']);
  });

  it('refuses a draft, a picker and a bad seed, writing nothing', async () => {
    const draft = await openCase('EF-DRAFT', ['EFF-02'], { level: 'A' }, false);
    const before = await written();
    expect(await refusal(await draw(draft), 409)).toMatchObject({ code: 'case_not_recovering' });
    expect((await draw(levelB11, {}, picker)).status).toBe(403);
    expect((await draw(draft, { seed: '' })).status).toBe(400);
    expect((await draw(draft, { level: 'A' })).status).toBe(400);
    expect(await refusal(await app.request('/api/recalls/00000000-0000-4000-8000-000000000000/effectiveness/draw', json('POST', {}, qa)), 404)).toMatchObject({ code: 'not_found' });
    expect(await written()).toEqual(before);
  });
});

describe('escalating a consignee who does not answer', () => {
  it('walks the ladder with the timestamps given: each step due after its wait from the first contact at it', async () => {
    expect(await consignee(levelB99, 'EFF-03')).toMatchObject({ reply: null, contacts: [], escalation: { state: 'not_contacted', next: 'letter' } });
    const letterAt = ago(12 * DAY);
    const sent = await contact(levelB99, { customerCode: 'EFF-03', step: 'letter', method: 'letter', at: letterAt.replace('Z', '+00:00'), note: 'posted with the notice' });
    expect(sent.status).toBe(201);
    expect((await consignee(levelB99, 'EFF-03')).escalation).toEqual({ state: 'due', last: 'letter', since: letterAt, next: 'repeat_contact', dueAt: new Date(Date.parse(letterAt) + 10 * DAY).toISOString() });
    // Only this case's line: the level-B 11 % case draws by its own id, so EFF-03 may be on its list too.
    expect((await escalations()).filter((e) => e.code === 'EFF-03' && e.caseId === levelB99).map((e) => e.escalation.state)).toEqual(['due']);

    // A call in China's time: the instant is kept, not the wall clock.
    const called = new Date(Date.now() - 6 * DAY);
    const local = new Date(called.getTime() + 8 * 3_600_000).toISOString().replace(/\.\d+Z$/, '+08:00');
    expect((await contact(levelB99, { customerCode: 'EFF-03', step: 'repeat_contact', method: 'phone', at: local })).status).toBe(201);
    const calledAt = new Date(Math.floor(called.getTime() / 1000) * 1000).toISOString();
    expect((await consignee(levelB99, 'EFF-03')).escalation).toMatchObject({ state: 'due', last: 'repeat_contact', since: calledAt, next: 'registered_letter', dueAt: new Date(Date.parse(calledAt) + 5 * DAY).toISOString() });

    const postedAt = ago(2 * DAY);
    expect((await contact(levelB99, { customerCode: 'EFF-03', step: 'registered_letter', method: 'registered_letter', at: postedAt })).status).toBe(201);
    expect((await consignee(levelB99, 'EFF-03')).escalation).toEqual({ state: 'waiting', last: 'registered_letter', since: postedAt, next: 'visit', dueAt: new Date(Date.parse(postedAt) + 10 * DAY).toISOString() });
    expect((await escalations()).some((e) => e.code === 'EFF-03' && e.caseId === levelB99)).toBe(false);

    const visitedAt = ago(3_600_000);
    expect((await contact(levelB99, { customerCode: 'EFF-03', step: 'visit', method: 'visit', at: visitedAt, note: 'nobody at the ward' })).status).toBe(201);
    const after = await consignee(levelB99, 'EFF-03');
    expect(after.escalation).toEqual({ state: 'exhausted', last: 'visit', since: visitedAt });
    expect(after.contacts.map((c) => [c.step, c.method, c.at, c.recorderName])).toEqual([
      ['letter', 'letter', letterAt, 'qa'],
      ['repeat_contact', 'phone', calledAt, 'qa'],
      ['registered_letter', 'registered_letter', postedAt, 'qa'],
      ['visit', 'visit', visitedAt, 'qa'],
    ]);
    expect(await count("SELECT 1 FROM audit_log WHERE action = 'recall.consignee_contacted' AND entity_id = $1 AND after->>'customerCode' = 'EFF-03'", [levelB99])).toBe(4);
  });

  it('counts the first recall letter issued as the first step, and a reply by code stops the escalation', async () => {
    expect((await app.request(`/api/recalls/${levelB99}/letters`, json('POST', {}, qa))).status).toBe(200);
    const page = await app.request(`/api/recalls/${levelB99}/letters/${await customerId('EFF-04')}/page?jurisdiction=US`, bearer(qa));
    expect(page.status).toBe(200);
    const code = /<p class="code">([0-9A-Z-]+)<\/p>/.exec(await page.text())![1]!;
    const issued = (await t.db.query<{ at: Date }>('SELECT min(issued_at) AS at FROM recall_letters WHERE case_id = $1 AND customer_id = $2', [levelB99, await customerId('EFF-04')])).rows[0]!.at;
    expect((await consignee(levelB99, 'EFF-04')).escalation).toMatchObject({ state: 'waiting', last: 'letter', since: issued.toISOString(), next: 'repeat_contact' });
    // An older letter recorded by hand makes the next step due.
    expect((await contact(levelB99, { customerCode: 'EFF-04', step: 'letter', method: 'email', at: ago(11 * DAY) })).status).toBe(201);
    expect((await consignee(levelB99, 'EFF-04')).escalation.state).toBe('due');
    expect((await escalations()).some((e) => e.code === 'EFF-04' && e.caseId === levelB99)).toBe(true);

    expect((await app.request(`/api/public/recall-replies/${code}`, json('POST', { onHand: 0, returned: 5, destroyed: 0 }), fromAddress('192.0.2.44'))).status).toBe(201);
    const answered = await consignee(levelB99, 'EFF-04');
    expect(answered.reply).toMatchObject({ channel: 'code' });
    expect(answered.escalation).toEqual({ state: 'responded', respondedAt: answered.reply!.at });
    expect((await escalations()).some((e) => e.code === 'EFF-04' && e.caseId === levelB99)).toBe(false);
  });

  it('waits as long as the plant set in the recall settings, which a supervisor changes and bad waits cannot', async () => {
    const supervisor = await signIn(app, 'supervisor', password);
    const settings = async () => ((await (await app.request('/api/recalls/settings', bearer(qa))).json()) as { settings: Record<string, unknown> & { escalationWaitDays: Record<string, number> } }).settings;
    const put = (body: unknown) => app.request('/api/recalls/settings', json('PUT', body, supervisor));
    const { escalationWaitDays, ...rest } = await settings();
    expect(escalationWaitDays).toEqual({ letter: 10, repeat_contact: 5, registered_letter: 10 });
    const letterAt = ago(4 * DAY);
    expect((await contact(levelB99, { customerCode: 'EFF-08', step: 'letter', method: 'letter', at: letterAt })).status).toBe(201);
    expect((await consignee(levelB99, 'EFF-08')).escalation).toMatchObject({ state: 'waiting', dueAt: new Date(Date.parse(letterAt) + 10 * DAY).toISOString() });

    for (const bad of [0, 91, 1.5, -3]) expect((await put({ ...rest, escalationWaitDays: { ...escalationWaitDays, letter: bad } })).status).toBe(400);
    expect((await put({ ...rest, escalationWaitDays: { ...escalationWaitDays, visit: 3 } })).status).toBe(400);
    expect((await settings()).escalationWaitDays).toEqual(escalationWaitDays);

    expect((await put({ ...rest, escalationWaitDays: { ...escalationWaitDays, letter: 3 } })).status).toBe(200);
    expect((await consignee(levelB99, 'EFF-08')).escalation).toMatchObject({ state: 'due', dueAt: new Date(Date.parse(letterAt) + 3 * DAY).toISOString() });
    expect((await escalations()).some((e) => e.code === 'EFF-08' && e.caseId === levelB99)).toBe(true);
    // Settings saved without the waits keep them.
    expect((await put(rest)).status).toBe(200);
    expect((await settings()).escalationWaitDays.letter).toBe(3);
    const audited = await t.db.query<{ after: { escalationWaitDays: { letter: number } } }>("SELECT after FROM audit_log WHERE action = 'recall.settings' ORDER BY seq");
    expect(audited.rows.map((r) => r.after.escalationWaitDays.letter)).toEqual([3, 3]);
    expect((await put({ ...rest, escalationWaitDays })).status).toBe(200);
  });

  it('stops it too for an answer QA records', async () => {
    expect((await contact(levelB99, { customerCode: 'EFF-05', step: 'letter', method: 'letter', at: ago(20 * DAY) })).status).toBe(201);
    expect((await app.request(`/api/recalls/${levelB99}/replies`, json('POST', { customerCode: 'EFF-05', onHand: 5, returned: 0, destroyed: 0, corrected: 0 }, qa))).status).toBe(201);
    const answered = await consignee(levelB99, 'EFF-05');
    expect(answered.reply).toMatchObject({ channel: 'qa' });
    expect(answered.escalation.state).toBe('responded');
  });

  it('lists the never-contacted first, then the longest overdue, only for open cases', async () => {
    expect((await contact(levelB99, { customerCode: 'EFF-08', step: 'letter', method: 'letter', at: ago(13 * DAY) })).status).toBe(201);
    expect((await contact(levelB99, { customerCode: 'EFF-09', step: 'letter', method: 'letter', at: ago(15 * DAY) })).status).toBe(201);
    const list = (await escalations()).filter((e) => e.caseId === levelB99);
    expect(list.map((e) => [e.code, e.escalation.state])).toEqual([
      ['EFF-01', 'not_contacted'],
      ['EFF-02', 'not_contacted'],
      ['EFF-06', 'not_contacted'],
      ['EFF-07', 'not_contacted'],
      ['EFF-10', 'not_contacted'],
      ['EFF-09', 'due'],
      ['EFF-08', 'due'],
    ]);
    expect((await escalations()).filter((e) => e.caseId === single).map((e) => e.code)).toEqual(['EFF-01']);
    expect(list.some((e) => e.caseId === levelE)).toBe(false);
    expect((await app.request('/api/recalls/escalations', bearer(picker))).status).toBe(403);
  });
});

describe('check results', () => {
  it('records what a check found at a drawn consignee, audited', async () => {
    const res = await check(levelB99, { customerCode: 'EFF-06', method: 'phone', reached: true, receivedNotice: true, followedInstructions: false, onHand: 3, note: 'ward kept three' });
    expect(res.status).toBe(201);
    const found = ((await res.json()) as CaseEffectiveness).consignees.find((c) => c.code === 'EFF-06')!;
    expect(found.checks).toMatchObject([{ method: 'phone', reached: true, receivedNotice: true, followedInstructions: false, onHand: 3, note: 'ward kept three', checkerName: 'qa' }]);
    expect((await check(levelB99, { customerCode: 'EFF-07', method: 'visit', reached: false })).status).toBe(201);
    expect((await consignee(levelB99, 'EFF-07')).checks).toMatchObject([{ reached: false, receivedNotice: null, followedInstructions: null, onHand: null }]);
    expect(await count("SELECT 1 FROM audit_log WHERE action = 'recall.effectiveness_checked' AND entity_id = $1", [levelB99])).toBe(2);
  });

  it('puts what the checks found into the 21 CFR 7.53 status report', async () => {
    const res = await app.request(`/api/recalls/${levelB99}/reports/status.csv`, bearer(qa));
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain('Results of effectiveness checks,"2 of 10 drawn consignees checked: 1 reached, 1 received the notice, 0 followed the instructions"');
    expect(csv).toMatch(/EFF-06,[^\n]*,did not follow the instructions,\d{4}-\d{2}-\d{2},ward kept three/);
    expect(csv).toMatch(/EFF-07,[^\n]*,not reached,\d{4}-\d{2}-\d{2},/);
  });

  it('refuses a check or contact that cannot be recorded, and writes nothing', async () => {
    const drawn = new Set((await state(levelB11)).consignees.map((c) => c.customerId));
    const outside = await codeOfId((await frozenIds(levelB11)).find((id) => !drawn.has(id))!);
    const before = await written();
    expect(await refusal(await check(levelB11, { customerCode: outside, method: 'phone', reached: false }), 422)).toMatchObject({ code: 'not_selected', details: { field: 'customerCode' } });
    expect(await refusal(await check(single, { customerCode: 'EFF-02', method: 'phone', reached: false }), 422)).toMatchObject({ code: 'not_a_consignee' });
    expect(await refusal(await check(levelB99, { customerCode: 'EFF-06', method: 'phone', reached: false, onHand: 2 }), 422)).toMatchObject({ code: 'not_reached' });
    expect(await refusal(await check(levelB99, { customerCode: 'EFF-06', method: 'phone', reached: true, receivedNotice: true }), 422)).toMatchObject({ code: 'check_incomplete', details: { field: 'followedInstructions' } });
    expect((await check(levelB99, { customerCode: 'EFF-06', method: 'fax', reached: false })).status).toBe(400);
    expect((await check(levelB99, { customerCode: 'EFF-06', method: 'phone', reached: true, receivedNotice: true, followedInstructions: true, onHand: -1 })).status).toBe(400);
    expect(await refusal(await contact(levelB99, { customerCode: 'EFF-06', step: 'visit', method: 'visit', at: new Date(Date.now() + DAY).toISOString() }), 422)).toMatchObject({ code: 'contact_in_future' });
    expect(await refusal(await contact(levelB99, { customerCode: 'EFF-06', step: 'visit', method: 'visit', at: '2026-11-30 10:00' }), 422)).toMatchObject({ code: 'invalid_timestamp' });
    expect((await contact(levelB99, { customerCode: 'EFF-06', step: 'fax', method: 'phone' })).status).toBe(400);
    expect(await refusal(await contact(levelE, { customerCode: 'EFF-01', step: 'letter', method: 'letter' }), 422)).toMatchObject({ code: 'not_selected' });
    expect((await app.request(`/api/recalls/${levelB99}/effectiveness/checks`, json('POST', { customerCode: 'EFF-06', method: 'phone', reached: false }, picker))).status).toBe(403);
    expect(await written()).toEqual(before);
  });

  it('keeps draws, checks and contacts as evidence: never changed, never deleted; the audit chain verifies', async () => {
    for (const table of ['recall_effectiveness_draws', 'recall_effectiveness_selected', 'recall_effectiveness_checks', 'recall_contact_attempts']) {
      await expect(t.db.query(`UPDATE ${table} SET case_id = case_id`)).rejects.toThrow();
      await expect(t.db.query(`DELETE FROM ${table}`)).rejects.toThrow();
    }
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
