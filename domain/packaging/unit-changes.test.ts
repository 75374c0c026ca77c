import { describe, expect, it } from 'vitest';
import type { UnitLine } from './hierarchy';
import { unitChanges } from './unit-changes';

const serial = (s: string): UnitLine => ({ gtin: '09506000134352', lotNumber: 'L1', serial: s, qty: 1, expiresOn: null, lotStatus: 'released' });
const bulk = (lotNumber: string, qty: number): UnitLine => ({ gtin: '09506000134352', lotNumber, serial: null, qty, expiresOn: null, lotStatus: 'released' });

describe('unitChanges', () => {
  it('names only the serial packed into a full case', () => {
    const before = Array.from({ length: 2000 }, (_, i) => serial(String(i)));
    const after = [...before, serial('2000')];
    expect(unitChanges(before, after)).toEqual({ removed: [], added: [serial('2000')] });
  });

  it('names only the serial taken out', () => {
    expect(unitChanges([serial('1'), serial('2'), serial('3')], [serial('1'), serial('3')])).toEqual({ removed: [serial('2')], added: [] });
  });

  it('rewrites a quantity line whose quantity changed, and leaves the others', () => {
    expect(unitChanges([bulk('A', 5), bulk('B', 2)], [bulk('A', 12), bulk('B', 2)])).toEqual({ removed: [bulk('A', 5)], added: [bulk('A', 12)] });
  });

  it('tells a serial from a quantity line of the same lot', () => {
    const withSerial = { ...serial('7'), lotNumber: 'A' };
    expect(unitChanges([bulk('A', 1)], [bulk('A', 1), withSerial])).toEqual({ removed: [], added: [withSerial] });
  });

  it('finds nothing when nothing changed, in any order', () => {
    expect(unitChanges([serial('1'), bulk('A', 3)], [bulk('A', 3), serial('1')])).toEqual({ removed: [], added: [] });
  });
});
