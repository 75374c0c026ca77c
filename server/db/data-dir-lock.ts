import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Lotline process (pid ${holderPid}). ` +
        `The embedded database cannot be shared between processes: stop that process, or give this one ` +
        `its own DATA_DIR, or use a PostgreSQL server with DATABASE_URL.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still a holder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock between processes, and a second process on the same directory silently
 * loses its writes. An exclusively created lock file with the holder's pid guards the directory;
 * a lock left by a killed process (pid gone) is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'lotline.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const holder = JSON.parse(readFileSync(path, 'utf8')) as { pid?: number };
          if (holder.pid === process.pid) rmSync(path, { force: true });
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holderPid = 0;
      try {
        const holder = JSON.parse(readFileSync(path, 'utf8')) as { pid?: number; host?: string };
        holderPid = holder.pid ?? 0;
        if (holder.host && holder.host !== hostname()) throw new DataDirLockedError(dataDir, holderPid);
      } catch (readError) {
        if (readError instanceof DataDirLockedError) throw readError;
        // An unreadable lock file is a half-written one from a crash: treat as stale.
      }
      if (holderPid > 0 && holderPid !== process.pid && isAlive(holderPid)) throw new DataDirLockedError(dataDir, holderPid);
      if (holderPid === process.pid) throw new DataDirLockedError(dataDir, holderPid);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}
