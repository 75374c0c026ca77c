import { describe, expect, it } from 'vitest';
import { buildDictionary, dictionaryMarkdown, readCheck, unitByConvention, type ApiSchema, type DbSnapshot, type DictionaryNotes } from '.';

describe('a CHECK constraint', () => {
  it.each([
    ["CHECK ((status = ANY (ARRAY['queued'::text, 'applied'::text])))", { codes: ['queued', 'applied'] }],
    ["CHECK (((roles <@ ARRAY['operator'::text, 'qc'::text]) AND (cardinality(roles) > 0)))", { codes: ['operator', 'qc'] }],
    ['CHECK ((dpi = ANY (ARRAY[203, 300, 600])))', { codes: ['203', '300', '600'] }],
    ["CHECK ((note = ANY (ARRAY['it''s'::text, 'a|b'::text])))", { codes: ["it's", 'a|b'] }],
    ["CHECK ((gtin ~ '^[0-9]{14}$'::text))", { rule: "gtin ~ '^[0-9]{14}$'" }],
    ['CHECK (((port >= 1) AND (port <= 65535)))', { rule: '(port >= 1) AND (port <= 65535)' }],
    ['CHECK ((qty > (0)::numeric))', { rule: 'qty > (0)' }],
  ])('%s', (definition, meaning) => {
    expect(readCheck(definition)).toEqual(meaning);
  });
});

describe('a unit by naming convention', () => {
  it.each([
    ['created_at', 'timestamptz', 'instant'],
    ['expires_on', 'date', 'date'],
    ['expiresOn', 'string', 'date'],
    ['openedAt', 'string', 'instant'],
    ['qty', 'numeric(18,3)', 'uom'],
    ['plannedQty', 'number', 'uom'],
    ['on_hand', 'numeric(18,3)', 'uom'],
    ['shelf_life_days', 'integer', 'days'],
    ['alert_after_seconds', 'integer', 'seconds'],
    ['duration_ms', 'numeric', 'ms'],
    ['percent', 'number', 'percent'],
    ['on_hand', 'text', null],
    ['at', 'string', null],
    ['lot_number', 'text', null],
    ['returned', 'boolean', null],
  ])('%s (%s) -> %s', (name, type, unit) => {
    expect(unitByConvention(name, type)).toBe(unit);
  });
});

const snapshot: DbSnapshot = {
  tables: [{ name: 'pallets', kind: 'table' }],
  columns: [
    { table: 'pallets', name: 'id', type: 'uuid', nullable: false, default: 'gen_random_uuid()' },
    { table: 'pallets', name: 'sscc', type: 'text', nullable: false, default: null },
    { table: 'pallets', name: 'state', type: 'text', nullable: false, default: "'open'::text" },
    { table: 'pallets', name: 'gross_weight_qty', type: 'numeric(18,3)', nullable: true, default: null },
    { table: 'pallets', name: 'sealed_at', type: 'timestamptz', nullable: true, default: null },
  ],
  constraints: [
    { table: 'pallets', name: 'pallets_pkey', kind: 'primary', columns: ['id'], definition: 'PRIMARY KEY (id)' },
    { table: 'pallets', name: 'pallets_state_check', kind: 'check', columns: ['state'], definition: "CHECK ((state = ANY (ARRAY['open'::text, 'sealed'::text])))" },
    { table: 'pallets', name: 'pallets_sscc_check', kind: 'check', columns: ['sscc'], definition: "CHECK ((sscc ~ '^[0-9]{18}$'::text))" },
  ],
};

const schemas: Record<string, ApiSchema> = {
  Pallet: {
    type: 'object',
    properties: {
      sscc: { type: 'string' },
      state: { type: 'string', enum: ['open', 'sealed'] },
      sealedAt: { type: ['string', 'null'] },
      lines: { type: 'array', items: { type: 'object', properties: { lotId: { type: 'string' }, qty: { type: 'number' } }, required: ['lotId', 'qty'] } },
      level: { anyOf: [{ type: 'number', enum: [1] }, { type: 'number', enum: [2] }, { type: 'null' }] },
      owner: { $ref: '#/components/schemas/User' },
    },
    required: ['sscc', 'state', 'sealedAt', 'lines', 'level'],
  },
  PalletState: { type: 'string', enum: ['open', 'sealed'] },
};

const noNotes: DictionaryNotes = { tables: {}, entities: {}, common: {} };
const notes: DictionaryNotes = {
  tables: { pallets: { text: { en: 'Pallets built on the line.', 'zh-CN': '产线上组的托盘。' }, fields: { sscc: { text: { en: 'Serial Shipping Container Code.', 'zh-CN': '系列货运包装箱代码。' } } } } },
  entities: { Pallet: { table: 'pallets' } },
  common: {},
};

describe('the dictionary', () => {
  it('lists a field nobody annotated with its type, nullability, unit and a generated description in both languages', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const table = buildDictionary(snapshot, schemas, lang, noNotes).tables[0]!;
      expect(table.described).toBe('generated');
      const weight = table.fields.find((f) => f.name === 'gross_weight_qty')!;
      expect(weight).toMatchObject({ type: 'numeric(18,3)', nullable: true, codes: null, described: 'generated' });
      expect(weight.unit).toBe(lang === 'en' ? "the item's unit of measure (items.uom)" : '物料的计量单位（items.uom）');
      expect(weight.description.length).toBeGreaterThan(3);
    }
    const en = buildDictionary(snapshot, schemas, 'en', noNotes).tables[0]!;
    expect(en.fields.map((f) => f.description)).toEqual(['Identifier of the row.', 'Sscc.', 'State.', 'Gross weight quantity.', 'Sealed at.']);
  });

  it('takes code lists from CHECK constraints and zod enums, and keeps other checks as rules', () => {
    const d = buildDictionary(snapshot, schemas, 'en', noNotes);
    const table = d.tables[0]!;
    expect(table.fields.find((f) => f.name === 'state')).toMatchObject({ codes: ['open', 'sealed'], rules: ["default 'open'"] });
    expect(table.fields.find((f) => f.name === 'sscc')!.rules).toEqual(["sscc ~ '^[0-9]{18}$'"]);
    expect(table.fields.find((f) => f.name === 'id')!.rules).toEqual(['primary key', 'default gen_random_uuid()']);
    const pallet = d.entities.find((e) => e.name === 'Pallet')!;
    expect(pallet.fields.find((f) => f.name === 'state')!.codes).toEqual(['open', 'sealed']);
    expect(pallet.fields.find((f) => f.name === 'level')).toMatchObject({ type: 'number', nullable: true, codes: ['1', '2'] });
    expect(d.entities.find((e) => e.name === 'PalletState')!.fields).toMatchObject([{ name: '(value)', type: 'string', codes: ['open', 'sealed'] }]);
  });

  it('names nested fields by their path, references by the entity, and optional ones as such', () => {
    const pallet = buildDictionary(snapshot, schemas, 'en', noNotes).entities.find((e) => e.name === 'Pallet')!;
    expect(pallet.fields.map((f) => [f.name, f.type])).toEqual([
      ['sscc', 'string'],
      ['state', 'string'],
      ['sealedAt', 'string'],
      ['lines', 'object[]'],
      ['lines[].lotId', 'string'],
      ['lines[].qty', 'number'],
      ['level', 'number'],
      ['owner', 'User'],
    ]);
    expect(pallet.fields.find((f) => f.name === 'sealedAt')).toMatchObject({ nullable: true, unit: 'UTC instant (ISO 8601)' });
    expect(pallet.fields.find((f) => f.name === 'owner')!.rules).toContain('optional');
    expect(pallet.fields.find((f) => f.name === 'lines[].qty')!.unit).toBe("the item's unit of measure (items.uom)");
  });

  it('uses the curated notes, and an entity read from a table takes its column notes', () => {
    const zh = buildDictionary(snapshot, schemas, 'zh-CN', notes);
    expect(zh.tables[0]).toMatchObject({ description: '产线上组的托盘。', described: 'curated' });
    expect(zh.tables[0]!.fields.find((f) => f.name === 'sscc')).toMatchObject({ description: '系列货运包装箱代码。', described: 'curated' });
    expect(zh.entities.find((e) => e.name === 'Pallet')).toMatchObject({ description: '产线上组的托盘。', described: 'curated' });
    expect(zh.entities.find((e) => e.name === 'Pallet')!.fields.find((f) => f.name === 'sscc')!.description).toBe('系列货运包装箱代码。');
  });

  it('writes Markdown whose table cells cannot be broken by what a field holds', () => {
    const odd: DbSnapshot = { ...snapshot, constraints: [{ table: 'pallets', name: 'x', kind: 'check', columns: ['sscc'], definition: "CHECK ((sscc ~ '^(a|b)$'::text))" }] };
    const md = dictionaryMarkdown(buildDictionary(odd, {}, 'en', noNotes));
    const row = md.split('\n').find((line) => line.startsWith('| `sscc`'))!;
    expect(row).toContain("sscc ~ '^(a\\|b)$'");
    expect(row.split(/(?<!\\)\|/).length).toBe(9);
    expect(md).toContain('_(generated)_');
  });
});
