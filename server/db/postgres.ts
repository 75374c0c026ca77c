import pg from 'pg';
import type { Db, QueryOptions, QueryResult, Queryable } from './port';

// bigint (int8) and numeric come back as strings by default; the ledger keeps quantities in
// numeric and reads them through Number() where it needs arithmetic, so leave the defaults.

export interface PostgresOptions {
  connectionString: string;
  /** Every connection starts with this search_path (tests isolate themselves in a schema). */
  schema?: string;
  max?: number;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<QueryResult<Row>> {
      const result = options.prepareAs ? await client.query({ name: options.prepareAs, text: sql, values: [...params] }) : await client.query(sql, [...params]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    },
  };
}

export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // A dead server should fail the start with its own message, not on the first request.
  const probe = await pool.connect();
  probe.release();
  const direct = wrap(pool);
  const listeners = new Set<pg.Client>();
  return {
    kind: 'postgres',
    query: direct.query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    async listen(channel, callback) {
      // LISTEN needs a connection of its own for as long as it listens; it never goes back to the pool.
      const client = new pg.Client({ connectionString: options.connectionString });
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) callback(message.payload ?? '');
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.add(client);
      return async () => {
        listeners.delete(client);
        await client.end().catch(() => undefined);
      };
    },
    close: async () => {
      await Promise.all([...listeners].map((client) => client.end().catch(() => undefined)));
      listeners.clear();
      await pool.end();
    },
  };
}
