import { describe, expect, it } from 'vitest';
import { KPIS, KPI_IDS, computeKpi, type KpiDefinition } from './registry';

// Hand-computed: each row gives the inputs, the figure and the arithmetic that gives it.
describe('each KPI on hand-computed inputs', () => {
  it.each([
    // 47 of 50 labels out of the spool confirmed by the printer: 47 / 50 × 100 = 94
    ['label_print_success_rate', { requested: 60, finished: 50, printerConfirmed: 47 }, 94],
    // nothing left the spool yet: no rate, not 0 %
    ['label_print_success_rate', { requested: 10, finished: 0, printerConfirmed: 0 }, null],
    // (2 voided + 3 reprinted + 0 test) / 400 good × 1000 = 12.5
    ['label_waste_per_1000', { voided: 2, reprinted: 3, test: 0, good: 400 }, 12.5],
    ['label_waste_per_1000', { voided: 5, reprinted: 0, test: 0, good: 0 }, null],
    // 3 / 120 × 100 = 2.5
    ['reprint_rate', { reprinted: 3, requested: 120 }, 2.5],
    ['reprint_rate', { reprinted: 0, requested: 0 }, null],
    ['printer_downtime', { printers: 2, downHours: 1.75 }, 1.75],
    ['printer_downtime', { printers: 2, downHours: 0 }, 0],
    // no printer to be down
    ['printer_downtime', { printers: 0, downHours: 0 }, null],
    // (36 + 12 + 3) / 3 = 17
    ['qc_release_cycle_time', { releases: 3, totalHours: 51 }, 17],
    ['qc_release_cycle_time', { releases: 0, totalHours: 0 }, null],
    ['trace_time_p95', { traces: 20, rank: 19, msAtRank: 182.5 }, 182.5],
    ['trace_time_p95', { traces: 0, rank: 0, msAtRank: 0 }, null],
    // (2 + 5) / 2 = 3.5
    ['recall_letters_sent_days', { recalls: 3, withLetters: 2, totalDays: 7 }, 3.5],
    // recalls, none has sent letters yet
    ['recall_letters_sent_days', { recalls: 1, withLetters: 0, totalDays: 0 }, null],
    ['recall_letters_sent_days', { recalls: 0, withLetters: 0, totalDays: 0 }, null],
    // 1 of 3 consignees: 1 / 3 × 100 = 33.33…
    ['recall_responded_by_day_3', { recalls: 1, consignees: 3, responded: 1 }, 100 / 3],
    ['recall_responded_by_day_7', { recalls: 1, consignees: 0, responded: 0 }, null],
    ['recall_responded_by_day_14', { recalls: 0, consignees: 0, responded: 0 }, null],
    ['recall_responded_by_day_14', { recalls: 2, consignees: 4, responded: 4 }, 100],
    // 100 / 220 × 100 = 45.45…
    ['recall_quantity_recovered', { recalls: 1, outstanding: 220, recovered: 100 }, (100 / 220) * 100],
    // a recall whose consignees held nothing at opening: nothing to recover, no rate
    ['recall_quantity_recovered', { recalls: 1, outstanding: 0, recovered: 0 }, null],
    ['recall_quantity_recovered', { recalls: 0, outstanding: 0, recovered: 0 }, null],
    // (800 + 1300) / 2 = 1050
    ['mock_recall_time', { drills: 2, totalMs: 2100 }, 1050],
    ['mock_recall_time', { drills: 0, totalMs: 0 }, null],
    // 10,000 / 10,100 × 100 = 99.0099…
    ['mock_recall_accounted', { drills: 1, broughtIn: 10100, accounted: 10000 }, (10000 / 10100) * 100],
    ['mock_recall_accounted', { drills: 1, broughtIn: 0, accounted: 0 }, null],
    // (300 + 500) / 1,600 = 0.5
    ['inventory_turnover', { shipped: 300, consumed: 500, averageOnHand: 1600 }, 0.5],
    ['inventory_turnover', { shipped: 300, consumed: 0, averageOnHand: 0 }, null],
    // 900 / (800 / 30) = 33.75
    ['days_of_supply', { onHand: 900, issued: 800, days: 30 }, 33.75],
    ['days_of_supply', { onHand: 900, issued: 0, days: 30 }, null],
    ['days_of_supply', { onHand: 0, issued: 800, days: 30 }, 0],
    ['lots_without_expiry', { lots: 40, withoutExpiry: 3 }, 3],
    ['lots_without_expiry', { lots: 0, withoutExpiry: 0 }, 0],
    ['shipments_without_consignee_address', { shipments: 12, withoutAddress: 12 }, 12],
  ] as const)('%s %o = %s', (id, inputs, expected) => {
    const value = computeKpi(id, inputs as never);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 9);
  });
});

const kpis = KPI_IDS.map((id) => [id, KPIS[id] as KpiDefinition<string>] as const);
const inputsOf = (kpi: KpiDefinition<string>, value: (key: string) => number) => Object.fromEntries(Object.keys(kpi.inputs).map((key) => [key, value(key)]));

describe('the registry', () => {
  it.each(kpis)('%s says what it is in both languages, with a unit and a formula', (_id, kpi) => {
    for (const text of [kpi.label, kpi.formula, ...Object.values(kpi.inputs)]) {
      expect(text.en.trim()).not.toBe('');
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(['percent', 'per_1000', 'hours', 'ms', 'days', 'count', 'ratio']).toContain(kpi.unit);
    expect(['higher', 'lower', 'none']).toContain(kpi.better);
  });

  it.each(kpis)('%s answers null or a number on empty inputs, never NaN or Infinity', (_id, kpi) => {
    const value = kpi.compute(inputsOf(kpi, () => 0));
    expect(value === null || Number.isFinite(value)).toBe(true);
  });

  it.each(kpis)('%s stays finite on huge counts (past 2^31 and near 2^53)', (_id, kpi) => {
    for (const big of [2 ** 31 + 7, Number.MAX_SAFE_INTEGER, 1e300]) {
      const value = kpi.compute(inputsOf(kpi, () => big));
      expect(value === null || Number.isFinite(value), `${big}`).toBe(true);
    }
  });

  it.each(kpis)('%s answers null, not a number, when an input is not a number', (_id, kpi) => {
    const value = kpi.compute(inputsOf(kpi, (key) => (key === Object.keys(kpi.inputs).at(-1) ? Number.NaN : 5)));
    expect(value === null || Number.isFinite(value)).toBe(true);
  });

  it('huge counts give the figure they should: 2^40 confirmed of 2^41 labels is 50 %', () => {
    expect(computeKpi('label_print_success_rate', { requested: 2 ** 41, finished: 2 ** 41, printerConfirmed: 2 ** 40 })).toBe(50);
    expect(computeKpi('reprint_rate', { reprinted: 3_000_000_000, requested: 12_000_000_000 })).toBe(25);
  });

  it('names every KPI the issue asks for', () => {
    expect(KPI_IDS).toEqual([
      'label_print_success_rate',
      'label_waste_per_1000',
      'reprint_rate',
      'printer_downtime',
      'qc_release_cycle_time',
      'trace_time_p95',
      'recall_letters_sent_days',
      'recall_responded_by_day_3',
      'recall_responded_by_day_7',
      'recall_responded_by_day_14',
      'recall_quantity_recovered',
      'mock_recall_time',
      'mock_recall_accounted',
      'inventory_turnover',
      'days_of_supply',
      'lots_without_expiry',
      'shipments_without_consignee_address',
    ]);
  });
});
