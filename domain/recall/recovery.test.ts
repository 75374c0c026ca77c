import { describe, expect, it } from 'vitest';
import { matchRecallReturn, planDisposition, replyProblems, type ConsigneeReply, type DispositionRequest, type ReturnCase } from './recovery';

const open: ReturnCase = { id: 'c1', number: 'RC20260001', state: 'recovering', drill: false, consignees: new Set(['hosp']) };
const closed: ReturnCase = { ...open, id: 'c0', number: 'RC20250009', state: 'closed' };
const drill: ReturnCase = { ...open, id: 'd1', number: 'MR20260001', drill: true };

describe('matchRecallReturn', () => {
  it.each([
    ['ordinary return', { holder: undefined, named: null, namedCase: undefined, customerId: 'hosp' }, null],
    ['held lot from a consignee', { holder: open, named: null, namedCase: undefined, customerId: 'hosp' }, { caseId: 'c1', inScope: true, flag: null }],
    ['held lot from another customer', { holder: open, named: null, namedCase: undefined, customerId: 'dist' }, { caseId: 'c1', inScope: false, flag: 'consignee_not_in_scope' }],
    ['held lot from nobody known', { holder: open, named: null, namedCase: undefined, customerId: null }, { caseId: 'c1', flag: 'unknown_consignee' }],
    ['held lot named against another case', { holder: open, named: 'RC20250009', namedCase: closed, customerId: 'hosp' }, { caseId: 'c1', namedCase: 'RC20250009', inScope: true }],
    ['free lot named against an open case', { holder: undefined, named: 'RC20260001', namedCase: open, customerId: 'hosp' }, { caseId: 'c1', flag: 'lot_not_in_scope' }],
    ['free lot named against a closed case', { holder: undefined, named: 'RC20250009', namedCase: closed, customerId: 'hosp' }, { caseId: 'c0', flag: 'case_not_recovering' }],
    ['free lot named against a drill', { holder: undefined, named: 'MR20260001', namedCase: drill, customerId: 'hosp' }, { caseId: 'd1', flag: 'case_not_recovering' }],
    ['free lot named against no case', { holder: undefined, named: 'RC1', namedCase: undefined, customerId: 'hosp' }, { caseId: null, namedCase: 'RC1', flag: 'unknown_case' }],
  ] as const)('%s', (_, facts, expected) => {
    const match = matchRecallReturn(facts);
    if (expected === null) expect(match).toBeNull();
    else expect(match).toMatchObject(expected);
  });
});

const reply = (r: Partial<ConsigneeReply>): ConsigneeReply => ({ onHand: 0, returned: 0, destroyed: 0, corrected: 0, lost: 0, subDistributed: [], note: '', ...r });

describe('replyProblems', () => {
  it.each([
    ['a count', reply({ onHand: 20, destroyed: 5 }), []],
    ['passed on', reply({ subDistributed: [{ name: 'Clinic A', qty: 10 }] }), []],
    ['nothing left, with why', reply({ note: 'all units used before the notice' }), []],
    ['nothing at all', reply({}), ['note']],
    ['a negative count', reply({ onHand: -1 }), ['onHand']],
    ['ten-thousandths', reply({ returned: 0.0001 }), ['returned']],
    ['a sub-consignee with no name', reply({ subDistributed: [{ name: ' ', qty: 2 }] }), ['subDistributed.0.name']],
    ['a sub-consignee with nothing', reply({ onHand: 1, subDistributed: [{ name: 'Clinic', qty: 0 }] }), ['subDistributed.0.qty']],
  ] as const)('%s', (_, r, fields) => {
    expect(replyProblems(r).map((p) => p.field)).toEqual(fields);
  });
});

const request = (r: Partial<DispositionRequest>): DispositionRequest => ({
  action: 'destroy',
  qty: 10,
  signer: { id: 'qa', roles: ['qc'] },
  witness: { id: 'sup', active: true },
  returned: 30,
  disposed: 15,
  caseState: 'recovering',
  ...r,
});

describe('planDisposition', () => {
  it.each([
    ['QA with a witness', {}, { ok: true, remaining: 5 }],
    ['the last units', { qty: 15 }, { ok: true, remaining: 0 }],
    ['a supervisor signing', { signer: { id: 'sup2', roles: ['supervisor'] as const } }, { ok: false, code: 'role' }],
    ['the signer as witness', { witness: { id: 'qa', active: true } }, { ok: false, code: 'witness_is_signer' }],
    ['a disabled witness', { witness: { id: 'sup', active: false } }, { ok: false, code: 'witness_inactive' }],
    ['more than is waiting', { qty: 15.001 }, { ok: false, code: 'more_than_returned' }],
    ['nothing', { qty: 0 }, { ok: false, code: 'invalid_qty' }],
    ['a closed case', { caseState: 'closed' as const }, { ok: false, code: 'case_not_recovering' }],
  ] as const)('%s', (_, r, expected) => {
    expect(planDisposition(request(r))).toMatchObject(expected);
  });
});
