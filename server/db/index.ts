import { join } from 'node:path';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Db } from './port';

export type { Db, DbKind, ListenOptions, Queryable, QueryResult } from './port';
export { DataDirLockedError } from './data-dir-lock';
export { migrate, loadMigrations, splitStatements } from './migrate';
export { openPglite } from './pglite';
export { openPostgres } from './postgres';

export interface OpenOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /**
   * PostgreSQL: a role that owns the schema runs the migrations, so the role in databaseUrl
   * needs (and should have) data rights only; see README "A real PostgreSQL".
   */
  migrationDatabaseUrl?: string | undefined;
}

/**
 * Opens the configured database and brings its schema up to date: PostgreSQL when a URL is
 * given, else the embedded PGlite under dataDir, guarded by an exclusive lock on the directory.
 */
export async function openDatabase(options: OpenOptions): Promise<Db> {
  let lock: DataDirLock | undefined;
  let db: Db;
  if (options.databaseUrl) {
    if (options.migrationDatabaseUrl) {
      const owner = await openPostgres({ connectionString: options.migrationDatabaseUrl, max: 1, applicationName: 'lotline-migrate' });
      try {
        await migrate(owner);
      } finally {
        await owner.close();
      }
    }
    db = await openPostgres({ connectionString: options.databaseUrl });
  } else {
    lock = lockDataDir(options.dataDir);
    try {
      db = await openPglite(join(options.dataDir, 'pg'));
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
  const close = db.close.bind(db);
  return {
    ...db,
    async close() {
      await close();
      lock?.release();
    },
  };
}
export { isConnectionLost, isRolledBackConflict, transactionWithRetry, type RetryOptions } from './retry';
