import type { Trace } from '../../../api/lots';

export interface GraphNode {
  id: string;
  kind: 'lot' | 'customer';
  label: string;
  sub: string;
  status?: string;
  x: number;
  y: number;
}

export interface GraphLink {
  from: string;
  to: string;
  label: string;
}

export interface TraceGraph {
  nodes: GraphNode[];
  links: GraphLink[];
  width: number;
  height: number;
}

export const NODE_W = 168;
export const NODE_H = 48;
const COL_GAP = 64;
const ROW_GAP = 16;
const PAD = 16;

/**
 * Lays a trace out in columns by distance from the traced lot (forward: left to right, the
 * customers last; backward: the finished lot on the right, its components to the left), rows
 * in a stable order so the picture does not jump between refreshes.
 */
export function layoutTrace(trace: Trace): TraceGraph {
  const maxDepth = Math.max(0, ...trace.lots.map((l) => l.depth));
  const columnOf = (depth: number) => (trace.direction === 'forward' ? depth : maxDepth - depth);
  const columns = new Map<number, GraphNode[]>();
  const place = (column: number, node: Omit<GraphNode, 'x' | 'y'>) => {
    const list = columns.get(column) ?? [];
    list.push({ ...node, x: 0, y: 0 });
    columns.set(column, list);
  };
  const sorted = [...trace.lots].sort((a, b) => a.depth - b.depth || a.lotNumber.localeCompare(b.lotNumber));
  for (const lot of sorted) place(columnOf(lot.depth), { id: lot.id, kind: 'lot', label: lot.lotNumber, sub: lot.itemName, status: lot.status });
  const links: GraphLink[] = trace.edges.map((e) => ({ from: e.parentLotId, to: e.childLotId, label: String(e.qty) }));
  if (trace.direction === 'forward') {
    const customers = new Map<string, string>();
    for (const s of trace.shipments) customers.set(s.customerCode, s.customerName);
    for (const [code, name] of [...customers.entries()].sort()) place(maxDepth + 1, { id: `customer:${code}`, kind: 'customer', label: code, sub: name });
    const shipped = new Map<string, number>();
    for (const s of trace.shipments) shipped.set(`${s.lotId}|${s.customerCode}`, (shipped.get(`${s.lotId}|${s.customerCode}`) ?? 0) + s.qty);
    for (const [key, qty] of shipped) {
      const [lotId, code] = key.split('|') as [string, string];
      links.push({ from: lotId, to: `customer:${code}`, label: String(qty) });
    }
  }
  let height = 0;
  const nodes: GraphNode[] = [];
  for (const [column, list] of columns) {
    list.forEach((node, row) => {
      node.x = PAD + column * (NODE_W + COL_GAP);
      node.y = PAD + row * (NODE_H + ROW_GAP);
      nodes.push(node);
    });
    height = Math.max(height, PAD * 2 + list.length * (NODE_H + ROW_GAP));
  }
  const width = PAD * 2 + (Math.max(0, ...columns.keys()) + 1) * (NODE_W + COL_GAP);
  return { nodes, links, width, height };
}
