/**
 * The one door to the database. Everything above it speaks plain PostgreSQL through this
 * interface, so the embedded PGlite and a real PostgreSQL server are interchangeable.
 */
export type DbKind = 'pglite' | 'postgres';

export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface QueryOptions {
  /**
   * Keep the statement prepared under this name on the connection: for a large statement run
   * often (a trace), planning can cost more than running it. Ignored where it does not apply.
   */
  prepareAs?: string;
}

export interface ListenOptions {
  /** Listening again after the connection was lost: notifications may have been missed. */
  onReconnect?: () => void;
  /** The connection was lost or a reconnect failed; it keeps trying. */
  onError?: ((error: unknown) => void) | undefined;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<Row>>;
}

export interface Db extends Queryable {
  readonly kind: DbKind;
  /** Runs fn in one transaction: committed when fn resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements at once (migrations); no parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Calls back on every NOTIFY on the channel. A notification sent inside a transaction arrives
   * only once that transaction commits, which is what change fan-out needs. The listening
   * connection reconnects by itself when it is lost; notifications sent meanwhile are gone, so
   * `onReconnect` tells the caller to catch up by other means.
   */
  listen(channel: string, callback: (payload: string) => void, options?: ListenOptions): Promise<() => Promise<void>>;
  /**
   * The same database through up to `max` connections of its own, closed on its own: for
   * background work that must not queue behind requests holding the shared pool (the outbox
   * relay under a plant's ingest). Absent where there is one connection anyway (PGlite).
   */
  separate?(max: number): Db;
  close(): Promise<void>;
}
