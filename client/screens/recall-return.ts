import { matchRecallReturn, type ReturnCase, type ReturnFlag } from '../../domain/recall';
import type { LotDoc, OpDoc, RecallCaseDoc } from '../../sync';

/** What the handheld can say of a scanned return before the server books it, in the server's own terms. */
export type ReturnVerdict =
  | { kind: 'counted' }
  | { kind: 'other_case'; caseNumber: string }
  | { kind: 'flagged'; flag: ReturnFlag }
  /** No lot of that label is known: the plant never made, received or shipped it. */
  | { kind: 'unknown_lot' };

const asReturnCase = (c: RecallCaseDoc): ReturnCase => ({ id: c.id, number: c.number, state: c.state, drill: false, consignees: new Set(c.consignees.map((x) => x.id)) });

/**
 * The verdict the server will reach (matchRecallReturn, the rule it books by), from what the
 * device knows: which case holds the lot, and whom the case shipped to. A lot another case holds
 * is counted for that case.
 */
export function returnVerdict(lot: LotDoc | null, selected: RecallCaseDoc, consigneeId: string | null, cases: ReadonlyMap<string, RecallCaseDoc>): ReturnVerdict {
  if (!lot) return { kind: 'unknown_lot' };
  const holder = lot.recallCase ? cases.get(lot.recallCase) : undefined;
  const match = matchRecallReturn({ holder: holder ? asReturnCase(holder) : undefined, named: selected.number, namedCase: asReturnCase(selected), customerId: consigneeId })!;
  if (match.flag) return { kind: 'flagged', flag: match.flag };
  if (match.caseNumber !== selected.number) return { kind: 'other_case', caseNumber: match.caseNumber! };
  return { kind: 'counted' };
}

export interface ConsigneeCount {
  code: string;
  name: string;
  /** Units scanned back from this consignee against the case that fit its scope. */
  counted: number;
  /** Units scanned against the case that do not fit it (kept, flagged). */
  flagged: number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The running count per consignee of the returns this handheld scanned against a case, judged by
 * what the device knows now. Returns the server refused or a person cancelled count for nothing.
 */
export function returnsPerConsignee(c: RecallCaseDoc, ops: readonly OpDoc[], lotOf: (gtin: string, lotNumber: string) => LotDoc | null, cases: ReadonlyMap<string, RecallCaseDoc>): ConsigneeCount[] {
  const counts = new Map(c.consignees.map((x) => [x.code, { code: x.code, name: x.name, counted: 0, flagged: 0 }]));
  for (const op of ops) {
    if (op.type !== 'return' || op.status === 'rejected' || op.status === 'cancelled') continue;
    const p = op.payload as { recallCase?: string | null; customerCode?: string; gtin?: string; lotNumber?: string; qty?: number };
    if (p.recallCase !== c.number || !p.customerCode || !p.gtin || !p.lotNumber || typeof p.qty !== 'number') continue;
    const row = counts.get(p.customerCode);
    if (!row) continue;
    const consignee = c.consignees.find((x) => x.code === p.customerCode)!;
    const verdict = returnVerdict(lotOf(p.gtin, p.lotNumber), c, consignee.id, cases);
    if (verdict.kind === 'counted') row.counted = round(row.counted + p.qty);
    else if (verdict.kind === 'flagged') row.flagged = round(row.flagged + p.qty);
  }
  return [...counts.values()];
}

/** A typed quantity as the op takes it: more than zero, at most three decimals. */
export function returnQty(typed: string): number | null {
  const trimmed = typed.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,3})?$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n > 0 && n <= 1e9 ? n : null;
}
