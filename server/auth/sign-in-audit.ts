import { appendAudit } from '../audit';
import type { Db } from '../db';

export type RefusalKind = 'failed' | 'throttled' | 'device_refused' | 'locked';

const ACTIONS: Record<RefusalKind, string> = {
  failed: 'auth.login_failed',
  throttled: 'auth.login_rate_limited',
  device_refused: 'auth.device_refused',
  locked: 'auth.login_refused_locked',
};

export interface RefusedSignIn {
  kind: RefusalKind;
  /** The account tried, or null when the name is not an account. */
  account: { id: string; username: string } | null;
  /** The name as typed, for the first row of a window: escaped, since anyone can type anything. */
  attemptedName: string;
  client: string;
  deviceId: string | null;
  at: Date;
  details?: Record<string, unknown> | undefined;
}

const minuteOf = (at: Date) => new Date(Math.floor(at.getTime() / 60_000) * 60_000);
const printable = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * Audits a refused sign-in without letting a flood write a row per attempt: attempts are
 * tallied per minute, account (or "not an account") and address; the first of each window is
 * written at once, so a single wrong password shows in the trail immediately, and the rest
 * follow as one row with their count when the window is flushed.
 */
export async function auditRefusedSignIn(db: Db, refusal: RefusedSignIn): Promise<void> {
  const minute = minuteOf(refusal.at);
  await db.transaction(async (tx) => {
    const tallied = await tx.query<{ count: number }>(
      `INSERT INTO sign_in_failure_tally AS t (kind, username, client, minute, user_id, count, audited) VALUES ($1, $2, $3, $4, $5, 1, 1)
       ON CONFLICT (kind, username, client, minute) DO UPDATE SET count = t.count + 1 RETURNING count`,
      [refusal.kind, refusal.account?.username ?? '', refusal.client, minute, refusal.account?.id ?? null],
    );
    if (tallied.rows[0]!.count !== 1) return;
    await appendAudit(tx, { id: refusal.account?.id ?? null, name: refusal.account?.username ?? 'anonymous', deviceId: refusal.deviceId }, [
      {
        action: ACTIONS[refusal.kind],
        entityType: 'auth',
        entityId: refusal.account?.username ?? refusal.client,
        after: { client: refusal.client, deviceId: refusal.deviceId, count: 1, window: minute.toISOString(), ...(refusal.account ? {} : { attemptedName: printable(refusal.attemptedName) }), ...refusal.details },
      },
    ]);
  });
}

/**
 * Writes one row per closed window for the refusals its first row did not cover. Runs after
 * refusals and on a timer, so a flood that stops is still on the record within a minute.
 */
export async function flushSignInTallies(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const closed = await tx.query<{ kind: RefusalKind; username: string; client: string; minute: Date; user_id: string | null; count: number; audited: number }>(
      'DELETE FROM sign_in_failure_tally WHERE minute < $1 RETURNING kind, username, client, minute, user_id, count, audited',
      [minuteOf(now)],
    );
    const rest = closed.rows.filter((r) => r.count > r.audited).sort((a, b) => new Date(a.minute).getTime() - new Date(b.minute).getTime());
    for (const r of rest) {
      const window = new Date(r.minute);
      await appendAudit(tx, { id: r.user_id, name: r.username || 'anonymous' }, [
        {
          action: ACTIONS[r.kind],
          entityType: 'auth',
          entityId: r.username || r.client,
          after: { client: r.client, count: r.count - r.audited, window: window.toISOString(), until: new Date(window.getTime() + 60_000).toISOString() },
        },
      ]);
    }
    return rest.length;
  });
}
