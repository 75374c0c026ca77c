import type { TraceAnswerLot } from './answer';
import type { TraceCustomer, TraceModel } from './model';

/** Nodes a graph may draw before it stops being readable on one screen: beyond it the view folds by item, then by level. */
export const DEFAULT_NODE_BUDGET = 200;
/** Lots an opened group lays out one by one per step, so opening a group of thousands does not flood the graph. */
export const GROUP_PAGE = 50;
export const CUSTOMERS_GROUP = 'customers';

/** What the person chose to see of a trace. */
export interface GraphView {
  /** The deepest level shown; lots further from the traced lot are folded into their neighbours' "beyond" counts. */
  levels: number;
  /** Lots of one item at one level drawn as one node with a count. */
  groupByItem: boolean;
  /** Opened groups, with how many of their lots they show one by one. */
  opened: ReadonlyMap<string, number>;
  /** Lots and customers always drawn on their own (the path to a search hit). */
  pinned: ReadonlySet<string>;
}

export type ViewNode =
  | { kind: 'lot'; id: string; level: number; lot: TraceAnswerLot; beyond: number }
  | { kind: 'group'; id: string; level: number; gtin: string; itemName: string; itemNameZh: string | null; lotIds: readonly string[]; status: string; beyond: number }
  | { kind: 'customer'; id: string; level: number; customer: TraceCustomer }
  | { kind: 'customers'; id: string; level: number; customerIds: readonly string[] };

export interface ViewEdge {
  id: string;
  from: string;
  to: string;
  qty: number;
  /** Genealogy links or shipments drawn as this one edge. */
  links: number;
}

export interface VisibleGraph {
  nodes: readonly ViewNode[];
  edges: readonly ViewEdge[];
  /** Lots deeper than the levels shown. */
  hiddenLots: number;
  /** For each lot and customer drawn, the node that stands for it. */
  nodeOf: ReadonlyMap<string, string>;
}

/** The status a group shows: the one that most needs attention among its lots. */
const URGENCY = ['recalled', 'on_hold', 'rejected', 'quarantine', 'expired', 'returned', 'scrapped', 'released'];
function urgentStatus(lots: readonly TraceAnswerLot[]): string {
  let best = lots[0]!.status;
  for (const l of lots) {
    const rank = URGENCY.indexOf(l.status);
    const bestRank = URGENCY.indexOf(best);
    if (rank !== -1 && (bestRank === -1 || rank < bestRank)) best = l.status;
  }
  return best;
}

export const groupId = (level: number, gtin: string) => `group:${level}:${gtin}`;
const byLotNumber = (a: TraceAnswerLot, b: TraceAnswerLot) => (a.lotNumber < b.lotNumber ? -1 : a.lotNumber > b.lotNumber ? 1 : 0);

/** Everything drawn, nothing folded. */
export const fullView = (model: TraceModel): GraphView => ({ levels: model.maxDepth, groupByItem: false, opened: new Map(), pinned: new Set() });

/**
 * Splits a group's members into those drawn alone (pinned, then the first `open` of the rest)
 * and those left in the group; a group that would hold one member draws it alone.
 */
function split<T>(members: readonly T[], open: number, isPinned: (m: T) => boolean): { alone: T[]; grouped: T[] } {
  const alone = members.filter(isPinned);
  const rest = members.filter((m) => !isPinned(m));
  const shown = Math.min(rest.length, Math.max(0, open));
  if (rest.length - shown <= 1) return { alone: [...alone, ...rest], grouped: [] };
  return { alone: [...alone, ...rest.slice(0, shown)], grouped: rest.slice(shown) };
}

export function visibleGraph(model: TraceModel, view: GraphView): VisibleGraph {
  const nodes: ViewNode[] = [];
  const nodeOf = new Map<string, string>();
  const visible = [...model.lots.values()].filter((l) => l.depth <= view.levels).sort((a, b) => a.depth - b.depth || byLotNumber(a, b));
  const addLot = (lot: TraceAnswerLot) => {
    nodes.push({ kind: 'lot', id: lot.id, level: lot.depth, lot, beyond: 0 });
    nodeOf.set(lot.id, lot.id);
  };
  if (!view.groupByItem) visible.forEach(addLot);
  else {
    const buckets = new Map<string, TraceAnswerLot[]>();
    for (const lot of visible) {
      const key = groupId(lot.depth, lot.gtin);
      const bucket = buckets.get(key) ?? [];
      bucket.push(lot);
      buckets.set(key, bucket);
    }
    for (const [key, members] of buckets) {
      const { alone, grouped } = split(members, view.opened.get(key) ?? 0, (l) => view.pinned.has(l.id) || l.id === model.root);
      alone.forEach(addLot);
      if (grouped.length === 0) continue;
      const first = grouped[0]!;
      nodes.push({ kind: 'group', id: key, level: first.depth, gtin: first.gtin, itemName: first.itemName, itemNameZh: first.itemNameZh, lotIds: grouped.map((l) => l.id), status: urgentStatus(grouped), beyond: 0 });
      for (const l of grouped) nodeOf.set(l.id, key);
    }
  }

  const customerLevel = model.maxDepth + 1;
  const reached = new Set<string>();
  for (const f of model.flows) if (model.customers.has(f.to) && nodeOf.has(f.from)) reached.add(f.to);
  const customers = [...reached].sort().map((id) => model.customers.get(id)!);
  const addCustomer = (customer: TraceCustomer) => {
    nodes.push({ kind: 'customer', id: customer.id, level: customerLevel, customer });
    nodeOf.set(customer.id, customer.id);
  };
  if (!view.groupByItem) customers.forEach(addCustomer);
  else {
    const { alone, grouped } = split(customers, view.opened.get(CUSTOMERS_GROUP) ?? 0, (c) => view.pinned.has(c.id));
    alone.forEach(addCustomer);
    if (grouped.length > 0) {
      nodes.push({ kind: 'customers', id: CUSTOMERS_GROUP, level: customerLevel, customerIds: grouped.map((c) => c.id) });
      for (const c of grouped) nodeOf.set(c.id, CUSTOMERS_GROUP);
    }
  }

  const edges = new Map<string, ViewEdge>();
  const beyond = new Map<string, Set<string>>();
  for (const f of model.flows) {
    const from = nodeOf.get(f.from);
    const to = nodeOf.get(f.to);
    if (from !== undefined && to !== undefined) {
      if (from === to) continue;
      const id = `${from}>${to}`;
      const edge = edges.get(id);
      if (edge) {
        edge.qty += f.qty;
        edge.links += 1;
      } else edges.set(id, { id, from, to, qty: f.qty, links: 1 });
    } else if (from !== undefined || to !== undefined) {
      const [shown, hidden] = from !== undefined ? [from, f.to] : [to!, f.from];
      const set = beyond.get(shown) ?? new Set<string>();
      set.add(hidden);
      beyond.set(shown, set);
    }
  }
  for (const node of nodes) if (node.kind === 'lot' || node.kind === 'group') node.beyond = beyond.get(node.id)?.size ?? 0;
  return { nodes, edges: [...edges.values()], hiddenLots: model.lots.size - visible.length, nodeOf };
}

/**
 * The view a trace opens with: everything when it fits the budget, else grouped by item, else
 * also cut at the deepest level that fits. The traced lot alone always fits, so the answer never
 * exceeds a budget of two (the traced lot and its customers' group).
 */
export function autoView(model: TraceModel, budget = DEFAULT_NODE_BUDGET): GraphView {
  const full = fullView(model);
  if (visibleGraph(model, full).nodes.length <= budget) return full;
  for (let levels = model.maxDepth; levels > 0; levels--) {
    const view = { ...full, groupByItem: true, levels };
    if (visibleGraph(model, view).nodes.length <= budget) return view;
  }
  return { ...full, groupByItem: true, levels: 0 };
}

/** Shows the next page of a group's lots (or customers) one by one. */
export function openGroup(view: GraphView, id: string, page = GROUP_PAGE): GraphView {
  const opened = new Map(view.opened);
  opened.set(id, (opened.get(id) ?? 0) + page);
  return { ...view, opened };
}

/** Folds every opened group back and forgets pinned paths. */
export const foldGroups = (view: GraphView): GraphView => ({ ...view, opened: new Map(), pinned: new Set() });

export const withLevels = (model: TraceModel, view: GraphView, levels: number): GraphView => ({ ...view, levels: Math.max(0, Math.min(model.maxDepth, Math.floor(levels))) });
