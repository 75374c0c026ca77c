import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, json, type TestApp } from '../../test-support/app';
import type { TestDb } from '../../test-support/db';
import { openDemoPlant, type DemoPlant } from '../../test-support/demo-plant';
import { enrolAndSignIn, newOp, pushOpsAs, type Handheld } from '../../test-support/handheld';
import { pdfPageTexts } from '../../test-support/pdf-text';
import { runDeadlineJob } from '../deadlines';

const SYRINGE = '06901234000016';
const BARREL = '06901234000115';

let t: TestDb;
let app: TestApp;
let password: string;
let count: DemoPlant['count'];
let release: DemoPlant['release'];
let qa: string;
let picker: string;
let supervisor: string;
let floor: Handheld;
let recall: { id: string; number: string; version: number };

interface Clock {
  kind: string;
  dueAt: string;
  state: string;
  workingDaysLeft: number | null;
  doneOn: string | null;
}
interface CaseClocks {
  caseId: string;
  number: string;
  clocks: Clock[];
  problem: unknown;
}


/** RFC 4180 read back: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

async function download(path: string, token = qa) {
  const res = await app.request(path, bearer(token));
  const body = new Uint8Array(await res.arrayBuffer());
  return { res, body, error: () => (JSON.parse(new TextDecoder().decode(body)) as { error: { code: string } }).error };
}

const clocksOn = async (on: string) => {
  const res = await app.request(`/api/recalls/deadlines?on=${on}`, bearer(qa));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { cases: CaseClocks[]; leadDays: number; alerts: { number: string; deadline: string; kind: string; dueOn: string }[] };
  return { ...body, mine: body.cases.find((c) => c.caseId === recall.id)! };
};

beforeAll(async () => {
  ({ t, app, password, qa, picker, supervisor, count, release } = await openDemoPlant('recall_reports'));
  floor = await enrolAndSignIn(app, 'Reports floor', 'clerk', password);
  // A consignee whose name a spreadsheet would run as a formula.
  await t.db.query(`INSERT INTO customers (code, name) VALUES ('EVIL-1', '=HYPERLINK("http://x.example","click")')`);
  await t.db.query(`INSERT INTO recall_manufacturer (name, name_zh, address, contact, fda_registration, nmpa_registration, eu_srn) VALUES ('Acme Medical', '艾克米医疗器械有限公司', '1 Road, Suzhou', 'qa@acme.example', '3004567', '苏械注准20262140001', 'CN-MF-000012345')`);
  await pushOpsAs(app, floor, [newOp(floor, 'receive', { gtin: BARREL, lotNumber: 'RP-BAR1', qty: 1000, locationCode: 'A-01-01', expiresOn: '2031-01-01', supplier: 'Ningbo Polymer Co.', supplierLot: 'NB-RP-1' })]);
  await release('RP-BAR1');
  await pushOpsAs(app, floor, [
    newOp(floor, 'produce', { gtin: SYRINGE, lotNumber: 'RP-SYR1', qty: 400, locationCode: 'B-02-01', expiresOn: '2029-01-01', components: [{ gtin: BARREL, lotNumber: 'RP-BAR1', qty: 400, fromLocationCode: 'A-01-01' }] }),
  ]);
  await release('RP-SYR1');
  await pushOpsAs(app, floor, [
    newOp(floor, 'ship', { customerCode: 'HOSP-SH1', lines: [{ gtin: SYRINGE, lotNumber: 'RP-SYR1', qty: 150, fromLocationCode: 'B-02-01' }] }),
    newOp(floor, 'ship', { customerCode: 'EVIL-1', lines: [{ gtin: SYRINGE, lotNumber: 'RP-SYR1', qty: 50, fromLocationCode: 'B-02-01' }] }),
  ]);
  const made = await app.request(
    '/api/recalls',
    json(
      'POST',
      {
        reason: 'barrel wall too thin',
        healthHazard: 'syringe may crack under pressure',
        classes: { fda: 'II', nmpa: 2, euFsca: true },
        depth: 'user',
        strategy: 'stop distribution, return and destroy',
        effectiveness: { level: 'A' },
        jurisdictions: ['US', 'CN', 'EU'],
        scope: { kind: 'lot', lotNumber: 'RP-SYR1' },
      },
      qa,
    ),
  );
  expect(made.status).toBe(201);
  recall = ((await made.json()) as { case: typeof recall }).case;
});
afterAll(() => t.close());

describe('reports of a case that has not opened', () => {
  it('are refused with 409 and leave no trace', async () => {
    const { res, error } = await download(`/api/recalls/${recall.id}/reports/status.pdf`);
    expect(res.status).toBe(409);
    expect(error().code).toBe('case_not_open');
    expect(await count('SELECT 1 FROM recall_case_events WHERE case_id = $1', [recall.id])).toBe(0);
  });
});

describe('deadline clocks', () => {
  beforeAll(async () => {
    const opened = await app.request(`/api/recalls/${recall.id}/open`, json('POST', { meaning: 'approved', reason: 'board decision', password, version: recall.version }, qa));
    expect(opened.status).toBe(200);
    // The clocks run from the opening day: fixed to Monday 1 June 2026 so the days below are known.
    await t.db.query(`UPDATE recall_cases SET opened_at = '2026-06-01T04:00:00Z' WHERE id = $1`, [recall.id]);
  });

  it('lists each clock of an open case with its due day, working days left and state', async () => {
    const { mine, leadDays } = await clocksOn('2026-06-03');
    expect(leadDays).toBe(1);
    expect(mine.problem).toBeNull();
    expect(mine.clocks.map((c) => [c.kind, c.dueAt, c.state, c.workingDaysLeft])).toEqual([
      ['eu_fsca_report', '2026-06-01', 'overdue', null],
      ['nmpa_event_report', '2026-06-01', 'overdue', null],
      ['nmpa_notice', '2026-06-04', 'due_soon', null],
      ['nmpa_assessment_and_plan', '2026-06-08', 'due', 3],
      ['fda_correction_report', '2026-06-15', 'due', 8],
    ]);
  });

  it('refuses a day that is not a date', async () => {
    expect((await app.request('/api/recalls/deadlines?on=2026-02-30', bearer(qa))).status).toBe(400);
    expect((await app.request(`/api/recalls/${recall.id}/deadlines?on=June`, bearer(qa))).status).toBe(400);
  });

  it('reads the plant calendar from the database: a closed day moves a working-day deadline', async () => {
    await t.db.query(`INSERT INTO recall_calendar_days (calendar, day, working, note) VALUES ('CN', '2026-06-05', false, 'plant shutdown')`);
    const { mine } = await clocksOn('2026-06-03');
    expect(mine.clocks.find((c) => c.kind === 'nmpa_assessment_and_plan')?.dueAt).toBe('2026-06-09');
    await t.db.query(`DELETE FROM recall_calendar_days`);
  });

  it('raises alerts before due and when overdue, once each, audited', async () => {
    expect(await runDeadlineJob(t.db, '2026-06-03')).toEqual({ today: '2026-06-03', raised: 3 });
    expect(await runDeadlineJob(t.db, '2026-06-03')).toEqual({ today: '2026-06-03', raised: 0 });
    const { alerts } = await clocksOn('2026-06-03');
    expect(alerts.filter((a) => a.number === recall.number).map((a) => [a.deadline, a.kind, a.dueOn])).toEqual([
      ['eu_fsca_report', 'overdue', '2026-06-01'],
      ['nmpa_event_report', 'overdue', '2026-06-01'],
      ['nmpa_notice', 'due_soon', '2026-06-04'],
    ]);
    expect(await count(`SELECT 1 FROM audit_log WHERE action = 'recall.deadline_alert' AND entity_id = $1`, [recall.id])).toBe(3);
  });

  it('an alert is acknowledged once, audited, and leaves the open list', async () => {
    const res = await app.request('/api/recalls/deadlines?on=2026-06-03', bearer(qa));
    const { alerts } = (await res.json()) as { alerts: { id: string; deadline: string }[] };
    const notice = alerts.find((a) => a.deadline === 'nmpa_notice')!;
    expect((await app.request(`/api/recalls/alerts/${notice.id}/acknowledge`, json('POST', {}, picker))).status).toBe(403);
    expect((await app.request(`/api/recalls/alerts/${notice.id}/acknowledge`, json('POST', {}, qa))).status).toBe(204);
    expect((await app.request(`/api/recalls/alerts/${notice.id}/acknowledge`, json('POST', {}, qa))).status).toBe(404);
    const after = (await (await app.request('/api/recalls/deadlines?on=2026-06-03', bearer(qa))).json()) as { alerts: { id: string }[] };
    expect(after.alerts.map((a) => a.id)).not.toContain(notice.id);
    expect(await count(`SELECT 1 FROM audit_log WHERE action = 'recall.deadline_alert_acknowledged' AND entity_id = $1`, [recall.id])).toBe(1);
    // The job does not raise it again for the same day.
    expect((await runDeadlineJob(t.db, '2026-06-03')).raised).toBe(0);
  });

  it('refuses an act dated in the future or before the opening, and records the notices sent', async () => {
    const future = await app.request(`/api/recalls/${recall.id}/events`, json('POST', { kind: 'letters_sent', deadline: 'nmpa_notice', on: '2099-01-01', method: 'letter', count: 2 }, qa));
    expect(future.status).toBe(422);
    const before = await app.request(`/api/recalls/${recall.id}/events`, json('POST', { kind: 'letters_sent', deadline: 'nmpa_notice', on: '2026-05-30', method: 'letter', count: 2 }, qa));
    expect(before.status).toBe(422);
    const noMethod = await app.request(`/api/recalls/${recall.id}/events`, json('POST', { kind: 'letters_sent', deadline: 'nmpa_notice', on: '2026-06-03' }, qa));
    expect(noMethod.status).toBe(422);
    expect(await count('SELECT 1 FROM recall_case_events WHERE case_id = $1', [recall.id])).toBe(0);
    const sent = await app.request(`/api/recalls/${recall.id}/events`, json('POST', { kind: 'letters_sent', deadline: 'nmpa_notice', on: '2026-06-03', method: 'letter', count: 2 }, qa));
    expect(sent.status).toBe(201);
    const { mine } = await clocksOn('2026-06-10');
    expect(mine.clocks.find((c) => c.kind === 'nmpa_notice')).toMatchObject({ state: 'met', doneOn: '2026-06-03' });
    expect(await count(`SELECT 1 FROM audit_log WHERE action = 'recall.letters_sent' AND entity_id = $1`, [recall.id])).toBe(1);
  });
});

describe('reports on demand', () => {
  it('status report as PDF carries the 7.53 figures, readable text, and is audited with its hash', async () => {
    const { res, body } = await download(`/api/recalls/${recall.id}/reports/status.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfPageTexts(body)).join('\n');
    expect(text).toContain(`Recall status report ${recall.number}`);
    expect(text).toContain('Consignees notified: 2');
    expect(text).toContain('Date and method of notification: 2026-06-03 letter (2)');
    expect(text).toContain('Consignees not responding: 2');
    expect(text).toContain('HOSP-SH1');
    const audited = await t.db.query<{ after: { report: string; format: string; sha256: string } }>(`SELECT after FROM audit_log WHERE action = 'recall.report' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`, [recall.id]);
    expect(audited.rows[0]!.after).toMatchObject({ report: 'status', format: 'pdf', sha256: createHash('sha256').update(body).digest('hex') });
  });

  it('806.10 export as CSV: BOM, the report number, every consignee with quantity and date shipped, formula cells defused', async () => {
    const { res, body } = await download(`/api/recalls/${recall.id}/reports/fda-806.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(body.slice(3)));
    const reportNumber = rows.find((r) => r[0] === 'Report number')?.[1];
    expect(reportNumber).toMatch(/^3004567-\d{2}\/\d{2}\/\d{4}-001-R$/);
    expect(rows.find((r) => r[0] === 'Quantity manufactured or received')?.[1]).toBe('400');
    expect(rows.find((r) => r[0] === 'Quantity distributed')?.[1]).toBe('200');
    const shipped = rows.filter((r) => r.length === 7 && r[3] === 'RP-SYR1').map((r) => [r[0], r[1], r[5], r[6]]);
    expect(shipped.sort((a, b) => a[0]!.localeCompare(b[0]!))).toEqual([
      ['EVIL-1', `'=HYPERLINK("http://x.example","click")`, '50', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)],
      ['HOSP-SH1', '上海市第一人民医院', '150', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)],
    ]);
    expect(rows.find((r) => r[0] === SYRINGE)?.[1]).toBe(SYRINGE);
    // Made again, it keeps the number it was first given.
    const again = await download(`/api/recalls/${recall.id}/reports/fda-806.pdf`);
    expect((await pdfPageTexts(again.body)).join('\n')).toContain(`Report number: ${reportNumber}`);
  });

  it('NMPA reports print in Chinese; the event report meets its clock', async () => {
    const { body } = await download(`/api/recalls/${recall.id}/reports/nmpa-event.pdf`);
    const text = (await pdfPageTexts(body)).join('\n');
    expect(text).toContain(`医疗器械召回事件报告表 ${recall.number}`);
    expect(text).toContain('召回级别: 二级');
    expect(text).toContain('艾克米医疗器械有限公司');
    const progress = parseCsv(new TextDecoder().decode((await download(`/api/recalls/${recall.id}/reports/nmpa-progress.csv`)).body.slice(3)));
    expect(progress.find((r) => r[0] === '已通知收货单位')?.[1]).toBe('2');
    expect(progress.filter((r) => r.at(-1) === '未回复').map((r) => r[0])).toEqual(['EVIL-1', 'HOSP-SH1']);
    const summary = (await pdfPageTexts((await download(`/api/recalls/${recall.id}/reports/nmpa-summary.pdf`)).body)).join('\n');
    expect(summary).toContain('召回总结评估报告');
    const { mine } = await clocksOn('2026-06-10');
    expect(mine.clocks.find((c) => c.kind === 'nmpa_event_report')?.state).toBe('met');
    expect(mine.clocks.find((c) => c.kind === 'fda_correction_report')?.state).toBe('met');
  });

  it('EU FSCA pack lists the consignees and the reconciliation', async () => {
    const rows = parseCsv(new TextDecoder().decode((await download(`/api/recalls/${recall.id}/reports/eu-fsca.csv`)).body.slice(3)));
    expect(rows.find((r) => r[0] === 'SRN')?.[1]).toBe('CN-MF-000012345');
    expect(rows.find((r) => r[0] === 'Shipped')?.[1]).toBe('200');
    expect(rows.filter((r) => r.length === 10 && r[0] !== 'Consignee').map((r) => r[0])).toEqual(['EVIL-1', 'HOSP-SH1']);
  });

  it('refuses bad requests clearly and writes nothing', async () => {
    const events = await count('SELECT 1 FROM recall_case_events WHERE case_id = $1', [recall.id]);
    const audits = await count(`SELECT 1 FROM audit_log WHERE action = 'recall.report'`);
    const unknown = await download(`/api/recalls/${recall.id}/reports/letters.pdf`);
    expect(unknown.res.status).toBe(400);
    const forbidden = await download(`/api/recalls/${recall.id}/reports/status.csv`, picker);
    expect(forbidden.res.status).toBe(403);
    const missing = await download(`/api/recalls/00000000-0000-4000-8000-000000000000/reports/status.csv`);
    expect(missing.res.status).toBe(404);
    await t.db.query(`UPDATE recall_cases SET jurisdictions = '{CN}', class_fda = NULL, eu_fsca = false WHERE id = $1`, [recall.id]);
    const elsewhere = await download(`/api/recalls/${recall.id}/reports/fda-806.pdf`);
    expect(elsewhere.res.status).toBe(422);
    expect(elsewhere.error().code).toBe('report_not_applicable');
    await t.db.query(`UPDATE recall_cases SET jurisdictions = '{US,CN,EU}', class_fda = 'II', eu_fsca = true WHERE id = $1`, [recall.id]);
    expect(await count('SELECT 1 FROM recall_case_events WHERE case_id = $1', [recall.id])).toBe(events);
    expect(await count(`SELECT 1 FROM audit_log WHERE action = 'recall.report'`)).toBe(audits);
  });
});

describe('mock-recall drill', () => {
  it('times scope, consignee list and mass balance on the server and passes a balanced scope, holding nothing', async () => {
    const before = await count('SELECT 1 FROM recall_holds');
    const res = await app.request('/api/recalls/drills', json('POST', { scope: { kind: 'supplier_lot', supplierLot: 'NB-RP-1' } }, qa));
    expect(res.status).toBe(201);
    const { drill } = (await res.json()) as {
      drill: { caseId: string; caseNumber: string; timings: { scopeMs: number; consigneesMs: number; balanceMs: number }; stopwatch: Record<string, string>; lots: number; consignees: number; percent: number; passed: boolean };
    };
    expect(drill.caseNumber).toMatch(/^MR\d{8}$/);
    expect(drill).toMatchObject({ lots: 2, consignees: 2, percent: 100, passed: true });
    expect(drill.timings.scopeMs).toBeGreaterThanOrEqual(0);
    expect(drill.timings.consigneesMs).toBeGreaterThanOrEqual(drill.timings.scopeMs);
    expect(drill.timings.balanceMs).toBeGreaterThanOrEqual(drill.timings.consigneesMs);
    const stamped = await t.db.query<{ state: string; drill: boolean }>('SELECT c.state, c.drill FROM recall_cases c JOIN recall_drills d ON d.case_id = c.id WHERE c.id = $1', [drill.caseId]);
    expect(stamped.rows[0]).toEqual({ state: 'draft', drill: true });
    expect(await count('SELECT 1 FROM recall_holds')).toBe(before);
    expect(await count('SELECT 1 FROM recall_case_events WHERE case_id = $1', [drill.caseId])).toBe(0);
    expect(await count(`SELECT 1 FROM audit_log WHERE action = 'recall.drill' AND entity_id = $1`, [drill.caseId])).toBe(1);

    const last = (await (await app.request('/api/recalls/drills/last', bearer(qa))).json()) as { drill: { caseNumber: string; passed: boolean } };
    expect(last.drill).toMatchObject({ caseNumber: drill.caseNumber, passed: true });

    const pdf = (await pdfPageTexts((await download(`/api/recalls/${drill.caseId}/reports/drill.pdf`)).body)).join('\n');
    expect(pdf).toContain(`Mock recall drill ${drill.caseNumber}`);
    expect(pdf).toContain('Result: PASS');
    const csv = parseCsv(new TextDecoder().decode((await download(`/api/recalls/${drill.caseId}/reports/drill.csv`)).body.slice(3)));
    expect(csv.find((r) => r[0] === 'Share accounted for')?.[1]).toBe('100 %');
    expect(csv.find((r) => r[0] === 'Mass balance')?.[2]).toBe(String(drill.timings.balanceMs));
  });

  it('fails a scope whose books do not balance within the band, and says so in its report', async () => {
    await pushOpsAs(app, floor, [newOp(floor, 'receive', { gtin: BARREL, lotNumber: 'RP-GAP1', qty: 1000, locationCode: 'A-01-01', expiresOn: '2031-01-01' })]);
    // A receipt booked in the ledger that never reached a location's stock: 10 of 1,010 are nowhere.
    await t.db.query(`INSERT INTO stock_moves (lot_id, to_location_id, qty, reason) SELECT l.id, loc.id, 10, 'op.receive' FROM lots l, locations loc WHERE l.lot_number = 'RP-GAP1' AND loc.code = 'A-01-01'`);
    const res = await app.request('/api/recalls/drills', json('POST', { scope: { kind: 'lot', lotNumber: 'RP-GAP1' } }, qa));
    expect(res.status).toBe(201);
    const { drill } = (await res.json()) as { drill: { caseId: string; percent: number; passed: boolean; broughtIn: number; accounted: number } };
    expect(drill).toMatchObject({ broughtIn: 1010, accounted: 1000, percent: 99.01, passed: false });
    const csv = parseCsv(new TextDecoder().decode((await download(`/api/recalls/${drill.caseId}/reports/drill.csv`)).body.slice(3)));
    expect(csv.find((r) => r[0] === 'Result' && r.length === 2)?.[1]).toBe('FAIL');
    const last = (await (await app.request('/api/recalls/drills/last', bearer(qa))).json()) as { drill: { caseId: string; passed: boolean } };
    expect(last.drill).toMatchObject({ caseId: drill.caseId, passed: false });
  });

  it('a scope that matches nothing is a 404 and leaves no case behind', async () => {
    const cases = await count('SELECT 1 FROM recall_cases');
    const res = await app.request('/api/recalls/drills', json('POST', { scope: { kind: 'lot', lotNumber: 'NO-SUCH-LOT' } }, qa));
    expect(res.status).toBe(404);
    expect(await count('SELECT 1 FROM recall_cases')).toBe(cases);
    expect((await app.request('/api/recalls/drills', json('POST', { scope: { kind: 'lot', lotNumber: 'RP-SYR1' } }, picker))).status).toBe(403);
  });
});

describe('recall settings', () => {
  const settings = {
    manufacturer: { name: 'Acme Medical', nameZh: '艾克米医疗器械有限公司', address: '1 Road, Suzhou', contact: 'qa@acme.example', fdaRegistration: '3004567', nmpaRegistration: null, euSrn: null },
    alertLeadDays: 3,
    calendarDays: [{ calendar: 'CN', day: '2026-06-05', working: false, note: 'plant shutdown' }],
    enteredYears: [{ calendar: 'CN', year: 2027 }],
  };
  const put = (body: unknown, token = supervisor) => app.request('/api/recalls/settings', json('PUT', body, token));

  it('are the supervisors\' to change; bad input is refused whole and nothing changes', async () => {
    const before = await (await app.request('/api/recalls/settings', bearer(qa))).json();
    expect((await put(settings, qa)).status).toBe(403);
    expect((await put({ ...settings, manufacturer: { ...settings.manufacturer, fdaRegistration: '12' } })).status).toBe(400);
    expect((await put({ ...settings, calendarDays: [{ calendar: 'CN', day: '2026-02-30', working: false, note: '' }] })).status).toBe(400);
    const twice = await put({ ...settings, calendarDays: [settings.calendarDays[0], { ...settings.calendarDays[0], working: true }] });
    expect(twice.status).toBe(422);
    expect(await (await app.request('/api/recalls/settings', bearer(qa))).json()).toEqual(before);
    expect(await count(`SELECT 1 FROM audit_log WHERE action = 'recall.settings'`)).toBe(0);
  });

  it('the lead and the plant calendar change the clocks, and the change is audited', async () => {
    const res = await put(settings);
    expect(res.status).toBe(200);
    const { mine, leadDays } = await clocksOn('2026-06-03');
    expect(leadDays).toBe(3);
    expect(mine.clocks.find((c) => c.kind === 'nmpa_assessment_and_plan')).toMatchObject({ dueAt: '2026-06-09', state: 'due_soon', workingDaysLeft: 3 });
    const audited = await t.db.query<{ after: { alertLeadDays: number } }>(`SELECT after FROM audit_log WHERE action = 'recall.settings'`);
    expect(audited.rows.map((r) => r.after.alertLeadDays)).toEqual([3]);
  });
});
