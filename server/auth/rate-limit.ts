import type { Queryable } from '../db';

export interface LoginLimit {
  maxFailures: number;
  windowMinutes: number;
}

export const DEFAULT_LOGIN_LIMIT: LoginLimit = { maxFailures: 5, windowMinutes: 15 };

/** Failures are counted per username and per client address, in the database, so every instance agrees. */
export async function recentFailures(db: Queryable, username: string, client: string, limit: LoginLimit): Promise<number> {
  const result = await db.query<{ by_user: string; by_client: string }>(
    `SELECT count(*) FILTER (WHERE username = $1)::text AS by_user,
            count(*) FILTER (WHERE client = $2)::text AS by_client
       FROM login_failures
      WHERE at > now() - make_interval(mins => $3) AND (username = $1 OR client = $2)`,
    [username, client, limit.windowMinutes],
  );
  const row = result.rows[0];
  // A client may mistype several names; allow it a few more tries than one name gets.
  return Math.max(Number(row?.by_user ?? 0), Math.floor(Number(row?.by_client ?? 0) / 3));
}

export async function recordFailure(db: Queryable, username: string, client: string): Promise<void> {
  await db.query('INSERT INTO login_failures (username, client) VALUES ($1, $2)', [username, client]);
}

export async function clearFailures(db: Queryable, username: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE username = $1', [username]);
}
