import { describe, expect, it } from 'vitest';
import type { TraceAnswer, TraceAnswerLot } from './answer';
import { traceModel } from './model';

const lot = (id: string, depth: number, gtin = '06901234000016'): TraceAnswerLot => ({ id, lotNumber: id.toUpperCase(), gtin, itemName: 'Syringe', itemNameZh: '注射器', status: 'released', depth });

describe('trace model', () => {
  const forward: TraceAnswer = {
    root: 'a',
    direction: 'forward',
    lots: [lot('a', 0), lot('b', 1), lot('c', 1), lot('d', 2)],
    edges: [
      { parentLotId: 'a', childLotId: 'b', qty: 5, workOrder: 'WO-1', serials: ['S1'] },
      { parentLotId: 'a', childLotId: 'c', qty: 7, workOrder: null },
      { parentLotId: 'b', childLotId: 'd', qty: 1, workOrder: null },
      { parentLotId: 'c', childLotId: 'd', qty: 1, workOrder: null },
      // Beyond the depth limit: the answer does not list lot 'e'.
      { parentLotId: 'd', childLotId: 'e', qty: 1, workOrder: null },
    ],
    shipments: [
      { lotId: 'd', shipment: 'SH-1', customerCode: 'HOSP', customerName: 'Hospital', qty: 2, serial: 'U1', shippedAt: '2026-11-23T00:00:00Z' },
      { lotId: 'd', shipment: 'SH-2', customerCode: 'HOSP', customerName: 'Hospital', qty: 3, serial: null, shippedAt: '2026-11-24T00:00:00Z' },
    ],
  };

  it('links components to what was made of them and lots to customers, summing shipment lines', () => {
    const model = traceModel(forward);
    expect(model.flows).toEqual([
      { from: 'a', to: 'b', qty: 5 },
      { from: 'a', to: 'c', qty: 7 },
      { from: 'b', to: 'd', qty: 1 },
      { from: 'c', to: 'd', qty: 1 },
      { from: 'd', to: 'customer:HOSP', qty: 5 },
    ]);
    expect([...model.customers.keys()]).toEqual(['customer:HOSP']);
    expect(model.maxDepth).toBe(2);
    expect(model.serials.get('a')).toEqual(new Set(['S1']));
    expect(model.serials.get('d')).toEqual(new Set(['U1']));
  });

  it('remembers one way back to the traced lot, the lowest lot number when there are several', () => {
    const model = traceModel(forward);
    expect(Object.fromEntries(model.cameFrom)).toEqual({ b: 'a', c: 'a', d: 'b' });
  });

  it('walks a backward trace from the made lot towards its components, while flows still go from component to product', () => {
    const backward: TraceAnswer = {
      root: 'd',
      direction: 'backward',
      lots: [lot('d', 0), lot('b', 1), lot('c', 1), lot('a', 2)],
      edges: forward.edges.slice(0, 4),
      shipments: [],
    };
    const model = traceModel(backward);
    expect(model.flows[0]).toEqual({ from: 'a', to: 'b', qty: 5 });
    expect(Object.fromEntries(model.cameFrom)).toEqual({ b: 'd', c: 'd', a: 'b' });
    expect(model.customers.size).toBe(0);
  });

  it('takes a trace of one lot with nothing linked', () => {
    const model = traceModel({ root: 'a', direction: 'forward', lots: [lot('a', 0)], edges: [], shipments: [] });
    expect(model.lots.size).toBe(1);
    expect(model.flows).toEqual([]);
    expect(model.maxDepth).toBe(0);
  });
});
