import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBackup } from '../backup';
import { tableCounts } from '../backup/take';
import { openPglite } from '../db';
import { runLotline, startLotline, type Started } from '../test-support/process';

// The restore drill runs real processes on real PGlite directories: backup and restore are
// about the embedded database (PostgreSQL is backed up with pg_dump, docs/operations.md).
const root = mkdtempSync(join(tmpdir(), 'lotline-backup-'));
const source = join(root, 'plant');
const password = 'backup-admin-pw';
const env = { DATA_DIR: source, LOTLINE_ADMIN_PASSWORD: password };
let server: Started;

beforeAll(async () => {
  expect((await runLotline(['seed'], env)).code).toBe(0);
  server = await startLotline(['--port', '0', '--data-dir', source], env);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** Nothing but the named entries in root: no staging directory or partial file left over. */
function leftovers(): string[] {
  return readdirSync(root).filter((name) => name.startsWith('.'));
}

describe('restore drill: backup of a running server, restore into a new DATA_DIR', () => {
  const file = join(root, 'nightly.lotline-backup');
  const restored = join(root, 'restored');

  it('refuses to read a data directory the server holds, and says how to ask the server', async () => {
    const result = await runLotline(['backup', file], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is in use by another Lotline process');
    expect(result.stderr).toContain(`--url ${server.url}`);
    expect(existsSync(file)).toBe(false);
  });

  it('asks the running server (found in DATA_DIR) as an admin, and writes a checked file', async () => {
    const result = await runLotline(['backup', file, '--user', 'admin'], env, `${password}\n`);
    expect(result.stderr).toContain(`the server at ${server.url} holds ${source}; asking it`);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/backup written: .*nightly\.lotline-backup/);
    const { manifest } = await readBackup(file);
    expect(manifest.migrations.length).toBeGreaterThan(0);
    expect(manifest.tables.lots).toBeGreaterThan(0);
    expect(manifest.anchors).toEqual([]);
  });

  it('restores into a new data directory: audit verify passes and every table count matches', async () => {
    const result = await runLotline(['restore', file, '--data-dir', restored], {});
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const verify = await runLotline(['audit', 'verify', '--json'], { DATA_DIR: restored });
    expect(verify.code).toBe(0);
    const { manifest } = await readBackup(file);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, rows: manifest.audit.rows, lastHash: manifest.audit.lastHash });
    const db = await openPglite(join(restored, 'pg'));
    try {
      expect(await tableCounts(db)).toEqual(manifest.tables);
    } finally {
      await db.close();
    }
    expect(leftovers()).toEqual([]);
  });

  it('a backup by a process of its own, with the server stopped, restores the same way', async () => {
    const offline = join(root, 'offline.lotline-backup');
    const result = await runLotline(['backup', offline], { DATA_DIR: restored });
    expect(result.code).toBe(0);
    const again = join(root, 'restored-again');
    expect((await runLotline(['restore', offline, '--data-dir', again], {})).code).toBe(0);
    expect((await runLotline(['trace', 'PP2410A'], { DATA_DIR: again })).stdout).toContain('Forward trace of lot PP2410A');
  });

  it('trace and audit verify ask the running server with --url and credentials', async () => {
    const trace = await runLotline(['trace', 'S24110701', '--backward', '--json', '--url', server.url, '--user', 'admin'], { LOTLINE_PASSWORD: password });
    expect(trace.code).toBe(0);
    expect((JSON.parse(trace.stdout) as { lots: { lotNumber: string }[] }).lots.map((l) => l.lotNumber)).toContain('PP2410A');
    const verify = await runLotline(['audit', 'verify', '--user', 'admin'], { ...env, LOTLINE_PASSWORD: password });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/audit chain intact: \d+ rows/);
    const wrong = await runLotline(['audit', 'verify', '--url', server.url, '--user', 'admin'], { LOTLINE_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Wrong user name or password.');
  });
});

describe('restore refuses bad input and leaves nothing half-written', () => {
  const good = join(root, 'nightly.lotline-backup');
  const damaged = (name: string, change: (bytes: Buffer) => Buffer) => {
    const path = join(root, name);
    writeFileSync(path, change(readFileSync(good)));
    return path;
  };
  const payloadStart = (bytes: Buffer) => bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;

  it.each([
    ['a missing file', () => join(root, 'no-such.lotline-backup'), /No backup file at/],
    ['a file that is not a backup', () => damaged('notes.txt', () => Buffer.from('hello\n')), /not a Lotline backup file/],
    [
      'a payload with a flipped byte',
      () =>
        damaged('flipped.lotline-backup', (b) => {
          const i = payloadStart(b) + 1000;
          b[i] = b[i]! ^ 0xff;
          return b;
        }),
      /checksum does not match/,
    ],
    [
      'a manifest with another checksum',
      () => damaged('wrong-sum.lotline-backup', (b) => Buffer.from(b.toString('latin1').replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${'0'.repeat(64)}"`), 'latin1')),
      /checksum does not match/,
    ],
    ['a file cut short', () => damaged('short.lotline-backup', (b) => b.subarray(0, b.length - 4096)), /cut short/],
    ['a damaged manifest', () => damaged('manifest.lotline-backup', (b) => Buffer.from(b.toString('latin1').replace('"tables":{', '"tables":['), 'latin1')), /manifest is damaged/],
  ])('%s: exit 1 with a clear message, no data directory created', async (_name, make, message) => {
    const target = join(root, `target-${Math.random().toString(36).slice(2)}`);
    const result = await runLotline(['restore', make(), '--data-dir', target], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('a non-empty target is refused; --force moves it aside, never deletes it', async () => {
    const target = join(root, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'mine');
    const refused = await runLotline(['restore', good, '--data-dir', target], {});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not empty');
    expect(readdirSync(target)).toEqual(['keep.txt']);
    const forced = await runLotline(['restore', good, '--data-dir', target, '--force'], {});
    expect(forced.code).toBe(0);
    const aside = /moved to (\S+)/.exec(forced.stdout)?.[1];
    expect(readFileSync(join(aside!, 'keep.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(target, 'pg', 'PG_VERSION'))).toBe(true);
  });

  it('--force is refused while a server runs on the target', async () => {
    const result = await runLotline(['restore', good, '--data-dir', source, '--force'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('in use by another Lotline process');
    expect(leftovers()).toEqual([]);
  });
});
