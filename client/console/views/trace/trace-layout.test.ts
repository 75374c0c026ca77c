import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../api/lots';
import { layoutTrace } from './trace-layout';

const lot = (id: string, depth: number) => ({ id, lotNumber: id.toUpperCase(), gtin: '06901234000016', itemName: 'Syringe', itemNameZh: null, status: 'released' as const, origin: 'produced' as const, supplier: null, supplierLot: null, expiresOn: null, depth });

describe('trace layout', () => {
  const trace: Trace = {
    root: 'a',
    direction: 'forward',
    lots: [lot('a', 0), lot('c', 1), lot('b', 1), lot('d', 2)],
    edges: [
      { parentLotId: 'a', childLotId: 'b', qty: 5, workOrder: null },
      { parentLotId: 'a', childLotId: 'c', qty: 7, workOrder: null },
      { parentLotId: 'b', childLotId: 'd', qty: 1, workOrder: null },
    ],
    stock: [],
    shipments: [{ lotId: 'd', shipment: 'SH-1', customerCode: 'HOSP', customerName: 'Hospital', qty: 2, shippedAt: '2026-11-23T00:00:00Z' }],
    truncated: false,
  };

  it('puts lots in columns by depth, sorted, and customers after the last column', () => {
    const graph = layoutTrace(trace);
    const x = (id: string) => graph.nodes.find((n) => n.id === id)!.x;
    expect(x('a')).toBeLessThan(x('b'));
    expect(x('b')).toBe(x('c'));
    expect(x('d')).toBeGreaterThan(x('b'));
    expect(x('customer:HOSP')).toBeGreaterThan(x('d'));
    expect(graph.nodes.find((n) => n.id === 'b')!.y).toBeLessThan(graph.nodes.find((n) => n.id === 'c')!.y);
    expect(graph.links).toContainEqual({ from: 'd', to: 'customer:HOSP', label: '2' });
  });

  it('draws a backward trace with the traced lot on the right', () => {
    const graph = layoutTrace({ ...trace, direction: 'backward', shipments: [] });
    const x = (id: string) => graph.nodes.find((n) => n.id === id)!.x;
    expect(x('a')).toBeGreaterThan(x('b'));
    expect(x('b')).toBeGreaterThan(x('d'));
    expect(graph.nodes.some((n) => n.kind === 'customer')).toBe(false);
  });
});
