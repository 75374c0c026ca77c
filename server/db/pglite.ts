import { PGlite } from '@electric-sql/pglite';
import type { Db, QueryResult, Queryable } from './port';

interface PgliteLike {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
}

function wrap(target: PgliteLike): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}

/** Embedded PostgreSQL (WASM). `dataDir` undefined keeps everything in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = dataDir ? new PGlite(dataDir) : new PGlite();
  await pg.waitReady;
  const direct = wrap(pg);
  return {
    kind: 'pglite',
    query: direct.query,
    // PGlite has one connection; its transaction() holds an internal mutex, so other queries
    // wait instead of interleaving into the open transaction.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    // One in-process connection: it cannot be lost, so there is nothing to reconnect.
    listen: async (channel, callback) => {
      const unlisten = await pg.listen(channel, callback);
      return () => unlisten();
    },
    close: () => pg.close(),
  };
}
