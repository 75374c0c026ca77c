import type { ConsigneeReply, ReturnFlag } from './recovery';

/**
 * Where every unit shipped to a consignee stands at the end of a recall (21 CFR 7.53, NMPA
 * 召回总结评估): shipped − (returned + destroyed + corrected + confirmed on hand + documented
 * lost). A recall closes when that is zero for every consignee, or when each gap is explained
 * and signed. Pure: the figures come from the frozen scope, the returns the plant received and
 * each consignee's latest answer.
 */

export interface ConsigneeFigures {
  customerId: string;
  code: string;
  shipped: number;
  /** Units back in the plant: before the case opened and matched to it since. */
  returned: number;
  /** What the consignee's latest answer says; zero until it answers. */
  destroyed: number;
  corrected: number;
  onHand: number;
  lost: number;
  /** Whether the consignee answered at all. */
  answered: boolean;
}

/** A signed explanation of a consignee's gap, for the gap it names. */
export interface GapExplanation {
  customerId: string;
  gap: number;
  explanation: string;
  signerName: string;
  signedAt: string;
}

export interface ConsigneeReconciliation extends ConsigneeFigures {
  accounted: number;
  /** Positive: units still unaccounted for; negative: more accounted for than was shipped. */
  gap: number;
  /** The explanation that covers this gap, if one does. */
  explained: GapExplanation | null;
  /** A gap with no explanation for it: what stands in the way of closure. */
  open: boolean;
}

export interface Reconciliation {
  consignees: ConsigneeReconciliation[];
  shipped: number;
  accounted: number;
  /** Share of what was shipped that is accounted for, one decimal; null when nothing was shipped. */
  percent: number | null;
  openGaps: ConsigneeReconciliation[];
  closable: boolean;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function reconcileConsignee(figures: ConsigneeFigures, explanations: readonly GapExplanation[] = []): ConsigneeReconciliation {
  const accounted = round(figures.returned + figures.destroyed + figures.corrected + figures.onHand + figures.lost);
  const gap = round(figures.shipped - accounted);
  // Only an explanation of this very gap counts: figures that moved since need a new one.
  const explained = gap === 0 ? null : ([...explanations].reverse().find((e) => e.customerId === figures.customerId && round(e.gap) === gap) ?? null);
  return { ...figures, accounted, gap, explained, open: gap !== 0 && explained === null };
}

export function reconcile(figures: readonly ConsigneeFigures[], explanations: readonly GapExplanation[] = []): Reconciliation {
  const consignees = [...figures].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map((f) => reconcileConsignee(f, explanations));
  const shipped = round(consignees.reduce((s, c) => s + c.shipped, 0));
  const accounted = round(consignees.reduce((s, c) => s + c.accounted, 0));
  const openGaps = consignees.filter((c) => c.open);
  return { consignees, shipped, accounted, percent: shipped === 0 ? null : Math.round((accounted / shipped) * 1000) / 10, openGaps, closable: openGaps.length === 0 };
}

/** A consignee's answer as recorded: by QA from a call or a letter, or by the consignee with its reply code. */
export interface RecordedReply extends ConsigneeReply {
  id: number;
  channel: 'qa' | 'code';
  recordedBy: string | null;
  recorderName: string;
  recordedAt: string;
}

export interface FlaggedReturn {
  opId: string;
  lotNumber: string;
  customerCode: string;
  qty: number;
  flag: ReturnFlag;
  namedCase: string | null;
  returnedAt: string;
}

export interface CaseReconciliation extends Omit<Reconciliation, 'consignees' | 'openGaps'> {
  consignees: (ConsigneeReconciliation & { name: string; reply: RecordedReply | null })[];
  openGaps: { customerId: string; code: string; name: string; shipped: number; accounted: number; gap: number }[];
  /** Returns kept against the case that did not fit its scope: for the owner to sort out. */
  flaggedReturns: FlaggedReturn[];
  /** What QA decided for the returned stock, per action. */
  dispositions: { action: string; qty: number }[];
}
