import { describe, expect, it } from 'vitest';
import { contentProblem, diffRows, heldKindOf, isRegulatedField, judgeInboundChange, judgeSignature, kindOfPath, MASTER_DATA_KINDS, pathOfKind, planRestore, REGULATED_FIELDS, UNIQUE_FIELDS } from '.';

const ITEM = {
  id: '0b8f5a8e-8c1c-4d0e-9a53-6f7c2a1e0001',
  gtin: '00614141000012',
  sku: 'STENT-30',
  name: 'Coronary stent 3.0 mm',
  shelf_life_days: 1095,
  serialized: false,
  external_id: 'ERP-1',
  version: 4,
  updated_at: '2026-12-01T10:00:00+00:00',
};

describe('kinds', () => {
  it.each([
    ['items', 'items'],
    ['number-rules', 'number_rules'],
    ['packaging-specs', 'packaging_specs'],
    ['number_rules', null],
    ['lots', null],
    ['ｉｔｅｍｓ', null],
    ['', null],
  ])('path segment %j is kind %j', (segment, kind) => {
    expect(kindOfPath(segment)).toBe(kind);
  });

  it('names every kind in a path it reads back', () => {
    for (const kind of MASTER_DATA_KINDS) expect(kindOfPath(pathOfKind(kind))).toBe(kind);
  });

  it('never treats a unique code as free of control where labels carry it', () => {
    expect(REGULATED_FIELDS.items).toEqual(expect.arrayContaining(['gtin', 'udi_di', 'serialized', 'shelf_life_days']));
    expect(REGULATED_FIELDS.locations).toEqual(['code', 'kind']);
    expect(REGULATED_FIELDS.number_rules).toContain('pattern');
    expect(REGULATED_FIELDS.packaging_specs).toEqual(expect.arrayContaining(['capacity', 'level']));
    for (const kind of MASTER_DATA_KINDS) expect(UNIQUE_FIELDS[kind].length).toBeGreaterThan(0);
  });
});

describe('diffRows', () => {
  it('is empty when only bookkeeping moved', () => {
    expect(diffRows(ITEM, { ...ITEM, version: 5, updated_at: '2026-12-02T00:00:00+00:00', change_xid: '991' })).toEqual([]);
  });

  it('names each changed column in name order, a missing column read as null', () => {
    expect(diffRows(ITEM, { ...ITEM, name: 'Stent 3.0', gtin: '00614141000029', standard_cost: null, udi_attributes: { brand: 'ARF' } })).toEqual([
      { field: 'gtin', rule: 'gtin', before: '00614141000012', after: '00614141000029' },
      { field: 'name', rule: 'name', before: 'Coronary stent 3.0 mm', after: 'Stent 3.0' },
      { field: 'udi_attributes', rule: 'udi_attributes', before: null, after: { brand: 'ARF' } },
    ]);
  });

  it('compares arrays and nested values by content', () => {
    const spec = { name: 'case-12', child_levels: ['unit'], capacity: 12 };
    expect(diffRows(spec, { ...spec, child_levels: ['unit'] })).toEqual([]);
    expect(diffRows(spec, { ...spec, child_levels: ['unit', 'inner'] })).toEqual([{ field: 'child_levels', rule: 'child_levels', before: ['unit'], after: ['unit', 'inner'] }]);
  });

  it('does not read a reordered nested object as a change', () => {
    const row = { ...ITEM, udi_attributes: { brandName: 'VeinEasy', sterile: true } };
    expect(diffRows(row, { ...ITEM, udi_attributes: { sterile: true, brandName: 'VeinEasy' } })).toEqual([]);
  });

  it('keeps odd text exactly', () => {
    const odd = 'Ｓｔｅｎｔ \u0000 \ud800 '.padEnd(2000, '界');
    expect(diffRows(ITEM, { ...ITEM, name: odd })[0]!.after).toBe(odd);
  });
});

describe('judgeSignature', () => {
  it.each([
    ['items', 'gtin', true],
    ['items', 'shelf_life_days', true],
    ['items', 'name', false],
    ['items', 'near_expiry_days', false],
    ['locations', 'kind', true],
    ['locations', 'name', false],
    ['number_rules', 'pattern', true],
    ['number_rules', 'name', false],
    ['packaging_specs', 'capacity', true],
    ['customers', 'address', false],
    ['suppliers', 'gln', false],
  ] as const)('%s.%s regulated: %s', (kind, field, regulated) => {
    expect(isRegulatedField(kind, field)).toBe(regulated);
    const judged = judgeSignature(kind, [{ field, rule: field, before: 1, after: 2 }]);
    expect(judged.needed).toBe(regulated);
  });

  it('names every regulated field a change touches and nothing else', () => {
    const changes = diffRows(ITEM, { ...ITEM, name: 'x', gtin: '00614141000029', serialized: true });
    expect(judgeSignature('items', changes)).toEqual({
      needed: true,
      fields: ['gtin', 'serialized'],
      message: 'This changes regulated data of the item (gtin, serialized): QC must sign it with their password.',
    });
    expect(judgeSignature('items', [])).toEqual({ needed: false });
  });
});

describe('planRestore', () => {
  it("writes the earlier content back over the current row, keeping bookkeeping and the ERP link", () => {
    const earlier = { ...ITEM, name: 'Old name', external_id: 'ERP-OLD', version: 1 };
    const current = { ...ITEM, standard_cost: '12.5' };
    const plan = planRestore(current, earlier);
    expect(plan.columns).toEqual({ gtin: ITEM.gtin, sku: ITEM.sku, name: 'Old name', shelf_life_days: 1095, serialized: false });
    expect(plan.after).toEqual({ ...current, name: 'Old name' });
    expect(plan.changes).toEqual([{ field: 'name', rule: 'name', before: ITEM.name, after: 'Old name' }]);
  });

  it('leaves out a column the table no longer has', () => {
    const { name: _gone, ...current } = ITEM;
    expect(planRestore(current, ITEM).columns).not.toHaveProperty('name');
  });

  it('is no change when the earlier content is the current one', () => {
    expect(planRestore(ITEM, { ...ITEM, version: 1 }).changes).toEqual([]);
  });
});

describe('contentProblem', () => {
  const RULE = { name: 'lot-l2', kind: 'lot', pattern: 'L2{YY}{MM}{SEQ:4}', reset: 'month', site_code: '', line_code: '', check_char: 'none' };
  it.each([
    ['items', ITEM, null],
    ['items', { ...ITEM, gtin: '00614141000013' }, 'gtin'],
    ['number_rules', RULE, null],
    ['number_rules', { ...RULE, reset: 'day' }, 'pattern'],
    ['number_rules', { ...RULE, reset: 'hourly' }, 'reset'],
    ['customers', { code: 'C', gln: '0614141000013' }, 'gln'],
    ['customers', { code: 'C', gln: null }, null],
    ['suppliers', { code: 'S', gln: '0614141000005' }, null],
    ['locations', { code: 'A-01', kind: 'storage' }, null],
  ] as const)('%s %j: problem with %s', (kind, row, field) => {
    expect(contentProblem(kind, row)?.field ?? null).toBe(field);
  });
});

describe('judgeInboundChange', () => {
  it.each([
    ['items', 'items'],
    ['locations', 'locations'],
    // No regulated field of theirs: nothing the ERP sends them is ever held.
    ['customers', null],
    ['suppliers', null],
    ['purchase-orders', null],
    ['work-orders', null],
    ['ｉｔｅｍｓ', null],
  ])('an integration write of %j is held as kind %j', (inbound, kind) => {
    expect(heldKindOf(inbound)).toBe(kind);
  });

  it('holds the whole row when any regulated field changes, naming only those', () => {
    const stored = { gtin: ITEM.gtin, sku: ITEM.sku, name: ITEM.name, shelf_life_days: 1095, udi_attributes: null };
    expect(judgeInboundChange('items', stored, { ...stored, name: 'Stent' })).toEqual({ held: false });
    expect(judgeInboundChange('items', stored, { ...stored, name: 'Stent', shelf_life_days: 730 })).toEqual({
      held: true,
      regulatedFields: ['shelf_life_days'],
      changes: [
        { field: 'name', rule: 'name', before: ITEM.name, after: 'Stent' },
        { field: 'shelf_life_days', rule: 'shelf_life_days', before: 1095, after: 730 },
      ],
    });
    expect(judgeInboundChange('items', stored, { ...stored, udi_attributes: { sterile: true } })).toMatchObject({ held: true, regulatedFields: ['udi_attributes'] });
  });

  it('reads a field the ERP leaves out as null, and odd text exactly', () => {
    const odd = 'Ｑ-\u0000-\ud800';
    expect(judgeInboundChange('locations', { code: 'Q-1', kind: 'quarantine', name: 'x' }, { code: 'Q-1', kind: 'quarantine', name: odd })).toEqual({ held: false });
    expect(judgeInboundChange('locations', { code: 'Q-1', kind: 'quarantine' }, { code: 'Q-1' })).toMatchObject({ held: true, regulatedFields: ['kind'] });
  });
});
