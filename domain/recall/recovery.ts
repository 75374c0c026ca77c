import type { Role } from '../auth';
import type { RecallState } from './case';

/** A recall case as a return op meets it: what it holds and whom it shipped to. */
export interface ReturnCase {
  id: string;
  number: string;
  state: RecallState;
  drill: boolean;
  /** Customer ids of the consignees frozen into the case when it opened. */
  consignees: ReadonlySet<string>;
}

export const RETURN_FLAGS = ['lot_not_in_scope', 'consignee_not_in_scope', 'unknown_consignee', 'case_not_recovering', 'unknown_case'] as const;
export type ReturnFlag = (typeof RETURN_FLAGS)[number];

export interface ReturnMatch {
  /** Null only when the op named a case the plant does not have. */
  caseId: string | null;
  caseNumber: string | null;
  namedCase: string | null;
  inScope: boolean;
  flag: ReturnFlag | null;
}

export interface ReturnFacts {
  /** The case that holds the returned lot, if one does. */
  holder: ReturnCase | undefined;
  /** The case number the handheld's recall-return mode sent with the op, if any. */
  named: string | null;
  namedCase: ReturnCase | undefined;
  /** The returning customer, when it is known. */
  customerId: string | null;
}

/**
 * Which case a customer return belongs to, and whether it fits the case's frozen scope. A lot a
 * holding case has is that case's, whatever case the device named; a return that names a case
 * but does not fit it is kept against that case with the reason, for the owner to sort out.
 * Returns null for an ordinary return: no case holds the lot and none was named.
 */
export function matchRecallReturn(facts: ReturnFacts): ReturnMatch | null {
  const { holder, named, namedCase, customerId } = facts;
  const against = (c: ReturnCase, flag: ReturnFlag | null): ReturnMatch => ({ caseId: c.id, caseNumber: c.number, namedCase: named, inScope: flag === null, flag });
  if (holder) {
    if (customerId === null) return against(holder, 'unknown_consignee');
    return against(holder, holder.consignees.has(customerId) ? null : 'consignee_not_in_scope');
  }
  if (named === null) return null;
  if (!namedCase) return { caseId: null, caseNumber: null, namedCase: named, inScope: false, flag: 'unknown_case' };
  if (namedCase.drill || (namedCase.state !== 'open' && namedCase.state !== 'recovering')) return against(namedCase, 'case_not_recovering');
  return against(namedCase, 'lot_not_in_scope');
}

/** What a consignee reports about the units it was sent (the reply form of the letter). */
export interface ConsigneeReply {
  onHand: number;
  returned: number;
  destroyed: number;
  corrected: number;
  lost: number;
  subDistributed: readonly { name: string; qty: number }[];
  note: string;
}

export type ReplyProblem = { field: string; message: string };

const isQty = (n: number) => Number.isFinite(n) && n >= 0 && Math.round(n * 1000) === n * 1000;

/**
 * Whether a reply can be recorded. Used by QA's console form and by the public reply form to
 * come. A reply that accounts for more than was shipped is recorded (a consignee's count is
 * evidence, and the reconciliation shows the excess); one that cannot be a count is refused.
 */
export function replyProblems(reply: ConsigneeReply): ReplyProblem[] {
  const problems: ReplyProblem[] = [];
  for (const field of ['onHand', 'returned', 'destroyed', 'corrected', 'lost'] as const) {
    if (!isQty(reply[field])) problems.push({ field, message: 'must be a quantity of zero or more with at most three decimals' });
  }
  reply.subDistributed.forEach((s, i) => {
    if (s.name.trim().length === 0) problems.push({ field: `subDistributed.${i}.name`, message: 'names who the units were passed on to' });
    if (!isQty(s.qty) || s.qty === 0) problems.push({ field: `subDistributed.${i}.qty`, message: 'must be a quantity above zero' });
  });
  const all = reply.onHand + reply.returned + reply.destroyed + reply.corrected + reply.lost + reply.subDistributed.reduce((s, d) => s + d.qty, 0);
  if (problems.length === 0 && all === 0 && reply.note.trim().length === 0) problems.push({ field: 'note', message: 'a reply of nothing at all says why' });
  return problems;
}

export const DISPOSITION_ACTIONS = ['destroy', 'rework', 'relabel', 'return_to_supplier'] as const;
export type DispositionAction = (typeof DISPOSITION_ACTIONS)[number];

export interface DispositionRequest {
  action: DispositionAction;
  qty: number;
  signer: { id: string; roles: readonly Role[] };
  witness: { id: string; active: boolean };
  /** Returned units of the lot matched to the case, and how many already have a disposition. */
  returned: number;
  disposed: number;
  caseState: RecallState;
}

export type DispositionRefusal = 'role' | 'witness_is_signer' | 'witness_inactive' | 'invalid_qty' | 'more_than_returned' | 'case_not_recovering';

export type DispositionPlan = { ok: true; remaining: number } | { ok: false; code: DispositionRefusal; reason: string };

/**
 * Whether QA may decide what becomes of returned recalled units: signed by QA and witnessed by
 * someone else, for no more than came back and has no disposition yet.
 */
export function planDisposition(r: DispositionRequest): DispositionPlan {
  if (!r.signer.roles.includes('qc')) return { ok: false, code: 'role', reason: 'only QA decides what becomes of recalled stock' };
  if (r.witness.id === r.signer.id) return { ok: false, code: 'witness_is_signer', reason: 'the witness must be someone other than the signer' };
  if (!r.witness.active) return { ok: false, code: 'witness_inactive', reason: 'the witness must be an active user' };
  if (r.caseState !== 'open' && r.caseState !== 'recovering') return { ok: false, code: 'case_not_recovering', reason: `the case is ${r.caseState}` };
  if (!isQty(r.qty) || r.qty === 0) return { ok: false, code: 'invalid_qty', reason: 'the quantity must be above zero with at most three decimals' };
  const left = Math.round((r.returned - r.disposed) * 1000) / 1000;
  if (r.qty > left) return { ok: false, code: 'more_than_returned', reason: `only ${left} returned unit(s) of the lot are waiting for a disposition` };
  return { ok: true, remaining: Math.round((left - r.qty) * 1000) / 1000 };
}
