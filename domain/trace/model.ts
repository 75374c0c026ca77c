import type { TraceAnswer, TraceAnswerLot } from './answer';

export interface TraceCustomer {
  /** `customer:<code>`, apart from lot ids. */
  id: string;
  code: string;
  name: string;
}

/** Material flow: from a component lot to the lot made from it, or from a lot to the customer it was shipped to. */
export interface TraceFlow {
  from: string;
  to: string;
  qty: number;
}

export interface TraceModel {
  root: string;
  direction: TraceAnswer['direction'];
  lots: ReadonlyMap<string, TraceAnswerLot>;
  customers: ReadonlyMap<string, TraceCustomer>;
  flows: readonly TraceFlow[];
  /** Deepest lot level; customers sit one level further. */
  maxDepth: number;
  /** For each reached lot but the root, the lot the walk came from (one hop nearer the root). */
  cameFrom: ReadonlyMap<string, string>;
  /** Serials seen on each lot's links and shipment lines, for search. */
  serials: ReadonlyMap<string, ReadonlySet<string>>;
}

export const customerNodeId = (code: string) => `customer:${code}`;

function addSerial(serials: Map<string, Set<string>>, lotId: string, serial: string | null | undefined) {
  if (!serial) return;
  const set = serials.get(lotId) ?? new Set<string>();
  set.add(serial);
  serials.set(lotId, set);
}

/**
 * Turns a trace answer into a graph: lots and customers as nodes, flows in the direction the
 * material went (components before what was made of them, customers last), whatever the
 * direction of the walk. Links and shipment lines to lots the answer does not list (beyond its
 * depth limit) are left out rather than drawn to nowhere.
 */
export function traceModel(answer: TraceAnswer): TraceModel {
  const lots = new Map(answer.lots.map((l) => [l.id, l]));
  const flows: TraceFlow[] = [];
  const serials = new Map<string, Set<string>>();
  const cameFrom = new Map<string, string>();
  for (const edge of answer.edges) {
    const parent = lots.get(edge.parentLotId);
    const child = lots.get(edge.childLotId);
    if (!parent || !child) continue;
    flows.push({ from: parent.id, to: child.id, qty: edge.qty });
    for (const s of edge.serials ?? []) addSerial(serials, parent.id, s);
    // Forward walks go parent -> child, backward ones child -> parent: the nearer end is the one a hop shallower.
    const [near, far] = answer.direction === 'forward' ? [parent, child] : [child, parent];
    if (near.depth + 1 === far.depth) {
      const known = cameFrom.get(far.id);
      if (known === undefined || near.lotNumber < lots.get(known)!.lotNumber) cameFrom.set(far.id, near.id);
    }
  }
  const customers = new Map<string, TraceCustomer>();
  const shipped = new Map<string, TraceFlow>();
  for (const line of answer.shipments) {
    if (!lots.has(line.lotId)) continue;
    const id = customerNodeId(line.customerCode);
    if (!customers.has(id)) customers.set(id, { id, code: line.customerCode, name: line.customerName });
    addSerial(serials, line.lotId, line.serial);
    const key = `${line.lotId}\u0000${id}`;
    const flow = shipped.get(key);
    if (flow) flow.qty += line.qty;
    else shipped.set(key, { from: line.lotId, to: id, qty: line.qty });
  }
  flows.push(...shipped.values());
  let maxDepth = 0;
  for (const lot of answer.lots) maxDepth = Math.max(maxDepth, lot.depth);
  return { root: answer.root, direction: answer.direction, lots, customers, flows, maxDepth, cameFrom, serials };
}
