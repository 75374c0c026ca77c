import pg from 'pg';
import { isConnectionLost } from './retry';
import type { Db, ListenOptions, QueryOptions, QueryResult, Queryable } from './port';

// bigint (int8) and numeric come back as strings by default; the ledger keeps quantities in
// numeric and reads them through Number() where it needs arithmetic, so leave the defaults.

export interface PostgresOptions {
  connectionString: string;
  /** An idle connection died (server restart, pg_terminate_backend): the pool drops it and goes on. */
  onIdleError?: (error: Error) => void;
  /** Every connection starts with this search_path (tests isolate themselves in a schema). */
  schema?: string;
  max?: number;
  /** Shown in pg_stat_activity; every connection of this process carries it (default: lotline). */
  applicationName?: string;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<QueryResult<Row>> {
      const result = options.prepareAs ? await client.query({ name: options.prepareAs, text: sql, values: [...params] }) : await client.query(sql, [...params]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    },
  };
}

/** A statement that only reads can run again on a new connection when its own was lost. */
const READ_ONLY = /^\s*(SELECT|WITH)\b(?![\s\S]*\b(INSERT|UPDATE|DELETE|MERGE|nextval|setval|pg_advisory)\b)/i;

/** Statements outside a transaction, on any pooled connection; reads survive one lost connection. */
function wrapPool(pool: pg.Pool): Queryable {
  const direct = wrap(pool);
  return {
    async query<Row>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<QueryResult<Row>> {
      try {
        return await direct.query<Row>(sql, params, options);
      } catch (error) {
        if (!isConnectionLost(error) || !READ_ONLY.test(sql)) throw error;
        return direct.query<Row>(sql, params, options);
      }
    },
  };
}

export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const db = poolDb(options);
  // A dead server should fail the start with its own message, not on the first request.
  await db.query('SELECT 1');
  return db;
}

function poolDb(options: PostgresOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'lotline',
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // Without a listener, an idle client's error (the server restarted or ended the connection)
  // is an unhandled 'error' event and kills the process. The pool discards that client itself.
  pool.on('error', (error) => (options.onIdleError ?? ((e: Error) => console.warn(`database: idle connection lost (${e.message}); the pool opens a new one`)))(error));
  const direct = wrapPool(pool);
  const listeners = new Set<Listener>();
  return {
    kind: 'postgres',
    query: direct.query,
    async transaction(fn) {
      const client = await pool.connect();
      // Between statements a checked-out client has no listener of the pool's: a connection lost
      // then is an 'error' event that would end the process. The next statement fails instead.
      const onLost = () => undefined;
      client.on('error', onLost);
      let result;
      try {
        await client.query('BEGIN');
        result = await fn(wrap(client));
        await client.query('COMMIT');
      } catch (error) {
        // A connection that failed under the transaction is destroyed, not handed to the next caller.
        const rolledBack = await client.query('ROLLBACK').then(
          () => true,
          () => false,
        );
        client.off('error', onLost);
        client.release(rolledBack ? undefined : error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
      client.off('error', onLost);
      client.release();
      return result;
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    separate: (max) => poolDb({ ...options, max }),
    async listen(channel, callback, listenOptions = {}) {
      const listener = new Listener({ connectionString: options.connectionString, application_name: options.applicationName ?? 'lotline' }, channel, callback, listenOptions);
      await listener.start();
      listeners.add(listener);
      return async () => {
        listeners.delete(listener);
        await listener.stop();
      };
    },
    close: async () => {
      await Promise.all([...listeners].map((listener) => listener.stop()));
      listeners.clear();
      await pool.end();
    },
  };
}

/**
 * LISTEN needs a connection of its own for as long as it listens; it never goes back to the pool.
 * When that connection is lost it connects again with a growing backoff (to 10 s), listens again
 * and reports the reconnect, because notifications sent while it was away are gone.
 */
class Listener {
  private client: pg.Client | undefined;
  private stopped = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly connection: pg.ClientConfig,
    private readonly channel: string,
    private readonly callback: (payload: string) => void,
    private readonly options: ListenOptions,
  ) {}

  /** The first connection: a failure here is the caller's to handle. */
  async start(): Promise<void> {
    this.client = await this.connect();
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client(this.connection);
    // 'error' then 'end' on a lost connection; the error alone would otherwise crash the process.
    client.on('error', (error) => this.options.onError?.(error));
    client.on('end', () => {
      if (this.client === client) this.client = undefined;
      if (!this.stopped) this.reconnectLater();
    });
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.callback(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }

  private reconnectLater(): void {
    if (this.timer || this.stopped) return;
    const delay = Math.min(10_000, 100 * 2 ** Math.min(this.failures, 7));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect().then(
        (client) => {
          if (this.stopped) {
            void client.end().catch(() => undefined);
            return;
          }
          this.client = client;
          this.failures = 0;
          this.options.onReconnect?.();
        },
        (error: unknown) => {
          this.failures++;
          this.options.onError?.(error);
          this.reconnectLater();
        },
      );
    }, delay);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
