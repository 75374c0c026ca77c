import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ancestors,
  applyPackOp,
  containerTree,
  judgePackOp,
  pack,
  packRefusal,
  rollUp,
  unitsWithin,
  unpack,
  unpackRefusal,
  type Container,
  type Hierarchy,
  type PackChild,
  type PackagingSpec,
  type UnitLine,
} from './index';

const CASE: PackagingSpec = { level: 'case', childLevels: ['unit', 'inner'], capacity: 48, mix: 'one_lot' };
const PALLET: PackagingSpec = { level: 'pallet', childLevels: ['case'], capacity: 40, mix: 'mixed' };
const MIXED_CASE: PackagingSpec = { ...CASE, mix: 'one_item' };

function container(sscc: string, spec: PackagingSpec, extra: Partial<Container> = {}): Container {
  return { sscc, spec, parent: null, version: 1, shipped: false, units: [], ...extra };
}

const hierarchyOf = (...containers: Container[]): Hierarchy => new Map(containers.map((c) => [c.sscc, c]));

const unit = (serial: string | null, extra: Partial<UnitLine> = {}): UnitLine => ({
  gtin: '06901234000016',
  lotNumber: 'S24110701',
  serial,
  qty: 1,
  expiresOn: '2029-06-30',
  lotStatus: 'released',
  ...extra,
});
const units = (line: UnitLine): PackChild => ({ kind: 'units', line });
const box = (sscc: string): PackChild => ({ kind: 'container', sscc });

// SSCCs with valid check digits are not needed by the rules; short names keep the cases readable.
const [C1, C2, C3, P1, P2] = ['C1', 'C2', 'C3', 'P1', 'P2'] as const;

describe('packing rules', () => {
  it('packs serialized units into a case and the case onto a pallet, each parent versioned', () => {
    let h = hierarchyOf(container(C1, CASE), container(P1, PALLET));
    h = pack(h, C1, units(unit('0001')));
    h = pack(h, C1, units(unit('0002')));
    h = pack(h, P1, box(C1));
    expect(h.get(C1)).toMatchObject({ parent: P1, version: 3 });
    expect(h.get(P1)?.version).toBe(2);
    expect(unitsWithin(h, P1).map((u) => u.serial)).toEqual(['0001', '0002']);
    expect(ancestors(h, C1)).toEqual([P1]);
  });

  it('puts a child in one parent only, and names the parent it is in', () => {
    let h = hierarchyOf(container(C1, CASE), container(C2, CASE), container(P1, PALLET), container(P2, PALLET));
    h = pack(h, C1, units(unit('0001')));
    expect(packRefusal(h, C2, units(unit('0001')))).toMatchObject({ code: 'child_in_other_parent', field: 'child', otherParent: C1 });
    h = pack(h, P1, box(C1));
    expect(packRefusal(h, P2, box(C1))).toMatchObject({ code: 'child_in_other_parent', otherParent: P1 });
    expect(packRefusal(h, P1, box(C1))).toMatchObject({ code: 'child_in_other_parent', otherParent: P1 });
  });

  it('refuses a loop and a container into itself', () => {
    let h = hierarchyOf(container(C1, CASE), container(P1, PALLET));
    expect(packRefusal(h, P1, box(P1))).toMatchObject({ code: 'child_is_parent', field: 'child' });
    h = pack(h, P1, box(C1));
    expect(packRefusal(h, C1, box(P1))).toMatchObject({ code: 'cycle', field: 'child' });
    // A stored cycle (data written before the rules) neither hangs a walk nor lets more in.
    const cyclic = hierarchyOf(container(C1, CASE, { parent: P1 }), container(P1, PALLET, { parent: C1 }));
    expect(ancestors(cyclic, C1)).toEqual([P1]);
    expect(containerTree(cyclic, P1)?.children[0]?.children).toEqual([]);
    expect(unitsWithin(cyclic, P1)).toEqual([]);
  });

  it('keeps levels in order: a pallet does not go into a case, units do not go straight onto a pallet', () => {
    const h = hierarchyOf(container(C1, CASE), container(P1, PALLET));
    expect(packRefusal(h, C1, box(P1))).toMatchObject({ code: 'level_order', field: 'child' });
    expect(packRefusal(h, P1, units(unit('0001')))).toMatchObject({ code: 'level_order' });
  });

  it('holds no more than the spec allows, counting units by quantity and cases by one', () => {
    let h = hierarchyOf(container(C1, CASE), container(P1, { ...PALLET, capacity: 1 }), container(C2, CASE));
    h = pack(h, C1, units(unit(null, { qty: 47 })));
    expect(packRefusal(h, C1, units(unit(null, { qty: 2 })))).toMatchObject({ code: 'over_capacity', field: 'parent' });
    h = pack(h, C1, units(unit(null, { qty: 1 })));
    expect(h.get(C1)?.units).toEqual([unit(null, { qty: 48 })]);
    h = pack(h, P1, box(C1));
    expect(packRefusal(h, P1, box(C2))?.code).toBe('over_capacity');
  });

  it('keeps one lot or one item per container as the spec says, across nested cases too', () => {
    let h = hierarchyOf(container(C1, CASE), container(C2, MIXED_CASE));
    h = pack(h, C1, units(unit('0001')));
    expect(packRefusal(h, C1, units(unit('0002', { lotNumber: 'S24110702' })))?.code).toBe('mixed_lots');
    h = pack(h, C2, units(unit('0003')));
    expect(packRefusal(h, C2, units(unit('0004', { lotNumber: 'S24110702' })))).toBeNull();
    expect(packRefusal(h, C2, units(unit('0004', { gtin: '06901234000023' })))?.code).toBe('mixed_items');
    const oneLotPallet = hierarchyOf(container(P1, { ...PALLET, mix: 'one_lot' }), container(C1, CASE, { units: [unit('1')] }), container(C2, CASE, { units: [unit('2', { lotNumber: 'B' })] }));
    expect(packRefusal(pack(oneLotPallet, P1, box(C1)), P1, box(C2))?.code).toBe('mixed_lots');
  });

  it('refuses held, recalled, expired and rejected stock, also inside a case, but packs quarantine', () => {
    for (const lotStatus of ['on_hold', 'recalled', 'expired', 'rejected', 'scrapped'] as const) {
      expect(packRefusal(hierarchyOf(container(C1, CASE)), C1, units(unit('1', { lotStatus })))).toMatchObject({ code: 'child_not_available', field: 'child' });
      const h = hierarchyOf(container(P1, PALLET), container(C1, CASE, { units: [unit('1', { lotStatus })] }));
      expect(packRefusal(h, P1, box(C1))?.code).toBe('child_not_available');
    }
    expect(packRefusal(hierarchyOf(container(C1, CASE)), C1, units(unit('1', { lotStatus: 'quarantine' })))).toBeNull();
  });

  it('refuses anything into or out of what has shipped, at any depth', () => {
    const h = hierarchyOf(container(P1, PALLET, { shipped: true }), container(C1, CASE, { parent: P1, units: [unit('1')], shipped: true }), container(C2, CASE));
    expect(packRefusal(h, P1, box(C2))).toMatchObject({ code: 'container_shipped', field: 'parent' });
    expect(unpackRefusal(h, P1, box(C1))).toMatchObject({ code: 'container_shipped' });
    expect(unpackRefusal(h, C1, units(unit('1')))).toMatchObject({ code: 'container_shipped' });
    expect(packRefusal(h, C2, units(unit('9')))).toBeNull();
    expect(packRefusal(hierarchyOf(container(P2, PALLET), container(C3, CASE, { shipped: true })), P2, box(C3))?.code).toBe('container_shipped');
  });

  it('unpacks by the child alone, partly for a lot packed by quantity, and refuses what is not inside', () => {
    let h = hierarchyOf(container(C1, CASE, { units: [unit(null, { qty: 10 }), unit('7')] }));
    h = unpack(h, C1, units(unit(null, { qty: 4 })));
    expect(h.get(C1)?.units).toEqual([unit(null, { qty: 6 }), unit('7')]);
    expect(unpackRefusal(h, C1, units(unit(null, { qty: 7 })))).toMatchObject({ code: 'qty_not_packed' });
    expect(unpackRefusal(h, C1, units(unit('8')))).toMatchObject({ code: 'not_packed_here', field: 'child' });
    h = unpack(h, C1, units(unit('7')));
    expect(h.get(C1)).toMatchObject({ units: [unit(null, { qty: 6 })], version: 3 });
    expect(unpackRefusal(h, 'X9', units(unit('7')))?.code).toBe('unknown_container');
    expect(() => unpack(h, C1, units(unit('7')))).toThrow(/is not in C1/);
  });

  it('rolls a pallet up by item and lot: quantity, serial count, earliest expiry and what is held inside', () => {
    const h = hierarchyOf(
      container(P1, PALLET),
      container(C1, CASE, { parent: P1, units: [unit('1', { expiresOn: '2029-06-30' }), unit('2', { expiresOn: '2029-01-31' })] }),
      container(C2, CASE, { parent: P1, units: [unit(null, { lotNumber: 'S24110702', qty: 12.5, expiresOn: '2028-12-31', lotStatus: 'on_hold' })] }),
      container(C3, CASE, { units: [unit('3')] }),
    );
    expect(rollUp(h, P1)).toEqual([
      { gtin: '06901234000016', lotNumber: 'S24110702', qty: 12.5, serials: 0, expiresOn: '2028-12-31', held: 12.5 },
      { gtin: '06901234000016', lotNumber: 'S24110701', qty: 2, serials: 2, expiresOn: '2029-01-31', held: 0 },
    ]);
    expect(containerTree(h, P1)).toMatchObject({ sscc: P1, level: 'pallet', children: [{ sscc: C1, units: [{ serial: '1' }, { serial: '2' }] }, { sscc: C2 }] });
    expect(containerTree(h, 'nothing')).toBeNull();
  });
});

describe('packs and unpacks made offline', () => {
  it('makes the same case packed onto two pallets on two devices a conflict, never the last writer winning', () => {
    let h = hierarchyOf(container(C1, CASE, { units: [unit('1')] }), container(P1, PALLET), container(P2, PALLET));
    const fromA = { action: 'pack' as const, parent: P1, child: box(C1), seenParent: null };
    const fromB = { action: 'pack' as const, parent: P2, child: box(C1), seenParent: null };
    expect(judgePackOp(h, fromA)).toEqual({ verdict: 'apply' });
    h = pack(h, P1, box(C1));
    expect(judgePackOp(h, fromB)).toMatchObject({ verdict: 'conflict', field: 'child', seenParent: null, currentParent: P1 });
    // The same op pushed again (a retry) is a conflict too rather than a second pack.
    expect(judgePackOp(h, fromA)).toMatchObject({ verdict: 'conflict', currentParent: P1 });
    expect(h.get(C1)?.parent).toBe(P1);
  });

  it('makes an unpack of a serial that moved meanwhile a conflict, and refuses one whose container shipped', () => {
    let h = hierarchyOf(container(C1, CASE, { units: [unit('1')] }), container(C2, CASE));
    h = pack(unpack(h, C1, units(unit('1'))), C2, units(unit('1')));
    expect(judgePackOp(h, { action: 'unpack', parent: C1, child: units(unit('1')), seenParent: C1 })).toMatchObject({ verdict: 'conflict', currentParent: C2 });
    const shipped = hierarchyOf(container(C1, CASE, { units: [unit('1')], shipped: true }));
    expect(judgePackOp(shipped, { action: 'unpack', parent: C1, child: units(unit('1')), seenParent: C1 })).toMatchObject({ verdict: 'refuse', refusal: { code: 'container_shipped' } });
  });

  it('repacks a case from one pallet onto another when it is still where the device saw it, versioning both', () => {
    let h = hierarchyOf(container(C1, CASE, { units: [unit('1')] }), container(P1, PALLET), container(P2, PALLET));
    h = pack(h, P1, box(C1));
    const repack = { action: 'pack' as const, parent: P2, child: box(C1), seenParent: P1 };
    expect(judgePackOp(h, repack)).toEqual({ verdict: 'apply' });
    const done = applyPackOp(h, repack);
    expect(done.changed).toEqual([P1, P2]);
    expect(done.hierarchy.get(C1)?.parent).toBe(P2);
    expect([done.hierarchy.get(P1)?.version, done.hierarchy.get(P2)?.version]).toEqual([3, 2]);
    // Seen on P1 but unpacked meanwhile: loose, so the pack goes ahead.
    const loose = unpack(h, P1, box(C1));
    expect(judgePackOp(loose, repack)).toEqual({ verdict: 'apply' });
    // Taken out already by another device: the unpack is refused, naming why.
    expect(judgePackOp(loose, { action: 'unpack', parent: P1, child: box(C1), seenParent: P1 })).toMatchObject({ verdict: 'refuse', refusal: { code: 'not_packed_here' } });
    // A repack out of a shipped pallet is refused, not a conflict.
    const shipped = new Map(h).set(P1, { ...h.get(P1)!, shipped: true });
    expect(judgePackOp(shipped, repack)).toMatchObject({ verdict: 'refuse', refusal: { code: 'container_shipped' } });
  });

  it('never leaves a child in two parents, a loop, or a container over its capacity, whatever the devices send', () => {
    const specs: PackagingSpec[] = [
      { level: 'case', childLevels: ['unit'], capacity: 3, mix: 'mixed' },
      { level: 'pallet', childLevels: ['case'], capacity: 2, mix: 'mixed' },
    ];
    const names = ['C1', 'C2', 'C3', 'C4', 'P1', 'P2'];
    const op = fc.record({
      action: fc.constantFrom('pack' as const, 'unpack' as const),
      parent: fc.constantFrom(...names),
      child: fc.oneof(
        fc.constantFrom(...names).map((sscc) => box(sscc)),
        fc.integer({ min: 1, max: 6 }).map((n) => units(unit(String(n)))),
      ),
      seenParent: fc.option(fc.constantFrom(...names), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let h = hierarchyOf(...names.map((n) => container(n, specs[n.startsWith('C') ? 0 : 1]!)));
        for (const o of ops) {
          if (judgePackOp(h, o).verdict !== 'apply') continue;
          h = applyPackOp(h, o).hierarchy;
        }
        const serials = [...h.values()].flatMap((c) => c.units.map((u) => u.serial));
        expect(new Set(serials).size).toBe(serials.length);
        for (const c of h.values()) {
          expect(ancestors(h, c.sscc)).not.toContain(c.sscc);
          const inside = c.units.reduce((s, u) => s + u.qty, 0) + [...h.values()].filter((x) => x.parent === c.sscc).length;
          expect(inside).toBeLessThanOrEqual(c.spec.capacity);
        }
      }),
    );
  });
});
