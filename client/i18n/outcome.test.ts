import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExceptionKind } from '../../domain/ops';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { describeOutcome, describeProblem } from './outcome';

/** Details as the planner writes them for each kind (domain/ops/plan.ts), the English message left out. */
const DETAILS: Record<ExceptionKind, Record<string, string | number | null>> = {
  negative_stock: { lotNumber: 'PP2410A', locationCode: 'A-01-01', before: 30, qty: 999, after: -969 },
  lot_not_pickable: { lotNumber: 'M2405K', status: 'on_hold', expiresOn: '2028-05-01', refusal: 'on_hold' },
  unknown_gtin: { gtin: '06901234000993', lotNumber: 'NEW', qty: 2 },
  unknown_lot: { gtin: '06901234000016', lotNumber: 'NOPE' },
  unknown_location: { locationCode: 'Z-99' },
  count_variance: { locationCode: 'A-01-01', lotNumber: 'PP2410A', expected: 15000, counted: 14990, variance: -10 },
  shelf_life_short: { lotNumber: 'S24030502', customerCode: 'HOSP-SH1', refusal: 'shelf_life_short', daysLeft: 25, minShelfLifeDays: 180 },
  unknown_customer: { customerCode: 'NOBODY' },
  unknown_work_order: { workOrderNumber: 'WO-404' },
  serial_reused: { gtin: '06901234000054', serial: 'SN1' },
  over_pick: { pickListNumber: 'PL-0001', gtin: '06901234000016', lotNumber: 'S24110701', ordered: 500, picked: 520, over: 20 },
  unknown_pick_list: { pickListId: '00000000-0000-0000-0000-000000000000', lotNumber: 'S24110701', qty: 5 },
  qc_required_new_quantity: { lotNumber: 'S24110701', status: 'released', qty: 5000, locationCode: 'QA-HOLD', requestedLocationCode: 'A-01-01' },
  dates_differ: { lotNumber: 'PP2411B', status: 'quarantine', qty: 200, locationCode: 'QA-HOLD', requestedLocationCode: 'RCV-01', differing: 'expiry', expiresOn: '2030-01-01', recordedExpiresOn: '2029-11-23' },
  pack_conflict: { child: '006901234000000017', parent: '306901234000000018', seenParent: null, currentParent: '306901234000000025', action: 'pack' },
  sscc_already_received: { sscc: '306141410000000428', notice: 'ASN-7', receivedOn: '2026-11-30', receivedByOp: '00000000-0000-0000-0000-000000000000' },
};

beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', interpolation: { escapeValue: false } });
});

describe('describeProblem', () => {
  it.each(Object.keys(DETAILS) as ExceptionKind[])('says %s in Chinese and English with every parameter filled', (kind) => {
    const zh = describeProblem(i18n.getFixedT('zh-CN'), { code: kind, params: DETAILS[kind] });
    const english = describeProblem(i18n.getFixedT('en'), { code: kind, params: DETAILS[kind] });
    expect(zh).not.toBeNull();
    expect(english).not.toBeNull();
    expect(zh).not.toContain('{{');
    expect(english).not.toContain('{{');
    // Codes and numbers may stay as they are; English words may not.
    expect(zh).not.toMatch(/\b(?!GTIN\b)[A-Za-z]{3,}\b(?<![A-Z0-9-]{3,})/);
  });

  it('never shows a blind count the book quantity', () => {
    for (const lng of ['en', 'zh-CN']) expect(describeProblem(i18n.getFixedT(lng), { code: 'count_variance', params: DETAILS.count_variance })).not.toMatch(/15000|14990/);
  });
});

describe('describeOutcome', () => {
  const t = i18n.getFixedT('zh-CN');
  it('joins several findings and falls back to the English message for codes it does not know', () => {
    expect(describeOutcome(t, { message: 'x', problems: [{ code: 'unknown_location', params: { locationCode: 'Z-99' } }, { code: 'cancelled', params: {} }] })).toBe('库位 Z-99 未知；已在设备上取消');
    expect(describeOutcome(t, { message: 'something new', problems: [{ code: 'from_a_newer_server', params: {} }] })).toBe('something new');
    expect(describeOutcome(t, { message: 'older server' })).toBe('older server');
    expect(describeOutcome(t, null)).toBeNull();
  });
});
