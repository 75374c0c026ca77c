import type { TraceAnswer, TraceAnswerEdge, TraceAnswerLot, TraceAnswerShipment } from './answer';

export interface GenealogyShape {
  lots: number;
  levels?: number;
  itemsPerLevel?: number;
  customers?: number;
  seed?: number;
}

const STATUSES = ['released', 'released', 'released', 'quarantine', 'on_hold', 'recalled'];

/**
 * A forward trace from one raw-material lot, as the server would answer it: `lots` lots over
 * `levels` levels, each made from one or two lots of the level before, the last level shipped
 * to customers. Pseudo-random from the seed, so a test sees the same trace every run.
 */
export function genealogy({ lots: total, levels = 4, itemsPerLevel = 3, customers = 12, seed = 7 }: GenealogyShape): TraceAnswer {
  let s = seed;
  const next = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
  const lot = (i: number, depth: number): TraceAnswerLot => ({
    id: `lot-${i}`,
    lotNumber: `L${String(i).padStart(5, '0')}`,
    gtin: `0690123400${String(depth * 10 + next(itemsPerLevel)).padStart(4, '0')}`,
    itemName: `Item ${depth}`,
    itemNameZh: `物料 ${depth}`,
    status: STATUSES[next(STATUSES.length)]!,
    supplierLot: depth === 0 ? 'SUP-1' : null,
    depth,
  });
  const all: TraceAnswerLot[] = [{ ...lot(0, 0), gtin: '06901234000115', status: 'recalled' }];
  const byLevel: TraceAnswerLot[][] = [[all[0]!]];
  const depthCount = Math.min(levels, total - 1);
  for (let i = 1; i < total; i++) {
    const depth = 1 + ((i - 1) % depthCount);
    const made = lot(i, depth);
    all.push(made);
    (byLevel[depth] ??= []).push(made);
  }
  const edges: TraceAnswerEdge[] = [];
  for (let depth = 1; depth < byLevel.length; depth++) {
    const before = byLevel[depth - 1]!;
    for (const child of byLevel[depth]!) {
      const first = before[next(before.length)]!;
      edges.push({ parentLotId: first.id, childLotId: child.id, qty: 1 + next(100), workOrder: `WO-${child.lotNumber}`, serials: depth === 1 ? [`SN-${child.lotNumber}`] : [] });
      const second = before[next(before.length)]!;
      if (second !== first && next(2) === 0) edges.push({ parentLotId: second.id, childLotId: child.id, qty: 1 + next(100), workOrder: `WO-${child.lotNumber}`, serials: [] });
    }
  }
  const shipments: TraceAnswerShipment[] = [];
  const last = byLevel[byLevel.length - 1]!;
  if (byLevel.length > 1) {
    last.forEach((l, i) => {
      const c = next(customers);
      shipments.push({ lotId: l.id, shipment: `SH-${i}`, customerCode: `C${c}`, customerName: `Hospital ${c}`, qty: 1 + next(20), serial: i === 0 ? 'UNIT-1' : null, shippedAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00.000Z` });
    });
  }
  return { root: 'lot-0', direction: 'forward', serial: null, lots: all, edges, shipments };
}
