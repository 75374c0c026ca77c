import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lotline-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Far above Linux's default pid_max: no process has it.
const DEAD_PID = 4_194_304 + 4242;

describe('data directory lock', () => {
  it('refuses a second holder with a message that says what to do', () => {
    const dir = fresh();
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another Lotline process \(pid \d+\).*DATABASE_URL/);
    lock.release();
    expect(existsSync(join(dir, 'lotline.lock'))).toBe(false);
    lockDataDir(dir).release();
  });

  it('takes over a lock left by a process of this machine that no longer runs', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'lotline.lock'), JSON.stringify({ pid: DEAD_PID, host: hostname() }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(join(dir, 'lotline.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('refuses a lock held from another machine (a shared disk), whatever its pid', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'lotline.lock'), JSON.stringify({ pid: DEAD_PID, host: 'other-host' }));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it('treats a half-written lock file as stale', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'lotline.lock'), '{"pid":');
    lockDataDir(dir).release();
  });
});
