import type { Queryable } from '../db';

/** Advisory lock class of a lot's balances; the second key is the lot's bucket. */
const LOT_BALANCES_LOCK = 7701010;

/**
 * Lots share 1,024 balance locks. PostgreSQL keeps every lock a transaction holds in a shared
 * table sized by max_locks_per_transaction × max_connections (6,400 slots by default), so one
 * lock per lot made a 100,000-lot opening-stock import fail with "out of shared memory". With
 * buckets a transaction holds at most 1,024 of them; two writers of unrelated lots queue only
 * when their lots share a bucket, which costs a wait, never a wrong balance.
 */
export const LOT_BALANCE_BUCKETS = 1024;

/**
 * Takes the balance lock of every lot, in one global order, for the rest of the transaction.
 * Every writer of stock_balances takes these before it reads or writes a balance, so writers
 * of the same lot queue instead of deadlocking: a row lock taken by FOR UPDATE and a balance
 * row another transaction is inserting can otherwise wait on each other. Taking a lock again
 * in the same transaction is free.
 */
export async function lockLotBalances(tx: Queryable, lotIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(lotIds)];
  if (ids.length === 0) return;
  await tx.query(
    `SELECT pg_advisory_xact_lock(${LOT_BALANCES_LOCK}, k)
       FROM (SELECT DISTINCT hashtext(id::text) & ${LOT_BALANCE_BUCKETS - 1} AS k FROM unnest($1::uuid[]) AS id ORDER BY k) AS keys`,
    [ids],
  );
}
