import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPglite, type Db } from '../db';
import { loadDemoData } from '../seed/demo';
import { schemaUrl } from '../test-support/cluster';
import { openTestDb } from '../test-support/db';
import { runLotline, startLotline, type Started } from '../test-support/process';

// Real `lotline import` processes on the demo plant: an embedded data directory, or an own
// schema of the PostgreSQL in DATABASE_URL when the db suite runs there.
const root = mkdtempSync(join(tmpdir(), 'lotline-import-cli-'));
let env: Record<string, string>;
const file = (name: string, text: string) => {
  const path = join(root, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  let db: Db;
  if (process.env.DATABASE_URL) {
    const t = await openTestDb('cli_import');
    db = t.db;
    env = { DATABASE_URL: schemaUrl(t.postgres!.url, t.postgres!.schema) };
  } else {
    const dataDir = join(root, 'data');
    mkdirSync(dataDir, { recursive: true });
    db = await openPglite(join(dataDir, 'pg'));
    await migrate(db);
    env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  }
  try {
    await loadDemoData(db, { password: 'import-cli-pass-1' });
  } finally {
    await db.close();
  }
  env.LOTLINE_PASSWORD = 'import-cli-pass-1';
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lotline import', () => {
  it('refuses a file with a bad row, naming the row and field, writes nothing and exits 1', async () => {
    const path = file('bad.csv', 'GTIN,批号,有效期至\n06901234000115,CLI-1,2030-01-01\n06901234000116,CLI-2,2030-01-01\n');
    const result = await runLotline(['import', path, '--kind', 'lots', '--user', 'supervisor'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('row 3  gtin (GTIN)  gtin_check_digit');
    expect(result.stdout).toContain('NOT IMPORTED: 1 row(s) have errors and nothing was written');
    const dry = await runLotline(['import', path, '--kind', 'lots', '--user', 'supervisor', '--dry-run', '--json'], env);
    expect(dry.code).toBe(1);
    expect((JSON.parse(dry.stdout) as { commit: unknown }).commit).toBeNull();
  });

  it('imports a good file once, writes the report, and a second run writes nothing', async () => {
    const path = file('good.csv', 'GTIN,Lot,Expiry\n06901234000115,CLI-3,2030-01-01\n06901234000115,CLI-4,2030-01-01\n');
    const report = join(root, 'good.report.csv');
    const first = await runLotline(['import', path, '--kind', 'lots', '--user', 'supervisor', '--report', report], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Imported: wrote 2 row(s)');
    expect(readFileSync(report, 'utf8')).toContain('2,ok,,06901234000115,CLI-3');
    const again = await runLotline(['import', path, '--kind', 'lots', '--user', 'supervisor'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Imported: wrote 0 row(s), 2 already imported');
  });

  it('imports the good rows with --valid-only and says it is partial', async () => {
    const path = file('mixed.csv', 'GTIN,Lot\n06901234000115,CLI-5\n06901234000115,CLI 6\n');
    const result = await runLotline(['import', path, '--kind', 'lots', '--user', 'supervisor', '--valid-only'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('PARTIAL: wrote 1 row(s); 1 row(s) in error were left out');
  });

  it.each([
    [['import', '--kind', 'lots', '--user', 'supervisor'], 'give exactly one file'],
    [['import', 'x.csv', '--kind', 'pallets', '--user', 'supervisor'], '--kind must be one of'],
  ])('answers usage errors with exit 2: %j', async (args, message) => {
    const result = await runLotline(args, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('refuses an operator', async () => {
    const path = file('op.csv', 'GTIN,Lot\n06901234000115,CLI-7\n');
    const result = await runLotline(['import', path, '--kind', 'lots', '--user', 'picker'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Only a supervisor or an admin imports legacy data.');
  });
});

describe('lotline import through a running server', () => {
  const plant = join(root, 'served');
  const serverEnv = { DATA_DIR: plant, DATABASE_URL: '', LOTLINE_ADMIN_PASSWORD: 'import-admin-pass-1' };
  let server: Started;
  beforeAll(async () => {
    expect((await runLotline(['seed'], serverEnv)).code).toBe(0);
    server = await startLotline(['--port', '0', '--data-dir', plant], serverEnv);
  }, 120_000);
  afterAll(() => server?.stop());

  it('goes through the server with --url: dry run, commit, report, and the same answers as on the database', async () => {
    const path = file('served.csv', 'GTIN,Lot,Expiry\n06901234000115,SRV-1,2030-01-01\n06901234000115,SRV-2,2030-01-01\n06901234000116,SRV-3,2030-01-01\n');
    const env = { LOTLINE_PASSWORD: 'import-admin-pass-1' };
    const refused = await runLotline(['import', path, '--kind', 'lots', '--user', 'admin', '--url', server.url], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('row 4  gtin (GTIN)  gtin_check_digit');
    expect(refused.stdout).toContain('NOT IMPORTED');
    const report = join(root, 'served.report.csv');
    const partial = await runLotline(['import', path, '--kind', 'lots', '--user', 'admin', '--url', server.url, '--valid-only', '--report', report], env);
    expect(partial.stderr).toBe('');
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('PARTIAL: wrote 2 row(s); 1 row(s) in error were left out');
    expect(readFileSync(report, 'utf8')).toContain('4,error,');
  });

  it('asks the server that holds DATA_DIR instead of failing on its lock', async () => {
    const path = file('held.csv', 'GTIN,Lot\n06901234000115,SRV-4\n');
    const result = await runLotline(['import', path, '--kind', 'lots', '--user', 'admin'], { DATA_DIR: plant, DATABASE_URL: '', LOTLINE_PASSWORD: 'import-admin-pass-1' });
    expect(result.stderr).toContain(`the server at ${server.url} holds ${plant}; asking it`);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Imported: wrote 1 row(s)');
  });

  it('says when the password is wrong, and writes nothing', async () => {
    const path = file('nope.csv', 'GTIN,Lot\n06901234000115,SRV-5\n');
    const result = await runLotline(['import', path, '--kind', 'lots', '--user', 'admin', '--url', server.url], { LOTLINE_PASSWORD: 'wrong-password-1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Wrong user name or password.');
  });
});
