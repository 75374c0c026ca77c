import type { Queryable } from '../db';
import type { JobStatus } from './job-status';

/**
 * The worker-facing side of the spool: leases, and the job states a worker may write. Every
 * write is fenced on the lease — the job's id, its owner, the attempt the lease was taken for,
 * a status a worker may hold, and a lease that has not run out — so a worker that stalled past
 * its lease (a frozen process, a long GC, a lost network) can no longer touch a job that was
 * recovered and perhaps settled by a person meanwhile.
 */

export interface Lease {
  id: string;
  owner: string;
  /** The attempt number this lease was taken for: a later lease of the same job has another. */
  attempt: number;
}

export interface LeasedJob extends Lease {
  zpl: string;
  serial: string | null;
  /** The EPC an RFID label's tag must read back as; null for a label without RFID. */
  rfidEpc: string | null;
  /** When the lease was taken, on this process's monotonic clock (it keeps running while the process is stopped). */
  leasedAt: number;
}

export const FENCE = `id = $1 AND lease_owner = $2 AND attempts = $3 AND status IN ('printing','in_printer') AND lease_until > now()`;

/**
 * Takes the next job for a printer. SKIP LOCKED lets several workers — in several server
 * instances — pull from one queue without waiting on or taking each other's jobs.
 */
export async function leaseJob(db: Queryable, printerId: string, owner: string, leaseSeconds: number): Promise<LeasedJob | null> {
  const leased = await db.query<{ id: string; zpl: string; serial: string | null; rfid_epc: string | null; attempts: number }>(
    `UPDATE print_jobs SET status = 'printing', lease_owner = $2, lease_until = now() + make_interval(secs => $3), attempts = attempts + 1
      WHERE id = (SELECT id FROM print_jobs WHERE printer_id = $1 AND status = 'queued' AND next_attempt_at <= now()
                   ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, zpl, serial, rfid_epc, attempts`,
    [printerId, owner, leaseSeconds],
    { prepareAs: 'lotline_lease_job' },
  );
  const row = leased.rows[0];
  return row ? { id: row.id, owner, attempt: row.attempts, zpl: row.zpl, serial: row.serial, rfidEpc: row.rfid_epc, leasedAt: performance.now() } : null;
}

/**
 * Renews a lease that is still ours, or says it is gone. The worker calls it right before it
 * connects, so a lease that ran out while the worker was stalled stops the send.
 */
export async function holdLease(db: Queryable, lease: Lease, leaseSeconds: number): Promise<boolean> {
  const held = await db.query(`UPDATE print_jobs SET lease_until = now() + make_interval(secs => $4) WHERE ${FENCE} RETURNING id`, [lease.id, lease.owner, lease.attempt, leaseSeconds], {
    prepareAs: 'lotline_hold_lease',
  });
  return held.rows.length === 1;
}

/** What an attempt came to, as print_attempts records it. */
export type AttemptOutcome = 'printed' | 'in_printer' | 'uncertain' | 'refused' | 'unreachable' | 'connect_timeout' | 'not_ready' | 'lease_lost' | 'tag_voided';

export interface AttemptResult {
  outcome: AttemptOutcome;
  /** The job's next state: printed by the printer's word, held in its buffer, in doubt, or back in the queue. */
  status: Extract<JobStatus, 'printed' | 'in_printer' | 'uncertain' | 'queued'>;
  bytesWritten: number;
  error?: string | null;
}

/**
 * Records an attempt and moves the job, if the lease still holds. Returns the job's new status,
 * or 'lease_lost' when the fence refused the write: the attempt is still recorded, as what it was.
 */
export async function finishJob(db: Queryable, lease: Lease, result: AttemptResult, retryAfterSeconds: number, leaseSeconds: number): Promise<JobStatus | 'lease_lost'> {
  const moved = await db.query<{ moved: boolean }>(
    `WITH job AS (
       UPDATE print_jobs SET status = $4,
              lease_owner = CASE WHEN $4 = 'in_printer' THEN lease_owner END,
              lease_until = CASE WHEN $4 = 'in_printer' THEN now() + make_interval(secs => $9) END,
              last_error = $6,
              sent_at = CASE WHEN $4 IN ('in_printer','printed') THEN COALESCE(sent_at, now()) ELSE sent_at END,
              printed_at = CASE WHEN $4 = 'printed' THEN now() END,
              next_attempt_at = now() + make_interval(secs => $8)
        WHERE ${FENCE}
        RETURNING id),
     attempt AS (
       INSERT INTO print_attempts (job_id, worker, outcome, bytes_written, error)
       SELECT $1, $2, CASE WHEN EXISTS (SELECT 1 FROM job) THEN $5 ELSE 'lease_lost' END, $7,
              CASE WHEN EXISTS (SELECT 1 FROM job) THEN $6 ELSE concat_ws(': ', 'the lease ran out before this attempt was recorded as ' || $5, $6) END)
     SELECT EXISTS (SELECT 1 FROM job) AS moved`,
    [lease.id, lease.owner, lease.attempt, result.status, result.outcome, result.error ?? null, result.bytesWritten, retryAfterSeconds, leaseSeconds],
    { prepareAs: 'lotline_finish_job' },
  );
  return moved.rows[0]?.moved ? result.status : 'lease_lost';
}

/**
 * A job still printing or in the printer after its lease ran out belongs to a worker that
 * stopped: it may have printed, so it becomes uncertain rather than going back into the queue,
 * and loses its owner so the stalled worker can never finish it.
 */
export async function recoverExpiredLeases(db: Queryable): Promise<number> {
  const recovered = await db.query<{ n: number }>(
    `WITH old AS (SELECT id, status, lease_owner FROM print_jobs WHERE status IN ('printing','in_printer') AND lease_until < now() FOR UPDATE SKIP LOCKED),
     expired AS (
       UPDATE print_jobs j SET status = 'uncertain', lease_owner = NULL, lease_until = NULL,
              last_error = CASE WHEN old.status = 'in_printer' THEN 'the spool stopped while the printer held this label' ELSE 'the spool stopped while this job was being sent' END
         FROM old WHERE j.id = old.id
        RETURNING j.id, old.lease_owner, old.status AS was),
     attempts AS (
       INSERT INTO print_attempts (job_id, worker, outcome, error)
       SELECT id, COALESCE(lease_owner, '?'), 'uncertain', 'lease expired while ' || was FROM expired RETURNING job_id)
     SELECT count(*)::int AS n FROM attempts`,
  );
  return recovered.rows[0]?.n ?? 0;
}
