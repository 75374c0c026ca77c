import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLotline } from '../test-support/process';
import { main } from '.';
import { memoryIo } from './io';

const COMMANDS = ['start', 'serve', 'dev', 'gs1', 'epc', 'label', 'audit', 'trace', 'recall', 'apikey', 'import', 'backup', 'restore', 'db', 'seed', 'printer-emulator'];
const empty = mkdtempSync(join(tmpdir(), 'lotline-nodb-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('lotline <command> --help', () => {
  it.each(COMMANDS.flatMap((c) => [[c, '--help'], [c, '-h']]))('%s %s prints the usage and exits 0', async (command, flag) => {
    const io = memoryIo();
    expect(await main([command, flag], io)).toBe(0);
    expect(io.stdout).toMatch(new RegExp(`^usage: lotline ${command}`));
    expect(io.stderr).toBe('');
    // The first --help of a command loads (and transforms) its whole module graph: start's is the server's.
  }, 30_000);

  it('help wins over other arguments, even bad ones, and lotline help <command> says the same', async () => {
    const io = memoryIo();
    expect(await main(['trace', '--bogus', 'X', '-h'], io)).toBe(0);
    const viaHelp = memoryIo();
    expect(await main(['help', 'trace'], viaHelp)).toBe(0);
    expect(viaHelp.stdout).toBe(io.stdout);
  });

  it('lists every command for lotline --help (exit 0) and without a command (exit 2)', async () => {
    const io = memoryIo();
    expect(await main(['--help'], io)).toBe(0);
    for (const command of COMMANDS) expect(io.stdout).toContain(`  ${command} `);
    const bare = memoryIo();
    expect(await main([], bare)).toBe(2);
  });

  it('works as a process: exit 0 and the usage on stdout', async () => {
    const result = await runLotline(['audit', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('usage: lotline audit verify');
  });
});

describe('commands that read a database do not create one', () => {
  it.each([
    [['audit', 'verify']],
    [['trace', 'PP2410A']],
    [['recall', 'scope', 'PP2410A']],
    [['backup', join(empty, 'x.lotline-backup')]],
  ])('lotline %j without DATABASE_URL or an existing data directory exits 2', async (args) => {
    const dataDir = join(empty, 'data');
    const result = await runLotline(args, { DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`there is no embedded database in ${dataDir}`);
    expect(result.stdout).toBe('');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('backup with DATABASE_URL points at pg_dump (exit 2) without touching PostgreSQL', async () => {
    const result = await runLotline(['backup', join(empty, 'pg.lotline-backup')], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('back it up with pg_dump');
  });

  it('restore without a file is a usage error (exit 2)', async () => {
    const io = memoryIo();
    expect(await main(['restore'], io)).toBe(2);
    expect(io.stderr).toContain('name the backup file to restore');
  });
});
