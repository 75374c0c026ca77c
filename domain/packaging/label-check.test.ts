import { describe, expect, it } from 'vitest';
import { applyPackOp, judgeLabelScan, labelContent, labelState, type Container, type Hierarchy, type LabelContent, type PackagingSpec, type UnitLine } from './index';

const CASE: PackagingSpec = { level: 'case', childLevels: ['unit'], capacity: 48, mix: 'one_item' };
const PALLET: PackagingSpec = { level: 'pallet', childLevels: ['case'], capacity: 40, mix: 'mixed' };
const SSCC = '069012340000000018';
const line = (lotNumber: string, qty: number, serial: string | null = null, expiresOn: string | null = '2029-06-30'): UnitLine => ({
  gtin: '6901234000016',
  lotNumber,
  serial,
  qty,
  expiresOn,
  lotStatus: 'released',
});
const box = (sscc: string, spec: PackagingSpec, units: UnitLine[], extra: Partial<Container> = {}): Container => ({ sscc, spec, parent: null, version: 1, shipped: false, units, ...extra });
const of = (...cs: Container[]): Hierarchy => new Map(cs.map((c) => [c.sscc, c]));

describe('labelContent', () => {
  it.each<[string, Hierarchy, LabelContent | undefined]>([
    ['one lot: GTIN, count, lot, expiry', of(box(SSCC, CASE, [line('S1', 40)])), { gtin: '6901234000016', count: 40, lot: 'S1', expiry: '2029-06-30' }],
    ['serials of one lot add up', of(box(SSCC, CASE, [line('S1', 1, 'A1'), line('S1', 1, 'A2')])), { gtin: '6901234000016', count: 2, lot: 'S1', expiry: '2029-06-30' }],
    ['a lot without expiry has no (17)', of(box(SSCC, CASE, [line('S1', 3, null, null)])), { gtin: '6901234000016', count: 3, lot: 'S1' }],
    ['two lots: no content line', of(box(SSCC, CASE, [line('S1', 3), line('S2', 4)])), undefined],
    ['a part quantity cannot be counted on a label', of(box(SSCC, CASE, [line('S1', 2.5)])), undefined],
    ['empty', of(box(SSCC, CASE, [])), undefined],
    ['unknown container', of(), undefined],
  ])('%s', (_name, h, want) => {
    expect(labelContent(h, SSCC)).toEqual(want);
  });

  it('a pallet of cases of one lot carries the line of all of them', () => {
    const h = of(box('169012340000000015', PALLET, []), box(SSCC, CASE, [line('S1', 10)], { parent: '169012340000000015' }), box('069012340000000025', CASE, [line('S1', 12)], { parent: '169012340000000015' }));
    expect(labelContent(h, '169012340000000015')).toMatchObject({ count: 22, lot: 'S1' });
  });
});

describe('labelState: the label out of date after a change, not verified until scanned', () => {
  it.each<[string, number, number | null, number | null, string]>([
    ['drawn for this version, never scanned', 2, 2, null, 'not_verified'],
    ['drawn and verified for this version', 2, 2, 2, 'verified'],
    ['drawn for an earlier version', 3, 2, 2, 'out_of_date'],
    ['verified for an earlier version, reprinted since', 3, 3, 2, 'not_verified'],
    ['drawn later than the device knows (the server drew what it held by then)', 2, 3, null, 'not_verified'],
    ['never labelled by Lotline, never changed', 0, null, null, 'not_verified'],
    ['never labelled by Lotline, packed since', 1, null, null, 'out_of_date'],
    ['a verify scan without a print known cannot vouch for a label', 0, null, 0, 'not_verified'],
  ])('%s', (_name, version, drawnFor, verifiedFor, want) => {
    expect(labelState(version, { drawnFor, verifiedFor })).toBe(want);
  });

  it('a pack and an unpack each put the label out of date', () => {
    let h = of(box(SSCC, CASE, [line('S1', 1, 'A1')], { version: 1 }));
    expect(labelState(h.get(SSCC)!.version, { drawnFor: 1, verifiedFor: 1 })).toBe('verified');
    h = applyPackOp(h, { action: 'pack', parent: SSCC, child: { kind: 'units', line: line('S1', 1, 'A2') }, seenParent: null }).hierarchy;
    expect(labelState(h.get(SSCC)!.version, { drawnFor: 1, verifiedFor: 1 })).toBe('out_of_date');
    h = applyPackOp(h, { action: 'unpack', parent: SSCC, child: { kind: 'units', line: line('S1', 1, 'A2') }, seenParent: SSCC }).hierarchy;
    expect(labelState(h.get(SSCC)!.version, { drawnFor: 2, verifiedFor: 2 })).toBe('out_of_date');
  });
});

describe('judgeLabelScan', () => {
  const content: LabelContent = { gtin: '6901234000016', count: 40, lot: 'S1', expiry: '2029-06-30' };
  const expected = { sscc: SSCC, content };
  const el = (ai: string, value: string) => ({ ai, value });
  const contentLine = [el('02', '06901234000016'), el('17', '290630'), el('37', '40'), el('10', 'S1')];

  it('verified when the SSCC and the whole content line match, in either order', () => {
    expect(judgeLabelScan(expected, [el('00', SSCC), ...contentLine])).toEqual({ verdict: 'verified' });
    expect(judgeLabelScan(expected, [...contentLine, el('00', SSCC)])).toEqual({ verdict: 'verified' });
  });

  it('asks for the rest of the label while nothing differs', () => {
    expect(judgeLabelScan(expected, [el('00', SSCC)])).toEqual({ verdict: 'incomplete', missing: ['gtin', 'count', 'lot', 'expiry'] });
    expect(judgeLabelScan(expected, contentLine)).toEqual({ verdict: 'incomplete', missing: ['sscc'] });
    expect(judgeLabelScan(expected, [])).toMatchObject({ verdict: 'incomplete' });
  });

  it('an SSCC-only label is verified by its SSCC alone', () => {
    expect(judgeLabelScan({ sscc: SSCC, content: undefined }, [el('00', SSCC)])).toEqual({ verdict: 'verified' });
  });

  it.each<[string, { ai: string; value: string }[], { field: string; expected: string | null; found: string }[]]>([
    ['another SSCC', [el('00', '069012340000000025')], [{ field: 'sscc', expected: SSCC, found: '069012340000000025' }]],
    ['the count before the unpack', [el('37', '41')], [{ field: 'count', expected: '40', found: '41' }]],
    ['another lot', [el('10', 'S2')], [{ field: 'lot', expected: 'S1', found: 'S2' }]],
    ['another use-by', [el('17', '290701')], [{ field: 'expiry', expected: '290630', found: '290701' }]],
    ['another GTIN', [el('02', '06901234000023')], [{ field: 'gtin', expected: '06901234000016', found: '06901234000023' }]],
    ['a full-width lot is not the lot', [el('10', 'Ｓ1')], [{ field: 'lot', expected: 'S1', found: 'Ｓ1' }]],
    ['a NUL in the lot', [el('10', 'S1\u0000')], [{ field: 'lot', expected: 'S1', found: 'S1\u0000' }]],
    ['a lone surrogate in the lot', [el('10', 'S1\ud800')], [{ field: 'lot', expected: 'S1', found: 'S1\ud800' }]],
    ['a count past 2^53 is not 40', [el('37', '99999999999999999999')], [{ field: 'count', expected: '40', found: '99999999999999999999' }]],
  ])('names what differs: %s', (_name, seen, differences) => {
    expect(judgeLabelScan(expected, [el('00', SSCC), ...seen])).toEqual({ verdict: 'mismatch', differences: differences.map((d) => ({ ...d, ai: expect.any(String) })) });
  });

  it('a content line on a label that should carry none (the case holds two lots now) is a mismatch', () => {
    expect(judgeLabelScan({ sscc: SSCC, content: undefined }, [el('00', SSCC), el('37', '40')])).toEqual({
      verdict: 'mismatch',
      differences: [{ field: 'count', ai: '37', expected: null, found: '40' }],
    });
  });

  it('reads a zero-padded count and a short GTIN as the same, and ignores elements outside the logistic label', () => {
    expect(judgeLabelScan(expected, [el('00', SSCC), el('02', '6901234000016'), el('17', '290630'), el('37', '040'), el('10', 'S1'), el('400', 'PO-1')])).toEqual({ verdict: 'verified' });
  });
});
