import type { Queryable } from '../db';
import { AppError } from '../errors';

/**
 * "As of" a dashboard was read: the plant day and the database snapshot its figures came from
 * (pg_current_snapshot, xmin:xmax:in-progress). A change is anything written to the tables the
 * figures are drawn from by a transaction that snapshot did not see — exact whatever order
 * transactions commit in, which a highest-id token is not — or a new day, which moves buckets.
 */
export interface AsOf {
  today: string;
  snapshot: string;
}

const TOKEN = /^(\d{4}-\d{2}-\d{2})~(\d{1,20}:\d{1,20}:(?:\d{1,20}(?:,\d{1,20})*)?)$/;

export const formatAsOf = (asOf: AsOf): string => `${asOf.today}~${asOf.snapshot}`;

export function parseAsOf(token: string): AsOf {
  const m = TOKEN.exec(token);
  if (!m || m[2]!.length > 4000) throw new AppError(400, 'invalid_request', 'asOf is not a token this server gave out.', { field: 'asOf' });
  return { today: m[1]!, snapshot: m[2]! };
}

/** The snapshot of the statement or repeatable-read transaction this runs in. */
export async function currentSnapshot(db: Queryable): Promise<string> {
  return (await db.query<{ s: string }>('SELECT pg_current_snapshot()::text AS s')).rows[0]!.s;
}

const TRACKED = ['stock_balances', 'lots', 'items', 'locations', 'warehouses', 'dashboard_settings'];

/** Whether anything the figures are drawn from changed since `asOf`, as seen from `today`. */
export async function changedSince(db: Queryable, asOf: AsOf, today: string): Promise<boolean> {
  if (asOf.today !== today) return true;
  const probes = TRACKED.map((table) => `EXISTS (SELECT 1 FROM ${table} WHERE change_xid >= pg_snapshot_xmin($1::pg_snapshot) AND NOT pg_visible_in_snapshot(change_xid, $1::pg_snapshot))`);
  const found = await db.query<{ changed: boolean }>(`SELECT ${probes.join(' OR ')} AS changed`, [asOf.snapshot]);
  return found.rows[0]!.changed;
}
