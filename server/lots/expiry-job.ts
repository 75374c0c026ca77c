import { appendAudit } from '../audit';
import { plantToday } from '../clock';
import type { Db } from '../db';
import { notifyChanges } from '../sync/notify';

export interface ExpiryRun {
  today: string;
  expired: string[];
  nearExpiryAlerts: number;
}

const JOB = { id: null, name: 'expiry job' } as const;

/**
 * Moves every usable lot past its expiry date to expired (a lot is usable on its expiry date
 * itself), raises an alert for each, and raises near-expiry alerts for lots in stock that have
 * entered one of their item's windows. Alerts are unique per lot, kind and window, so running
 * the job twice in a day, or on several instances, raises nothing twice.
 */
export async function runExpiryJob(db: Db, today: string = plantToday()): Promise<ExpiryRun> {
  return db.transaction(async (tx) => {
    const due = await tx.query<{ id: string; lot_number: string; status: string; expires_on: string }>(
      `SELECT id, lot_number, status, to_char(expires_on, 'YYYY-MM-DD') AS expires_on FROM lots
        WHERE status IN ('quarantine','released','on_hold') AND expires_on < $1::date
        ORDER BY id FOR UPDATE SKIP LOCKED`,
      [today],
    );
    if (due.rows.length > 0) {
      const ids = due.rows.map((r) => r.id);
      await tx.query(`UPDATE lots SET status = 'expired', version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
      await tx.query(
        `INSERT INTO lot_alerts (lot_id, kind, window_days, expires_on) SELECT l.id, 'expired', 0, l.expires_on FROM lots l WHERE l.id = ANY($1::uuid[])
         ON CONFLICT (lot_id, kind, window_days) DO NOTHING`,
        [ids],
      );
    }
    const near = await tx.query<{ n: string }>(
      `WITH candidates AS (
         SELECT l.id, l.expires_on,
                (SELECT min(w) FROM unnest(i.near_expiry_days) w WHERE w > 0 AND l.expires_on - $1::date <= w) AS window_days
           FROM lots l JOIN items i ON i.id = l.item_id
          WHERE l.status IN ('quarantine','released','on_hold') AND l.expires_on >= $1::date
            AND EXISTS (SELECT 1 FROM stock_balances b WHERE b.lot_id = l.id AND b.qty > 0)
       ), raised AS (
         INSERT INTO lot_alerts (lot_id, kind, window_days, expires_on)
         SELECT id, 'near_expiry', window_days, expires_on FROM candidates WHERE window_days IS NOT NULL
         ON CONFLICT (lot_id, kind, window_days) DO NOTHING RETURNING 1
       )
       SELECT count(*)::text AS n FROM raised`,
      [today],
    );
    await appendAudit(
      tx,
      JOB,
      due.rows.map((r) => ({ action: 'lot.status', entityType: 'lot', entityId: r.id, before: { status: r.status }, after: { status: 'expired', lotNumber: r.lot_number, expiresOn: r.expires_on }, reason: `expired on ${r.expires_on}` })),
    );
    if (due.rows.length > 0) await notifyChanges(tx, ['lots']);
    return { today, expired: due.rows.map((r) => r.lot_number), nearExpiryAlerts: Number(near.rows[0]!.n) };
  });
}

/**
 * Runs the job at start and then whenever the plant's date changes (checked every few
 * minutes), so a server left running over midnight expires lots without a cron.
 */
export function scheduleExpiryJob(db: Db, onError: (error: unknown) => void, everyMs = 5 * 60_000): { stop(): void } {
  let lastDay = '';
  let running = false;
  const tick = () => {
    const today = plantToday();
    if (today === lastDay || running) return;
    running = true;
    runExpiryJob(db, today)
      .then(() => {
        lastDay = today;
      })
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
