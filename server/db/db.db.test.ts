import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, splitStatements } from '.';
import { openTestDb, type TestDb } from '../test-support/db';

describe('splitStatements', () => {
  it.each([
    ['SELECT 1; SELECT 2;', ['SELECT 1', 'SELECT 2']],
    ["SELECT ';' AS semi; SELECT 2", ["SELECT ';' AS semi", 'SELECT 2']],
    ['-- a; comment\nSELECT 1', ['SELECT 1']],
    ['CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$; SELECT 2', ['CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$', 'SELECT 2']],
    ['SELECT "a;b" FROM t', ['SELECT "a;b" FROM t']],
  ])('%j', (sql, expected) => {
    expect(splitStatements(sql)).toEqual(expected);
  });
});

describe('migrations', () => {
  let t: TestDb;
  let dir: string;
  beforeAll(async () => {
    t = await openTestDb('migrations', { migrate: false });
    dir = mkdtempSync(join(tmpdir(), 'lotline-mig-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every shipped migration once, in order', async () => {
    const applied = await migrate(t.db);
    expect(applied).toEqual(loadMigrations().map((m) => m.name));
    expect(await migrate(t.db)).toEqual([]);
    expect(readdirSync(join(import.meta.dirname, 'migrations')).length).toBe(applied.length);
  });

  it('rolls back a failing migration whole and records nothing for it', async () => {
    writeFileSync(join(dir, '900_good.sql'), 'CREATE TABLE mig_good (id int);');
    writeFileSync(join(dir, '901_bad.sql'), 'CREATE TABLE mig_half (id int); SELECT no_such_function();');
    await expect(migrate(t.db, loadMigrations(dir))).rejects.toThrow(/no_such_function/);
    const tables = await t.db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE 'mig_%' AND table_schema = current_schema() ORDER BY 1");
    expect(tables.rows.map((r) => r.name)).toEqual(['mig_good']);
    const recorded = await t.db.query<{ version: number }>('SELECT version FROM schema_migrations WHERE version >= 900');
    expect(recorded.rows.map((r) => r.version)).toEqual([900]);
  });

  it('refuses two migrations with one number', () => {
    writeFileSync(join(dir, '901_other.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/share number 901/);
  });
});
