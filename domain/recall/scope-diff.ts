/**
 * What changed in a recall's reach since the case froze it: lots the genealogy reaches now and did
 * not then (a child produced later from a held lot), lots no longer reached, and consignees
 * shipped more or less (a held lot shipped anyway before the device heard of the hold). The case
 * keeps the frozen scope; the diff is what QA reads to decide whether to extend or explain it.
 */
export interface DiffLot {
  lotId: string;
  lotNumber: string;
}

export interface DiffConsignee {
  customerId: string;
  code: string;
  name: string;
  lines: number;
  shipped: number;
}

export interface ScopeSide {
  lots: readonly DiffLot[];
  consignees: readonly DiffConsignee[];
}

export interface ConsigneeChange {
  customerId: string;
  code: string;
  name: string;
  change: 'added' | 'gone' | 'more' | 'less';
  frozenShipped: number;
  nowShipped: number;
  frozenLines: number;
  nowLines: number;
}

export interface ScopeDiff {
  lotsAdded: DiffLot[];
  lotsGone: DiffLot[];
  consignees: ConsigneeChange[];
  unchanged: boolean;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const byNumber = (a: DiffLot, b: DiffLot) => (a.lotNumber < b.lotNumber ? -1 : a.lotNumber > b.lotNumber ? 1 : 0);

export function diffScope(frozen: ScopeSide, now: ScopeSide): ScopeDiff {
  const frozenLots = new Set(frozen.lots.map((l) => l.lotId));
  const nowLots = new Set(now.lots.map((l) => l.lotId));
  const lotsAdded = now.lots.filter((l) => !frozenLots.has(l.lotId)).sort(byNumber);
  const lotsGone = frozen.lots.filter((l) => !nowLots.has(l.lotId)).sort(byNumber);

  const frozenBy = new Map(frozen.consignees.map((c) => [c.customerId, c]));
  const nowBy = new Map(now.consignees.map((c) => [c.customerId, c]));
  const consignees: ConsigneeChange[] = [];
  for (const id of new Set([...frozenBy.keys(), ...nowBy.keys()])) {
    const before = frozenBy.get(id);
    const after = nowBy.get(id);
    const named = (after ?? before)!;
    const frozenShipped = round(before?.shipped ?? 0);
    const nowShipped = round(after?.shipped ?? 0);
    const frozenLines = before?.lines ?? 0;
    const nowLines = after?.lines ?? 0;
    const change = !before ? 'added' : !after ? 'gone' : nowShipped > frozenShipped ? 'more' : nowShipped < frozenShipped ? 'less' : nowLines !== frozenLines ? 'more' : null;
    if (change) consignees.push({ customerId: id, code: named.code, name: named.name, change, frozenShipped, nowShipped, frozenLines, nowLines });
  }
  consignees.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { lotsAdded, lotsGone, consignees, unchanged: lotsAdded.length === 0 && lotsGone.length === 0 && consignees.length === 0 };
}
