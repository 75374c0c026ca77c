import type { Db, Queryable } from './port';

/** PostgreSQL gave up on the transaction and rolled it back: running it again is safe. */
const ROLLED_BACK = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure

/**
 * The connection died under the transaction (server restart, pg_terminate_backend, failover).
 * Whether a COMMIT in flight took effect is unknown, so only work that is idempotent by its own
 * keys may run again.
 */
const CONNECTION_LOST = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);
const CONNECTION_MESSAGES = /Connection terminated|connection is closed|Client has encountered a connection error|ECONNRESET|ECONNREFUSED|EPIPE/i;

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : undefined;
}

export function isRolledBackConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && ROLLED_BACK.has(code);
}

export function isConnectionLost(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined && CONNECTION_LOST.has(code)) return true;
  return error instanceof Error && CONNECTION_MESSAGES.test(error.message);
}

export interface RetryOptions {
  attempts?: number;
  /** The work is keyed so that running it twice changes nothing: retry after a lost connection too. */
  idempotent?: boolean;
  /** Called before each new attempt (logging, counters). */
  onRetry?: (error: unknown, attempt: number) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs fn in a transaction and runs it again when PostgreSQL rolled it back for a deadlock or a
 * serialization failure (and, for idempotent work, when the connection was lost), with a short
 * jittered backoff, so a client sees an answer instead of a 500. fn must keep its results in what
 * it returns, not in variables outside: a failed attempt leaves nothing behind.
 */
export async function transactionWithRetry<T>(db: Db, fn: (tx: Queryable) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 6;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      const retryable = isRolledBackConflict(error) || (options.idempotent === true && isConnectionLost(error));
      if (!retryable || attempt >= attempts) throw error;
      options.onRetry?.(error, attempt);
      await sleep(Math.min(1000, 10 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}
