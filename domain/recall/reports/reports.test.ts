import { describe, expect, it } from 'vitest';
import type { ReportFacts } from './facts';
import { caseReport, caseSequence, drillReport, fdaReportNumber, reportsFor, type ReportDocument } from './index';

const facts: ReportFacts = {
  case: {
    number: 'RC20260007',
    drill: false,
    state: 'recovering',
    terms: {
      reason: 'barrel wall too thin',
      healthHazard: 'may crack under pressure',
      classes: { fda: 'II', nmpa: 2, euFsca: true },
      depth: 'user',
      strategy: 'return and destroy',
      effectiveness: { level: 'B', percent: 30 },
      jurisdictions: ['US', 'CN', 'EU'],
    },
    owner: 'Quality Lead',
    createdAt: '2026-06-01T01:00:00.000Z',
    openedAt: '2026-06-01T02:00:00.000Z',
    closedAt: null,
    scopeDescribed: 'lot RC-SYR1',
  },
  manufacturer: { name: 'Acme Medical', nameZh: '艾克米医疗', address: '1 Road, Suzhou', contact: 'qa@acme.example', fdaRegistration: '3004567', nmpaRegistration: '苏械注准20262140001', euSrn: 'CN-MF-000012345' },
  products: [{ gtin: '06901234000016', udiDi: '06901234000016', name: 'Syringe 5 ml', nameZh: '注射器 5 ml' }],
  lots: [{ lotNumber: 'RC-SYR1', gtin: '06901234000016', depth: 0, broughtIn: 400, inStock: 150, shippedOut: 250, consumed: 0, scrapped: 0, unaccounted: 0, serials: ['RCS-0001'] }],
  shipments: [
    { shipment: 'SH1', consigneeCode: 'HOSP-SH1', consigneeName: 'Shanghai Hospital', lotNumber: 'RC-SYR1', gtin: '06901234000016', serial: null, qty: 150, shippedAt: '2026-05-20T03:00:00.000Z' },
    { shipment: 'SH2', consigneeCode: 'DIST-BJ', consigneeName: 'Beijing Distributor', lotNumber: 'RC-SYR1', gtin: '06901234000016', serial: null, qty: 100, shippedAt: '2026-05-21T03:00:00.000Z' },
  ],
  consignees: [
    { code: 'DIST-BJ', name: 'Beijing Distributor', shipped: 100, returned: 30, destroyed: 20, corrected: 0, onHand: 50, lost: 0, gap: 0, answered: true, answeredAt: '2026-06-03T05:00:00.000Z', explained: null },
    { code: 'HOSP-SH1', name: 'Shanghai Hospital', shipped: 150, returned: 10, destroyed: 0, corrected: 0, onHand: 0, lost: 0, gap: 140, answered: false, answeredAt: null, explained: null },
  ],
  notices: [{ sentOn: '2026-06-02', method: 'letter', count: 2 }],
  dispositions: [{ action: 'destroy', qty: 30 }],
  reconciliation: { shipped: 250, accounted: 110, percent: 44 },
  effectiveness: {
    selected: 2,
    required: 1,
    checked: 2,
    reached: 1,
    receivedNotice: 1,
    followedInstructions: 1,
    failed: [{ code: 'HOSP-SH1', name: 'Shanghai Hospital', finding: 'not_reached', note: 'ward closed for refit', checkedAt: '2026-06-03T09:30:00.000Z' }],
  },
  clocks: [],
  generatedAt: '2026-06-04T08:00:00.000Z',
  generatedBy: 'qa',
};

const field = (doc: ReportDocument, label: string) => doc.sections.flatMap((s) => s.fields ?? []).find(([l]) => l === label)?.[1];
const table = (doc: ReportDocument, heading: string) => doc.sections.find((s) => s.heading === heading)?.table;

describe('21 CFR 7.53 status report', () => {
  const doc = caseReport('status', facts, null);
  it.each([
    ['Consignees notified', 2],
    ['Date and method of notification', '2026-06-02 letter (2)'],
    ['Consignees responding', 1],
    ['Quantity on hand at time of response', '50'],
    ['Consignees not responding', 1],
    ['Units returned', '40'],
    ['Units corrected', '0'],
    ['Units destroyed', '20'],
    ['Units accounted for', '110 (44 %)'],
    ['Effectiveness checks', 'level B (30 %): 1 of 2 consignees to check'],
    ['Results of effectiveness checks', '2 of 2 drawn consignees checked: 1 reached, 1 received the notice, 1 followed the instructions'],
  ])('%s: %s', (label, value) => expect(field(doc, label)).toBe(value));

  it('names each check that found the recall not effective there', () => {
    expect(table(doc, 'Effectiveness checks that found the recall not effective')?.rows).toEqual([['HOSP-SH1', 'Shanghai Hospital', 'not reached', '2026-06-03', 'ward closed for refit']]);
  });

  it('says when no consignee has been drawn or checked yet', () => {
    const none = { selected: null, required: null, checked: 0, reached: 0, receivedNotice: 0, followedInstructions: 0, failed: [] };
    expect(field(caseReport('status', { ...facts, effectiveness: none }, null), 'Results of effectiveness checks')).toBe('no consignees drawn for checks yet');
    expect(field(caseReport('status', { ...facts, effectiveness: { ...none, selected: 3, required: 3 } }, null), 'Results of effectiveness checks')).toBe('3 consignees drawn; none checked yet');
  });

  it('lists who has not answered', () => {
    expect(table(doc, 'Consignees not responding')?.rows).toEqual([['HOSP-SH1', 'Shanghai Hospital', '150', '10']]);
  });

  it('before any notice says so, not zero on some date', () => {
    expect(field(caseReport('status', { ...facts, notices: [] }, null), 'Date and method of notification')).toBe('not yet notified');
  });
});

describe('21 CFR 806.10 report', () => {
  it('numbers the report registration-date-sequence-C/R', () => {
    expect(fdaReportNumber('3004567', '2026-06-04', caseSequence('RC20260007'), 'removal')).toBe('3004567-06/04/2026-007-R');
    expect(fdaReportNumber('3004567', '2026-06-04', 12, 'correction')).toBe('3004567-06/04/2026-012-C');
  });

  it.each([
    ['123', '2026-06-04', 1],
    ['3004567', '2026-6-4', 1],
    ['3004567', '2026-06-04', 1000],
  ])('refuses registration %s, date %s, sequence %s', (reg, date, seq) => {
    expect(() => fdaReportNumber(reg, date, seq, 'removal')).toThrow(RangeError);
  });

  it('names every consignee with the quantity and date shipped, the quantities and the UDI-DI', () => {
    const doc = caseReport('fda-806', facts, '3004567-06/04/2026-007-R');
    expect(doc.reference).toBe('3004567-06/04/2026-007-R');
    expect(field(doc, 'Report number')).toBe('3004567-06/04/2026-007-R');
    expect(field(doc, 'Quantity manufactured or received')).toBe('400');
    expect(field(doc, 'Quantity distributed')).toBe('250');
    expect(table(doc, '806.10(c)(10) Consignees, quantity and date shipped')?.rows).toEqual([
      ['HOSP-SH1', 'Shanghai Hospital', 'SH1', 'RC-SYR1', '', '150', '2026-05-20'],
      ['DIST-BJ', 'Beijing Distributor', 'SH2', 'RC-SYR1', '', '100', '2026-05-21'],
    ]);
    expect(table(doc, '806.10(c)(4)-(5) Device and UDI-DI')?.rows[0]).toContain('06901234000016');
    expect(table(doc, '806.10(c)(7) Lots and serials')?.rows[0]).toContain('RCS-0001');
  });

  it('says why it has no number when the registration is not set', () => {
    expect(field(caseReport('fda-806', { ...facts, manufacturer: null }, null), 'Report number')).toMatch(/registration number is not set/);
  });
});

describe('NMPA reports', () => {
  it('召回事件报告表 in Chinese with the level, depth and quantities', () => {
    const doc = caseReport('nmpa-event', facts, null);
    expect(doc.lang).toBe('zh-CN');
    expect(doc.title).toBe('医疗器械召回事件报告表 RC20260007');
    expect(field(doc, '召回级别')).toBe('二级');
    expect(field(doc, '召回深度')).toBe('使用者');
    expect(field(doc, '已销售数量')).toBe('250');
    expect(field(doc, '企业名称')).toBe('艾克米医疗');
  });

  it('召回计划实施情况报告 counts answers and marks who has not answered', () => {
    const doc = caseReport('nmpa-progress', facts, null);
    expect(field(doc, '已回复收货单位')).toBe(1);
    expect(field(doc, '未回复收货单位')).toBe(1);
    expect(table(doc, '召回实施情况（按收货单位）')?.rows[1]?.at(-1)).toBe('未回复');
    expect(table(doc, '召回产品处理情况')?.rows).toEqual([['销毁', '30']]);
  });

  it('总结评估报告 lists each gap with its explanation or says it has none', () => {
    const doc = caseReport('nmpa-summary', facts, null);
    expect(field(doc, '召回完成率')).toBe('44 %');
    expect(table(doc, '差额说明')?.rows).toEqual([['HOSP-SH1', '140', '未说明']]);
  });
});

describe('EU FSCA pack', () => {
  it('carries the FSN data, the consignee list and the reconciliation', () => {
    const doc = caseReport('eu-fsca', facts, null);
    expect(field(doc, 'SRN')).toBe('CN-MF-000012345');
    expect(table(doc, 'Consignees')?.rows.map((r) => r[0])).toEqual(['DIST-BJ', 'HOSP-SH1']);
    expect(field(doc, 'Share accounted for')).toBe('44 %');
  });
});

describe('drill report', () => {
  it('prints the stopwatch and the verdict', () => {
    const doc = drillReport(
      {
        caseNumber: 'MR20260001',
        scopeDescribed: 'lot RC-BAR1',
        stopwatch: { startedAt: '2026-06-02T08:00:00.000Z', scopeReadyAt: '2026-06-02T08:00:00.120Z', consigneesReadyAt: '2026-06-02T08:00:00.130Z', balanceReadyAt: '2026-06-02T08:00:00.200Z' },
        lots: 2,
        consignees: 2,
        shipmentLines: 2,
        broughtIn: 1000,
        accounted: 994,
        percent: 99.4,
        passed: false,
        startedBy: 'qa',
      },
      '2026-06-02T08:01:00.000Z',
    );
    expect(table(doc, 'Stopwatch')?.rows.map((r) => r[2])).toEqual([120, 130, 200]);
    expect(field(doc, 'Share accounted for')).toBe('99.4 %');
    expect(field(doc, 'Result')).toBe('FAIL');
  });
});

describe('reports a case offers', () => {
  it.each([
    [[], ['status']],
    [['CN'], ['status', 'nmpa-event', 'nmpa-progress', 'nmpa-summary']],
    [['US', 'EU'], ['status', 'fda-806', 'eu-fsca']],
  ] as const)('for %j: %j', (jurisdictions, kinds) => expect(reportsFor(jurisdictions)).toEqual(kinds));
});
