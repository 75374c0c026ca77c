import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../auth';
import { migrate, openPglite, openPostgres, type Db } from '../db';
import type { ApiKeyView } from '../integration';
import { schemaUrl } from '../test-support/cluster';
import { ADMIN_PASSWORD } from '../test-support/app';
import { openTestDb } from '../test-support/db';
import { runLotline } from '../test-support/process';

// Real `lotline apikey` processes: on an embedded data directory, or on an own schema of the
// PostgreSQL in DATABASE_URL when the db suite runs there.
const root = mkdtempSync(join(tmpdir(), 'lotline-apikey-cli-'));
let env: Record<string, string>;
let reopen: () => Promise<Db>;

beforeAll(async () => {
  let db: Db;
  if (process.env.DATABASE_URL) {
    const t = await openTestDb('cli_apikey');
    db = t.db;
    env = { DATABASE_URL: schemaUrl(t.postgres!.url, t.postgres!.schema), LOTLINE_PASSWORD: ADMIN_PASSWORD };
    const { url, schema } = t.postgres!;
    reopen = () => openPostgres({ connectionString: url, schema });
  } else {
    const dataDir = join(root, 'data');
    mkdirSync(dataDir, { recursive: true });
    db = await openPglite(join(dataDir, 'pg'));
    await migrate(db);
    env = { DATA_DIR: dataDir, DATABASE_URL: '', LOTLINE_PASSWORD: ADMIN_PASSWORD };
    reopen = () => openPglite(join(dataDir, 'pg'));
  }
  await ensureAdmin(db, ADMIN_PASSWORD);
  await db.close();
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lotline apikey', () => {
  it('creates a key shown once, lists it without its secret, rotates and revokes it under the admin', async () => {
    const made = await runLotline(['apikey', 'create', 'sap-erp', '--scopes', 'items:write,read', '--user', 'admin', '--json'], env);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const { key, secret } = JSON.parse(made.stdout) as { key: ApiKeyView; secret: string };
    expect(secret).toMatch(/^lk_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ integration: 'sap-erp', scopes: ['items:write', 'read'], state: 'active', prefix: secret.slice(0, 10) });

    const listed = await runLotline(['apikey', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${key.id}  sap-erp`);
    expect(listed.stdout).not.toContain(secret);

    const rotated = await runLotline(['apikey', 'rotate', key.id, '--grace-minutes', '0', '--user', 'admin'], env);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/^old: .* revoked /m);
    const next = /^(lk_[A-Za-z0-9_-]{43})$/m.exec(rotated.stdout)![1]!;
    expect(next).not.toBe(secret);

    const nextId = (JSON.parse((await runLotline(['apikey', 'list', '--json'], env)).stdout) as { keys: ApiKeyView[] }).keys.find((k) => k.prefix === next.slice(0, 10))!.id;
    const revoked = await runLotline(['apikey', 'revoke', nextId, '--reason', 'SAP moved', '--user', 'admin'], env);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('revoked');

    const db = await reopen();
    try {
      const audit = await db.query<{ action: string; actor_name: string }>("SELECT action, actor_name FROM audit_log WHERE entity_type = 'api_key' ORDER BY seq");
      expect(audit.rows).toEqual([
        { action: 'api_key.created', actor_name: 'admin' },
        { action: 'api_key.created', actor_name: 'admin' },
        { action: 'api_key.rotated', actor_name: 'admin' },
        { action: 'api_key.revoked', actor_name: 'admin' },
      ]);
    } finally {
      await db.close();
    }
  });

  it("binds a partner's key to its GLN", async () => {
    const made = await runLotline(['apikey', 'create', 'dist-bj', '--scopes', 'epcis:read', '--partner-gln', '6905555000014', '--user', 'admin', '--json'], env);
    expect(made.code, made.stderr).toBe(0);
    expect((JSON.parse(made.stdout) as { key: ApiKeyView }).key).toMatchObject({ integration: 'dist-bj', scopes: ['epcis:read'], partnerGln: '6905555000014' });
    expect((await runLotline(['apikey', 'list'], env)).stdout).toMatch(/dist-bj .* epcis:read {2}partner GLN 6905555000014/);
  });

  it.each([
    [['apikey', 'create', 'dist-sh', '--scopes', 'epcis:read', '--partner-gln', '6905555000015', '--user', 'admin'], 2, 'is not a GLN'],
    [['apikey', 'create', 'dist-sh', '--scopes', 'epcis:read', '--partner-gln', '６９０５５５５００００１４', '--user', 'admin'], 2, 'is not a GLN'],
    [['apikey', 'create', 'sap-erp', '--scopes', 'items:write,everything', '--user', 'admin'], 2, 'unknown scope everything'],
    [['apikey', 'create', 'SAP ERP', '--scopes', 'read', '--user', 'admin'], 2, 'integration name'],
    [['apikey', 'create', 'sap-erp', '--scopes', 'read'], 2, 'give --user NAME'],
    [['apikey', 'rotate', 'not-an-id', '--user', 'admin'], 2, "key's id"],
    [['apikey', 'revoke', '00000000-0000-4000-8000-000000000000', '--reason', 'x', '--user', 'admin'], 1, 'That API key was not found.'],
    [['apikey', 'create', 'sap-erp', '--scopes', 'read', '--user', 'ghost'], 1, 'Wrong user name or password.'],
  ])('%j exits %i and says why', async (args, code, words) => {
    const result = await runLotline(args, env);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(words);
    expect(result.stdout).toBe('');
  });
});
