import { describe, expect, it } from 'vitest';
import { packRefusal, rollUp } from '../../domain/packaging';
import type { ContainerDoc, OpDoc } from '../../sync';
import { SEEDED_SPECS, fillOf, hierarchyOnDevice, knownSpecs, packOpOf, type LotFactsOf } from './pack-plan';

const GTIN = '06901234000016';
const CASE = { name: 'case-48', level: 'case', childLevels: ['unit', 'inner'], capacity: 48, mix: 'one_lot' } as const;
const lotOf: LotFactsOf = (_gtin, lotNumber) => (lotNumber === 'HELD' ? { lotStatus: 'on_hold', expiresOn: '2028-01-31' } : { lotStatus: 'released', expiresOn: '2029-06-30' });
const serial = (s: string, lotNumber = 'S1') => ({ gtin: GTIN, lotNumber, serial: s, qty: 1 });

function container(sscc: string, extra: Partial<ContainerDoc> = {}): ContainerDoc {
  return { id: `id-${sscc}`, sscc, spec: { ...CASE, childLevels: [...CASE.childLevels] }, parent: null, version: 1, shipped: false, units: [], ...extra };
}

let clock = 0;
function op(type: 'pack' | 'unpack', payload: Record<string, unknown>, status: OpDoc['status'] = 'queued'): OpDoc {
  clock += 1;
  return { id: `op-${clock}`, type, deviceId: 'd', userId: 'u', deviceTime: new Date(Date.UTC(2026, 0, 1, 0, 0, clock)).toISOString(), payload, status, outcome: null, appliedAt: null };
}

describe('the containers a handheld packs against', () => {
  it('plays queued packs over what the server sent: new containers by their spec, serials, cases onto a pallet', () => {
    const h = hierarchyOnDevice(
      [container('C1', { units: [serial('1')] })],
      [
        op('pack', { parent: 'C1', child: serial('2'), seenParent: null }),
        op('pack', { parent: 'C2', spec: 'case-48', child: serial('3'), seenParent: null }),
        op('pack', { parent: 'P1', spec: 'pallet-40', child: { sscc: 'C1' }, seenParent: null }),
        op('pack', { parent: 'P1', child: { sscc: 'C2' }, seenParent: null }),
      ],
      lotOf,
      SEEDED_SPECS,
    );
    expect(h.get('C1')).toMatchObject({ parent: 'P1', version: 2 });
    expect(h.get('C2')).toMatchObject({ parent: 'P1', version: 1, spec: { level: 'case', capacity: 48 } });
    expect(fillOf(h, 'P1')).toEqual({ count: 2, capacity: 40 });
    expect(rollUp(h, 'P1')).toEqual([{ gtin: GTIN, lotNumber: 'S1', qty: 3, serials: 3, expiresOn: '2029-06-30', held: 0 }]);
    // The same serial again into another case: refused on the device, naming where it is.
    expect(packRefusal(h, 'C2', { kind: 'units', line: { ...serial('1'), expiresOn: null, lotStatus: 'released' } })).toMatchObject({ code: 'child_in_other_parent', otherParent: 'C1' });
  });

  it('leaves out ops already sent, ops the rules refuse now and new containers of a spec it does not know', () => {
    const h = hierarchyOnDevice(
      [container('C1', { units: [serial('1')] }), container('C2')],
      [
        op('pack', { parent: 'C1', child: serial('9'), seenParent: null }, 'applied'),
        op('pack', { parent: 'C2', child: serial('1'), seenParent: null }),
        op('pack', { parent: 'C2', child: serial('5', 'HELD'), seenParent: null }),
        op('pack', { parent: 'X1', spec: 'crate-7', child: serial('6'), seenParent: null }),
        op('unpack', { parent: 'C1', child: serial('1') }),
        op('pack', { parent: 'C2', child: { gtin: GTIN, lotNumber: 'S1', qty: 4 }, seenParent: null }),
      ],
      lotOf,
      SEEDED_SPECS,
    );
    expect(h.get('C1')?.units).toEqual([]);
    expect(h.get('C2')?.units.map((u) => [u.serial, u.qty])).toEqual([[null, 4]]);
    expect(h.has('X1')).toBe(false);
  });

  it('reads a queued op back as the rules see it, and lists specs seen before the seeded ones', () => {
    expect(packOpOf(op('unpack', { parent: 'C1', child: { sscc: 'C0' } }), lotOf)).toMatchObject({ action: 'unpack', seenParent: 'C1', child: { kind: 'container', sscc: 'C0' } });
    expect(packOpOf(op('pack', { parent: 'C1', child: { gtin: GTIN } }), lotOf)).toBeNull();
    const specs = knownSpecs([container('C1', { spec: { name: 'case-12', level: 'case', childLevels: ['unit'], capacity: 12, mix: 'one_item' } })]);
    expect(specs.map((s) => s.name)).toEqual(['case-12', 'case-48', 'pallet-40']);
  });
});
