import { describe, expect, it } from 'vitest';
import type { LotDoc, OpDoc, RecallCaseDoc } from '../../sync';
import { returnQty, returnVerdict, returnsPerConsignee, type ReturnVerdict } from './recall-return';

const G = '06901234000016';
const lot = (lotNumber: string, recallCase: string | null): LotDoc => ({ id: `lot-${lotNumber}`, itemId: 'item', gtin: G, lotNumber, status: recallCase ? 'recalled' : 'released', expiresOn: null, manufacturedOn: null, supplier: null, supplierLot: null, origin: 'produced', recallCase });
const HOSP = { id: 'cust-hosp', code: 'HOSP-SH1', name: 'Shanghai First' };
const DIST = { id: 'cust-dist', code: 'DIST-BJ', name: 'Beijing Distribution' };
const CLINIC = { id: 'cust-clinic', code: 'CLINIC-9', name: 'Clinic 9' };
const RC7: RecallCaseDoc = { id: 'case-7', number: 'RC20260007', state: 'open', consignees: [DIST, HOSP], heldLots: [] };
const RC8: RecallCaseDoc = { id: 'case-8', number: 'RC20260008', state: 'recovering', consignees: [CLINIC], heldLots: [] };
const cases = new Map([RC7, RC8].map((c) => [c.number, c]));
const LOTS = new Map([lot('L-HELD', 'RC20260007'), lot('L-OTHER', 'RC20260008'), lot('L-FREE', null), lot('L-CLOSED', 'RC20250001')].map((l) => [l.lotNumber, l]));

describe('returnVerdict', () => {
  it.each<[string, string | null, string, ReturnVerdict]>([
    ['a lot the case holds, from one of its consignees', 'L-HELD', HOSP.id, { kind: 'counted' }],
    ['a lot the case holds, from a customer it never shipped to', 'L-HELD', CLINIC.id, { kind: 'flagged', flag: 'consignee_not_in_scope' }],
    ['a lot no case holds', 'L-FREE', HOSP.id, { kind: 'flagged', flag: 'lot_not_in_scope' }],
    ['a lot whose case is no longer taking returns', 'L-CLOSED', HOSP.id, { kind: 'flagged', flag: 'lot_not_in_scope' }],
    ['a lot another open case holds, from its consignee', 'L-OTHER', CLINIC.id, { kind: 'other_case', caseNumber: 'RC20260008' }],
    ['a lot another open case holds, from a stranger to it', 'L-OTHER', HOSP.id, { kind: 'flagged', flag: 'consignee_not_in_scope' }],
    ['a label no lot is known by', null, HOSP.id, { kind: 'unknown_lot' }],
  ])('%s', (_, lotNumber, consigneeId, verdict) => {
    expect(returnVerdict(lotNumber ? LOTS.get(lotNumber)! : null, RC7, consigneeId, cases)).toEqual(verdict);
  });
});

const op = (payload: Record<string, unknown>, status: OpDoc['status'] = 'queued', type: OpDoc['type'] = 'return'): OpDoc => ({ id: `op-${Math.random()}`, type, deviceId: 'd', userId: 'u', deviceTime: '2026-03-02T08:00:00.000Z', payload, status, outcome: null, appliedAt: null });
const ret = (customerCode: string, lotNumber: string, qty: number, recallCase: string | null = 'RC20260007') => ({ gtin: G, lotNumber, customerCode, qty, toLocationCode: 'QA-HOLD', recallCase });

describe('returnsPerConsignee', () => {
  it('counts per consignee what fits the case and, apart, what is flagged; other cases, refused and cancelled returns and other ops count for nothing', () => {
    const ops = [
      op(ret('HOSP-SH1', 'L-HELD', 12)),
      op(ret('HOSP-SH1', 'L-HELD', 0.5), 'applied'),
      op(ret('HOSP-SH1', 'L-FREE', 3)),
      op(ret('DIST-BJ', 'L-HELD', 7), 'exception'),
      op(ret('DIST-BJ', 'L-HELD', 100), 'rejected'),
      op(ret('DIST-BJ', 'L-HELD', 100), 'cancelled'),
      op(ret('HOSP-SH1', 'L-HELD', 40, 'RC20260008')),
      op(ret('HOSP-SH1', 'L-HELD', 40, null)),
      op(ret('HOSP-SH1', 'L-HELD', 9), 'queued', 'move'),
    ];
    expect(returnsPerConsignee(RC7, ops, (_, n) => LOTS.get(n) ?? null, cases)).toEqual([
      { code: 'DIST-BJ', name: DIST.name, counted: 7, flagged: 0 },
      { code: 'HOSP-SH1', name: HOSP.name, counted: 12.5, flagged: 3 },
    ]);
  });
});

describe('returnQty', () => {
  it.each([
    ['12', 12],
    [' 12 ', 12],
    ['0.25', 0.25],
    ['1,5', 1.5],
    ['0', null],
    ['', null],
    ['1.2345', null],
    ['12abc', null],
    ['-3', null],
  ])('%j is %j', (typed, qty) => {
    expect(returnQty(typed)).toBe(qty);
  });
});
