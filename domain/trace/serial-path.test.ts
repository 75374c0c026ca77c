import { describe, expect, it } from 'vitest';
import type { TraceAnswer } from './answer';
import { serialPath } from './serial-path';

const lot = (id: string, depth: number) => ({ id, lotNumber: id.toUpperCase(), gtin: '06901234000016', itemName: 'Pump', itemNameZh: '泵', status: 'released', depth });

describe('a serial trace as one path', () => {
  it('lists the lot holding the serial, the lots it went into by distance with their work orders, then its shipments oldest first', () => {
    const answer: TraceAnswer = {
      root: 'pmp',
      direction: 'forward',
      serial: 'PMP-1',
      lots: [lot('kit', 2), lot('pmp', 0), lot('unit', 1)],
      edges: [
        { parentLotId: 'pmp', childLotId: 'unit', qty: 1, workOrder: 'WO-7', serials: ['PMP-1'] },
        { parentLotId: 'unit', childLotId: 'kit', qty: 1, workOrder: null, serials: [] },
      ],
      shipments: [
        { lotId: 'kit', shipment: 'SH-2', customerCode: 'H2', customerName: 'Hospital 2', qty: 1, serial: null, shippedAt: '2026-11-25T00:00:00Z' },
        { lotId: 'kit', shipment: 'SH-1', customerCode: 'H1', customerName: 'Hospital 1', qty: 1, serial: 'KIT-9', shippedAt: '2026-11-24T00:00:00Z' },
      ],
    };
    expect(serialPath(answer).map((s) => (s.kind === 'lot' ? `${s.lotNumber}@${s.depth}${s.workOrder ? ` ${s.workOrder}` : ''}` : `${s.shipment} ${s.customerCode}${s.serial ? ` ${s.serial}` : ''}`))).toEqual([
      'PMP@0',
      'UNIT@1 WO-7',
      'KIT@2',
      'SH-1 H1 KIT-9',
      'SH-2 H2',
    ]);
  });

  it('names the work order of a backward trace on the component side', () => {
    const answer: TraceAnswer = {
      root: 'unit',
      direction: 'backward',
      serial: 'U-1',
      lots: [lot('unit', 0), lot('pmp', 1)],
      edges: [{ parentLotId: 'pmp', childLotId: 'unit', qty: 1, workOrder: 'WO-7' }],
      shipments: [],
    };
    expect(serialPath(answer)).toMatchObject([{ lotId: 'unit', workOrder: null }, { lotId: 'pmp', workOrder: 'WO-7' }]);
  });

  it('is the lot alone when the serial went nowhere', () => {
    expect(serialPath({ root: 'pmp', direction: 'forward', serial: 'PMP-9', lots: [lot('pmp', 0)], edges: [], shipments: [] })).toHaveLength(1);
  });
});
