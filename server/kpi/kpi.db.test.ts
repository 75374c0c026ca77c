import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayText, epochDay } from '../../domain/kpi';
import { plantToday } from '../clock';
import { leaseJob, finishJob } from '../printing/queue';
import { recordPrinterState, registerPrinter } from '../printing/printers';
import { printLot, reprintJob, resolveUncertain } from '../printing/spool';
import { bearer, json, signIn, ADMIN_PASSWORD, type TestApp } from '../test-support/app';
import { openDemoPlant, type DemoPlant } from '../test-support/demo-plant';
import { enrolAndSignIn, newOp, pushOpsAs } from '../test-support/handheld';
import type { KpiReading } from '.';

/*
 * A small plant's day, seeded through the code that books it (print requests and the spool's
 * queue, signed QC releases, handheld shipments and returns, a recall opened, its letters and a
 * reply recorded through the API, mock recalls), and each KPI checked against a figure computed
 * by hand below. Where a figure depends on when something happened (a printer's stops, how long
 * ago a recall opened, when a reply came), the test places those times itself, as said where.
 */

const SYRINGE = '06901234000016';
const ACTOR = { id: null, name: 'kpi test' };

let plant: DemoPlant;
let app: TestApp;
let admin: string;
const today = plantToday();
const day = (offset: number) => dayText(epochDay(today)! + offset);
const localMidnight = (offset: number) => {
  const [y, m, d] = day(offset).split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};
const hoursAfter = (base: Date, hours: number) => new Date(base.getTime() + hours * 3_600_000);
const drillMs: number[] = [];

async function kpi(id: string, from: string, to: string, token = plant.qa): Promise<KpiReading> {
  const res = await app.request(`/api/kpis/${id}?from=${from}&to=${to}`, bearer(token));
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { kpi: KpiReading }).kpi;
}
const inputsOf = (reading: KpiReading) => Object.fromEntries(reading.inputs.map((i) => [i.name, i.value]));

async function seedLabels(): Promise<void> {
  await registerPrinter(plant.t.db, { name: 'KPI-P1', host: '127.0.0.1', port: 9100, dpi: 203 });
  const printerId = (await plant.t.db.query<{ id: string }>(`SELECT id FROM printers WHERE name = 'KPI-P1'`)).rows[0]!.id;
  const lotId = await plant.lotId('S24030502');
  const request = (quantity: number) => printLot(plant.t.db, ACTOR, { lotId, templateName: 'lot-gs1', printer: 'KPI-P1', quantity });
  // The spool's own queue moves each job, as a worker would after the printer's answer.
  const send = async (outcome: 'printed' | 'uncertain') => {
    const lease = (await leaseJob(plant.t.db, printerId, 'kpi-worker', 60))!;
    expect(await finishJob(plant.t.db, lease, { outcome, status: outcome, bytesWritten: 100, error: outcome === 'uncertain' ? 'connection lost' : null }, 5, 60)).toBe(outcome);
    return lease.id;
  };
  // A: 100 labels, printed by the printer's word; later reprinted on purpose (A').
  await request(100);
  const a = await send('printed');
  // B: 50 labels in doubt, cancelled by a person: voided.
  await request(50);
  await resolveUncertain(plant.t.db, ACTOR, await send('uncertain'), { action: 'cancel', reason: 'labels torn off and destroyed' });
  // C: 20 labels in doubt, printed again (C'), which the printer confirms.
  await request(20);
  await resolveUncertain(plant.t.db, ACTOR, await send('uncertain'), { action: 'reprint', reason: 'none came out' });
  await send('printed');
  await reprintJob(plant.t.db, ACTOR, a, { reason: 'smudged' });
  await send('printed');
  // D: 30 labels still queued.
  await request(30);
}

async function seedPrinterStops(): Promise<void> {
  // KPI-P1's stops two days ago, placed by the test (the spool writes them as it sees them; its own rows are checked below).
  const d = localMidnight(-2);
  const p1 = (await plant.t.db.query<{ id: string }>(`SELECT id FROM printers WHERE name = 'KPI-P1'`)).rows[0]!.id;
  const states: [string, Date][] = [
    ['paused', hoursAfter(d, -3)],
    ['ready', hoursAfter(d, 1)],
    ['paper_out', hoursAfter(d, 6)],
    ['ready', hoursAfter(d, 7.5)],
    ['offline', hoursAfter(d, 22)],
    ['ready', hoursAfter(d, 26)],
  ];
  for (const [state, since] of states) await plant.t.db.query('INSERT INTO printer_states (printer_id, state, since) VALUES ($1, $2, $3)', [p1, state, since]);
  // KPI-P2 through the spool's own write, today: only changes are kept.
  await registerPrinter(plant.t.db, { name: 'KPI-P2', host: '127.0.0.1', port: 9101, dpi: 203 });
  const p2 = (await plant.t.db.query<{ id: string }>(`SELECT id FROM printers WHERE name = 'KPI-P2'`)).rows[0]!.id;
  for (const state of ['ready', 'ready', 'paper_out', 'paper_out', 'ready'] as const) await recordPrinterState(plant.t.db, p2, state, null);
}

async function seedStockAndRecall(): Promise<void> {
  const dock = await enrolAndSignIn(app, 'KPI dock', 'clerk', plant.password);
  const clinic = await app.request('/api/customers', json('POST', { code: 'CLINIC-GZ', name: '广州社区诊所', minShelfLifeDays: 0, address: '广州市天河区体育西路 1 号' }, plant.supervisor));
  expect(clinic.status, await clinic.clone().text()).toBe(201);
  await pushOpsAs(app, dock, [
    newOp(dock, 'ship', { customerCode: 'HOSP-SH1', lines: [{ gtin: SYRINGE, lotNumber: 'S24110701', qty: 150, fromLocationCode: 'B-02-01' }] }),
    newOp(dock, 'ship', { customerCode: 'EXPORT-EU', lines: [{ gtin: SYRINGE, lotNumber: 'S24110701', qty: 50, fromLocationCode: 'B-02-01' }] }),
    newOp(dock, 'ship', { customerCode: 'CLINIC-GZ', lines: [{ gtin: SYRINGE, lotNumber: 'S24030502', qty: 10, fromLocationCode: 'B-02-01' }] }),
  ]);
  expect(await plant.count(`SELECT 1 FROM ops WHERE status <> 'applied'`)).toBe(0);

  const recall = await plant.openCase({ kind: 'lot', lotNumber: 'S24110701', gtin: SYRINGE });
  // The recall opened 15 days ago (the case row is the one place that says when).
  await plant.t.db.query(`UPDATE recall_cases SET opened_at = opened_at - interval '15 days' WHERE id = $1`, [recall.id]);
  const opened = (await plant.t.db.query<{ opened_at: Date }>('SELECT opened_at FROM recall_cases WHERE id = $1', [recall.id])).rows[0]!.opened_at;
  // Letters went two plant days after the opening day.
  const sentOn = dayText(epochDay(plantToday(new Date(opened)))! + 2);
  const letters = await app.request(`/api/recalls/${recall.id}/events`, json('POST', { kind: 'letters_sent', deadline: 'fda_correction_report', on: sentOn, method: 'letter', count: 3 }, plant.qa));
  expect(letters.status, await letters.clone().text()).toBe(201);
  // HOSP-SH1 answers today (day 15) through the console; EXPORT-EU answered on day 2 and DIST-BJ on
  // day 5, which the test places in the replies table since the form stamps the time it is sent.
  const reply = await app.request(`/api/recalls/${recall.id}/replies`, json('POST', { customerCode: 'HOSP-SH1', onHand: 90, returned: 60, destroyed: 0, corrected: 0 }, plant.qa));
  expect(reply.status, await reply.clone().text()).toBe(201);
  for (const [code, days] of [['EXPORT-EU', 2], ['DIST-BJ', 5]] as const) {
    await plant.t.db.query(
      `INSERT INTO recall_consignee_replies (case_id, customer_id, on_hand, returned, destroyed, corrected, lost, channel, recorder_name, recorded_at)
       SELECT $1, id, 0, 0, 0, 0, 0, 'qa', 'qa', $3::timestamptz + make_interval(days => $4) FROM customers WHERE code = $2`,
      [recall.id, code, opened, days],
    );
  }
  // 60 syringes come back from the hospital, scanned in recall return mode.
  await pushOpsAs(app, dock, [newOp(dock, 'return', { gtin: SYRINGE, lotNumber: 'S24110701', customerCode: 'HOSP-SH1', qty: 60, toLocationCode: 'QA-HOLD', reason: 'recall return' })]);
  expect(await plant.count('SELECT 1 FROM recall_returns WHERE in_scope')).toBe(1);
}

beforeAll(async () => {
  plant = await openDemoPlant('kpi');
  app = plant.app;
  admin = await signIn(app, 'admin', ADMIN_PASSWORD);
  await seedLabels();
  await seedPrinterStops();
  await seedStockAndRecall();
  // QC releases two quarantined lots under signature; they came in 36 and 12 hours before (placed by the test).
  for (const [lotNumber, hours] of [['PP2411B', 36], ['IS2411D', 12]] as const) {
    await plant.release(lotNumber);
    await plant.t.db.query(
      `UPDATE lots l SET created_at = a.at - make_interval(hours => $2)
         FROM audit_log a WHERE a.entity_type = 'lot' AND a.entity_id = l.id::text AND a.action = 'lot.status' AND a.after->>'status' = 'released' AND l.lot_number = $1`,
      [lotNumber, hours],
    );
  }
  // A lot booked without an expiry date.
  await plant.t.db.query(`INSERT INTO lots (lot_number, item_id, origin, status) SELECT 'NOEXP-1', id, 'received', 'quarantine' FROM items WHERE sku = 'MASK-SURG'`);
  // Two mock recalls: the mask lot (5,000 in stock) and the expired tube lot (600 in quarantine).
  for (const lotNumber of ['M2405K', 'T2311E']) {
    const res = await app.request('/api/recalls/drills', json('POST', { scope: { kind: 'lot', lotNumber } }, plant.qa));
    expect(res.status, await res.clone().text()).toBe(201);
    drillMs.push(((await res.json()) as { drill: { timings: { balanceMs: number } } }).drill.timings.balanceMs);
  }
}, 240_000);
afterAll(() => plant.t.close());

describe('labels', () => {
  it('print success rate: what the printer confirmed of the labels out of the spool', async () => {
    const r = await kpi('label_print_success_rate', today, day(1));
    // requested: A 100 + B 50 + C 20 + C' 20 + A' 100 + D 30 = 320; out of the spool: all but D = 290;
    // confirmed by the printer: A 100 + C' 20 + A' 100 = 220 (B and C were settled by a person). 220 / 290 × 100 = 75.86 %
    expect(inputsOf(r)).toEqual({ requested: 320, finished: 290, printerConfirmed: 220 });
    expect(r.value).toBeCloseTo((220 / 290) * 100, 9);
  });

  it('waste per 1,000 good labels: voided and reprinted over the labels that stayed good', async () => {
    const r = await kpi('label_waste_per_1000', today, day(1));
    // voided: B 50; reprinted: C' 20 + A' 100 = 120; test: 0; good: C' 20 + A' 100 = 120 (A was replaced by A').
    // (50 + 120 + 0) / 120 × 1000 = 1,416.67
    expect(inputsOf(r)).toEqual({ voided: 50, reprinted: 120, test: 0, good: 120 });
    expect(r.value).toBeCloseTo((170 / 120) * 1000, 9);
  });

  it('reprint rate', async () => {
    const r = await kpi('reprint_rate', today, day(1));
    // 120 reprinted of 320 requested: 37.5 %
    expect(inputsOf(r)).toEqual({ reprinted: 120, requested: 320 });
    expect(r.value).toBe(37.5);
  });

  it('counts nothing before the labels were requested', async () => {
    const r = await kpi('label_print_success_rate', day(-5), day(-4));
    expect(r.value).toBeNull();
    expect(inputsOf(r)).toEqual({ requested: 0, finished: 0, printerConfirmed: 0 });
  });
});

describe('printers', () => {
  it('downtime: the not-ready spans inside the period, clipped at its ends', async () => {
    const r = await kpi('printer_downtime', day(-2), day(-1));
    // paused from 21:00 the day before until 01:00: 1 h inside; paper out 06:00-07:30: 1.5 h;
    // offline from 22:00 to 02:00 the next day: 2 h inside. 1 + 1.5 + 2 = 4.5 h, over 2 active printers.
    expect(inputsOf(r)).toEqual({ printers: 2, downHours: 4.5 });
    expect(r.value).toBe(4.5);
  });

  it('the spool keeps a printer state only when it changes', async () => {
    const states = await plant.t.db.query<{ state: string }>(`SELECT s.state FROM printer_states s JOIN printers p ON p.id = s.printer_id WHERE p.name = 'KPI-P2' ORDER BY s.since, s.id`);
    expect(states.rows.map((s) => s.state)).toEqual(['ready', 'paper_out', 'ready']);
  });
});

describe('QC and trace', () => {
  it('release cycle time: the mean of the hours each lot waited in quarantine for its signed release', async () => {
    const r = await kpi('qc_release_cycle_time', today, day(1));
    // (36 + 12) / 2 = 24 h; the demo's opening statuses are not signed and do not count.
    expect(inputsOf(r).releases).toBe(2);
    expect(r.value).toBeCloseTo(24, 6);
  });

  it('records each trace the API serves, and the p95 is the slowest of three', async () => {
    const lotId = await plant.lotId('S24110701');
    for (const direction of ['forward', 'backward', 'forward']) expect((await app.request(`/api/lots/${lotId}/trace?direction=${direction}`, bearer(plant.qa))).status).toBe(200);
    // A trace of a lot that does not exist is not served, and not counted.
    expect((await app.request('/api/lots/00000000-0000-4000-8000-000000000000/trace', bearer(plant.qa))).status).toBe(404);
    const logged = await plant.t.db.query<{ ms: string }>('SELECT duration_ms::text AS ms FROM trace_requests ORDER BY duration_ms DESC');
    expect(logged.rows).toHaveLength(3);
    const r = await kpi('trace_time_p95', today, day(1));
    // ⌈0.95 × 3⌉ = 3: the slowest
    expect(inputsOf(r)).toEqual({ traces: 3, rank: 3, msAtRank: Number(logged.rows[0]!.ms) });
    expect(r.value).toBe(Number(logged.rows[0]!.ms));
  });

  it('trace p95 of 20 traces is the 19th fastest; traces outside the period do not count', async () => {
    const d = localMidnight(-3);
    const lotId = await plant.lotId('S24110701');
    const rows: [number, Date][] = Array.from({ length: 20 }, (_, i) => [(i + 1) * 10, hoursAfter(d, 10 + i / 60)]);
    rows.push([5000, new Date(d.getTime() - 60_000)], [9000, hoursAfter(d, 24)]);
    for (const [ms, at] of rows) await plant.t.db.query(`INSERT INTO trace_requests (lot_id, direction, depth, duration_ms, served_at) VALUES ($1, 'forward', 10, $2, $3)`, [lotId, ms, at]);
    const r = await kpi('trace_time_p95', day(-3), day(-2));
    // 10, 20, …, 200 ms: ⌈0.95 × 20⌉ = 19 → 190 ms
    expect(inputsOf(r)).toEqual({ traces: 20, rank: 19, msAtRank: 190 });
    expect(r.value).toBe(190);
  });
});

describe('recalls', () => {
  const from = day(-20);
  const to = day(1);

  it('initiation to letters sent, in plant days', async () => {
    const r = await kpi('recall_letters_sent_days', from, to);
    expect(inputsOf(r)).toEqual({ recalls: 1, withLetters: 1, totalDays: 2 });
    expect(r.value).toBe(2);
  });

  it.each([
    // EXPORT-EU answered on day 2, DIST-BJ on day 5, HOSP-SH1 on day 15, of 3 consignees
    ['recall_responded_by_day_3', 1, (1 / 3) * 100],
    ['recall_responded_by_day_7', 2, (2 / 3) * 100],
    ['recall_responded_by_day_14', 2, (2 / 3) * 100],
  ])('%s: %s of 3 consignees', async (id, responded, value) => {
    const r = await kpi(id, from, to);
    expect(inputsOf(r)).toEqual({ recalls: 1, consignees: 3, responded });
    expect(r.value).toBeCloseTo(value, 9);
  });

  it('quantity recovered: returns since opening over what the consignees held', async () => {
    const r = await kpi('recall_quantity_recovered', from, to);
    // held at opening: DIST-BJ 100 + HOSP-SH1 150 + EXPORT-EU 50 = 300; returned since: 60. 60 / 300 × 100 = 20 %
    expect(inputsOf(r)).toEqual({ recalls: 1, outstanding: 300, recovered: 60 });
    expect(r.value).toBe(20);
  });

  it('has no figures for a period without a recall (drills are not recalls)', async () => {
    for (const id of ['recall_letters_sent_days', 'recall_responded_by_day_3', 'recall_responded_by_day_7', 'recall_responded_by_day_14', 'recall_quantity_recovered']) {
      expect((await kpi(id, today, day(1))).value, id).toBeNull();
      expect((await kpi(id, day(-40), day(-30))).value, id).toBeNull();
    }
  });

  it('a day that has not come has no figure: a recall opened 4 days ago has no day-7 or day-14 answer yet', async () => {
    const moved = await plant.t.db.query<{ id: string }>(`UPDATE recall_cases SET opened_at = now() - interval '4 days' WHERE NOT drill AND opened_at IS NOT NULL RETURNING id`);
    try {
      expect(inputsOf(await kpi('recall_responded_by_day_7', from, to))).toEqual({ recalls: 1, consignees: 0, responded: 0 });
      expect((await kpi('recall_responded_by_day_7', from, to)).value).toBeNull();
      expect((await kpi('recall_responded_by_day_14', from, to)).value).toBeNull();
    } finally {
      await plant.t.db.query(`UPDATE recall_cases SET opened_at = opened_at - interval '11 days' WHERE id = $1`, [moved.rows[0]!.id]);
    }
  });
});

describe('mock recalls', () => {
  it('time: the mean from start to mass balance, as each drill reported it', async () => {
    const r = await kpi('mock_recall_time', today, day(1));
    expect(inputsOf(r).drills).toBe(2);
    expect(r.value).toBeCloseTo((drillMs[0]! + drillMs[1]!) / 2, 3);
  });

  it('quantity accounted for, against the pass band', async () => {
    const r = await kpi('mock_recall_accounted', today, day(1));
    // masks 5,000 + tubes 600 brought in, all of it in stock: 5,600 / 5,600 × 100 = 100 %
    expect(inputsOf(r)).toEqual({ drills: 2, broughtIn: 5600, accounted: 5600 });
    expect(r.value).toBe(100);
    expect(r.target).toEqual({ min: 99.5, max: 101.5 });
  });
});

describe('stock', () => {
  // On-hand today, from the ledger: the demo's opening receipts 49,500 (14,500 + 17,500 + 8,000 + 2,400
  // + 300 + 5,000 + 600 + 1,200), less 5,000 consumed into the syringe lot, less shipped 100 (demo)
  // + 150 + 50 + 10, plus 60 returned = 44,250. Issued: shipped 310 + consumed 5,000 = 5,310.
  it('turnover and days of supply over today', async () => {
    const turnover = await kpi('inventory_turnover', today, day(1));
    // average on-hand over one day is its closing 44,250: 5,310 / 44,250 = 0.12
    expect(inputsOf(turnover)).toEqual({ shipped: 310, consumed: 5000, averageOnHand: 44250 });
    expect(turnover.value).toBeCloseTo(0.12, 12);
    const supply = await kpi('days_of_supply', today, day(1));
    // 44,250 / (5,310 / 1) = 8.33 days
    expect(inputsOf(supply)).toEqual({ onHand: 44250, issued: 5310, days: 1 });
    expect(supply.value).toBeCloseTo(44250 / 5310, 9);
  });

  it('averages the on-hand over each day: yesterday ended empty', async () => {
    const turnover = await kpi('inventory_turnover', day(-1), day(1));
    // (0 + 44,250) / 2 = 22,125; 5,310 / 22,125 = 0.24
    expect(inputsOf(turnover).averageOnHand).toBe(22125);
    expect(turnover.value).toBeCloseTo(0.24, 12);
    const supply = await kpi('days_of_supply', day(-1), day(1));
    // 44,250 / (5,310 / 2) = 16.67 days
    expect(supply.value).toBeCloseTo(44250 / 2655, 9);
  });

  it('a period before any stock has no turnover and no days of supply', async () => {
    expect((await kpi('inventory_turnover', day(-10), day(-9))).value).toBeNull();
    expect((await kpi('days_of_supply', day(-10), day(-9))).value).toBeNull();
  });
});

describe('data quality', () => {
  it('lots without expiry date', async () => {
    const r = await kpi('lots_without_expiry', today, day(1));
    // the demo's 8 lots all have one; NOEXP-1 has none
    expect(inputsOf(r)).toEqual({ lots: 9, withoutExpiry: 1 });
    expect(r.value).toBe(1);
  });

  it('shipments to a customer without an address', async () => {
    const r = await kpi('shipments_without_consignee_address', today, day(1));
    // the demo's shipment to DIST-BJ and ours to HOSP-SH1 and EXPORT-EU have no address; CLINIC-GZ has one
    expect(inputsOf(r)).toEqual({ shipments: 4, withoutAddress: 3 });
    expect(r.value).toBe(3);
  });
});

describe('GET /api/kpis', () => {
  it('answers every KPI with its label, unit, formula, value and inputs, for QA, supervisors and administrators', async () => {
    for (const token of [plant.qa, plant.supervisor, admin]) {
      const res = await app.request(`/api/kpis?from=${today}&to=${day(1)}`, bearer(token));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { period: unknown; kpis: KpiReading[] };
      expect(body.period).toEqual({ from: today, to: day(1), days: 1 });
      expect(body.kpis).toHaveLength(17);
      const reprint = body.kpis.find((k) => k.id === 'reprint_rate')!;
      expect(reprint).toMatchObject({ unit: 'percent', better: 'lower', value: 37.5, label: { en: 'Reprint rate', 'zh-CN': '重打率' } });
      expect(reprint.formula.en).toContain('÷');
      expect(reprint.inputs[0]).toEqual({ name: 'reprinted', label: { en: 'Reprinted labels requested', 'zh-CN': '请求的重打标签' }, value: 120 });
    }
  });

  it('reads the last 30 days up to today when no period is given', async () => {
    const res = await app.request('/api/kpis', bearer(plant.qa));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { period: unknown }).period).toEqual({ from: day(-29), to: day(1), days: 30 });
  });

  it('refuses without a session (401) and to roles that do not answer for the plant (403)', async () => {
    expect((await app.request('/api/kpis')).status).toBe(401);
    expect((await app.request('/api/kpis/reprint_rate')).status).toBe(401);
    const labels = await signIn(app, 'labels', plant.password);
    for (const token of [plant.picker, labels]) {
      expect((await app.request('/api/kpis', bearer(token))).status).toBe(403);
      expect((await app.request('/api/kpis/reprint_rate', bearer(token))).status).toBe(403);
    }
  });

  it.each([
    [`from=${day(1)}&to=${today}`, 'empty_period', 'from'],
    [`from=${today}&to=${today}`, 'empty_period', 'from'],
    ['from=2025-02-30&to=2025-03-10', 'invalid_date', 'from'],
    ['from=2025-01-01&to=2025-1-31', 'invalid_date', 'to'],
    ['from=２０２５-01-01&to=2025-01-31', 'invalid_date', 'from'],
    ['from=yesterday', 'invalid_date', 'from'],
    [`from=${day(-1200)}&to=${day(1)}`, 'period_too_long', 'from'],
    [`from=${today}&to=${day(2)}`, 'period_in_future', 'to'],
  ])('refuses %s with 422 %s naming %s, for the list and for one KPI', async (query, code, field) => {
    for (const path of ['/api/kpis', '/api/kpis/reprint_rate']) {
      const res = await app.request(`${path}?${query}`, bearer(plant.qa));
      expect(res.status, path).toBe(422);
      const body = (await res.json()) as { error: { code: string; message: string; details: { field: string } } };
      expect(body.error.code).toBe(code);
      expect(body.error.details.field).toBe(field);
      expect(body.error.message).toContain(field);
    }
  });

  it('says which KPIs there are when asked for one it does not have', async () => {
    const res = await app.request('/api/kpis/uptime', bearer(plant.qa));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('reprint_rate');
    expect((await app.request('/api/kpis/Reprint-Rate', bearer(plant.qa))).status).toBe(400);
  });

  it('is documented in the OpenAPI description', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    expect(doc.paths['/api/kpis']?.get?.parameters?.map((p) => p.name)).toEqual(['from', 'to']);
    expect(doc.paths['/api/kpis/{id}']?.get).toBeDefined();
  });
});
