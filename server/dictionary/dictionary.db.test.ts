import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOT_STATUSES } from '../../domain/lots';
import { OP_STATUSES, OP_TYPES } from '../../domain/ops';
import { PRINT_JOB_STATES } from '../../domain/events';
import { RECALL_STATES } from '../../domain/recall';
import { buildDictionary, type Dictionary } from '../../domain/dictionary';
import { apiDocument } from '../http/api-document';
import { ADMIN_PASSWORD, bearer, signIn, testApp, type TestApp } from '../test-support/app';
import { onPostgres, openTestDb, type TestDb } from '../test-support/db';
import { apiSchemas, readDbSnapshot } from '.';

let t: TestDb;
let app: TestApp;
let token: string;

beforeAll(async () => {
  t = await openTestDb('dictionary');
  app = await testApp(t.db);
  token = await signIn(app, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => t.close());

const fieldOf = (d: Dictionary, table: string, field: string) => d.tables.find((x) => x.name === table)?.fields.find((f) => f.name === field);
const entityField = (d: Dictionary, entity: string, field: string) => d.entities.find((x) => x.name === entity)?.fields.find((f) => f.name === field);

describe(`the data dictionary (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('covers every table and view of the migrated database, column by column', async () => {
    const tables = await t.db.query<{ table_name: string; columns: number }>(
      `SELECT table_name, (SELECT count(*)::int FROM information_schema.columns c WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name) AS columns
         FROM information_schema.tables t WHERE table_schema = current_schema()`,
    );
    const d = buildDictionary(await readDbSnapshot(t.db), {}, 'en');
    expect(tables.rows.length).toBeGreaterThan(70);
    expect(d.tables.map((x) => x.name).sort()).toEqual(tables.rows.map((r) => r.table_name).sort());
    for (const row of tables.rows) expect(d.tables.find((x) => x.name === row.table_name)!.fields.length, row.table_name).toBe(row.columns);
    for (const table of d.tables) for (const f of table.fields) expect(f.description.trim(), `${table.name}.${f.name}`).not.toBe('');
  });

  it('sees a table it has no note for, with its columns, types and code lists', async () => {
    await t.db.exec(`CREATE TABLE pallet_labels (id bigserial PRIMARY KEY, sscc text NOT NULL CHECK (sscc ~ '^[0-9]{18}$'), state text NOT NULL CHECK (state IN ('draft','printed')), printed_at timestamptz)`);
    try {
      const d = buildDictionary(await readDbSnapshot(t.db), {}, 'zh-CN');
      const table = d.tables.find((x) => x.name === 'pallet_labels')!;
      expect(table.described).toBe('generated');
      expect(table.fields.map((f) => [f.name, f.type, f.nullable, f.described])).toEqual([
        ['id', 'bigint', false, 'generated'],
        ['sscc', 'text', false, 'generated'],
        ['state', 'text', false, 'generated'],
        ['printed_at', 'timestamptz', true, 'generated'],
      ]);
      expect(table.fields[2]!.codes).toEqual(['draft', 'printed']);
      expect(table.fields[3]!.unit).toBe('UTC 时刻（ISO 8601）');
    } finally {
      await t.db.exec('DROP TABLE pallet_labels');
    }
  });

  it('covers every named schema of the API document', () => {
    const schemas = apiSchemas(apiDocument());
    const d = buildDictionary({ tables: [], columns: [], constraints: [] }, schemas, 'en');
    expect(Object.keys(schemas).length).toBeGreaterThan(50);
    expect(d.entities.map((e) => e.name).sort()).toEqual(Object.keys(schemas).sort());
    for (const e of d.entities) expect(e.fields.length, e.name).toBeGreaterThan(0);
  });

  it('gives the code lists the zod enums and the CHECK constraints give', async () => {
    const d = buildDictionary(await readDbSnapshot(t.db), apiSchemas(apiDocument()), 'en');
    expect(fieldOf(d, 'lots', 'status')!.codes).toEqual([...LOT_STATUSES]);
    expect(entityField(d, 'Lot', 'status')!.codes).toEqual([...LOT_STATUSES]);
    expect(fieldOf(d, 'ops', 'status')!.codes).toEqual([...OP_STATUSES]);
    expect(fieldOf(d, 'ops', 'type')!.codes).toEqual([...OP_TYPES]);
    expect(fieldOf(d, 'print_jobs', 'status')!.codes).toEqual([...PRINT_JOB_STATES]);
    expect(fieldOf(d, 'recall_cases', 'state')!.codes).toEqual([...RECALL_STATES]);
    expect(entityField(d, 'RecallCase', 'state')!.codes).toEqual([...RECALL_STATES]);
    expect(entityField(d, 'RecallCase', 'terms.classes.nmpa')).toMatchObject({ codes: ['1', '2', '3'], nullable: true });
  });

  it('has hand-written descriptions in both languages for the main business tables', async () => {
    const snapshot = await readDbSnapshot(t.db);
    const main = ['lots', 'items', 'locations', 'stock_moves', 'stock_balances', 'ops', 'audit_log', 'recall_cases', 'print_jobs', 'customers', 'shipments', 'shipment_lines', 'domain_events'];
    for (const lang of ['en', 'zh-CN'] as const) {
      const d = buildDictionary(snapshot, {}, lang);
      for (const name of main) {
        const table = d.tables.find((x) => x.name === name)!;
        expect(table.described, name).toBe('curated');
        const bare = table.fields.filter((f) => f.described === 'generated' && f.name !== 'id').map((f) => f.name);
        expect(bare, `${lang} ${name}`).toEqual([]);
      }
    }
  });

  it('answers at /api/dictionary as JSON in either language, or as Markdown', async () => {
    const en = await app.request('/api/dictionary', bearer(token));
    expect(en.status).toBe(200);
    const body = (await en.json()) as Dictionary;
    expect(body.lang).toBe('en');
    expect(body.tables.find((x) => x.name === 'lots')!.description).toMatch(/^Lots/);
    expect(body.entities.some((e) => e.name === 'DataDictionary')).toBe(true);

    const zh = (await (await app.request('/api/dictionary?lang=zh-CN', bearer(token))).json()) as Dictionary;
    expect(zh.tables.find((x) => x.name === 'lots')!.description).toMatch(/^批次/);

    const md = await app.request('/api/dictionary?lang=zh-CN&format=md', bearer(token));
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await md.text()).toMatch(/^# Lotline 数据字典\n[\s\S]*### lots\n/);
  });

  it.each([
    ['lang=fr', 'lang'],
    ['lang=zh-cn', 'lang'],
    ['lang=%EF%BD%85n', 'lang'],
    ['lang=en%00', 'lang'],
    ['format=pdf', 'format'],
  ])('refuses ?%s with a 400 naming the parameter', async (query, field) => {
    const res = await app.request(`/api/dictionary?${query}`, bearer(token));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(field);
  });

  it('is for signed-in readers only', async () => {
    expect((await app.request('/api/dictionary')).status).toBe(401);
  });
});
