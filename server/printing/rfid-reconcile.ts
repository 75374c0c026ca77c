import type { Queryable } from '../db';
import { AppError } from '../errors';
import { rowReader } from './job-view';

/** One RFID label that came out of the printer, and what its tag read back as. */
export interface TagRecord {
  jobId: string;
  serial: string;
  epc: string;
  readBack: string;
  outcome: 'encoded' | 'voided';
  reason: 'wrong_tag' | 'no_tag' | 'bad_answer' | null;
  detail: string | null;
  at: string;
}

/**
 * The count of a print run's (or one job's) RFID labels: `printed` is what the spool's attempts
 * say came out, `encoded` and `voided` what the tags said. They balance when every label that
 * came out was read back; labels whose read-back never came are `inDoubt` (jobs a person
 * settles), and `pending` have not come out yet.
 */
export interface TagReconciliation {
  scope: 'run' | 'job';
  id: string;
  printed: number;
  encoded: number;
  voided: number;
  balanced: boolean;
  inDoubt: number;
  pending: number;
  tags: TagRecord[];
}

export async function reconcileTags(db: Queryable, scope: 'run' | 'job', id: string): Promise<TagReconciliation> {
  const jobs = await db.query<{ id: string; status: string }>(`SELECT id, status FROM print_jobs WHERE ${scope === 'run' ? 'run_id' : 'id'} = $1 AND rfid_epc IS NOT NULL`, [id]);
  if (jobs.rows.length === 0) throw new AppError(404, 'not_found', scope === 'run' ? 'No RFID labels were printed in that print run.' : 'That print job is not an RFID label.');
  const ids = jobs.rows.map((j) => j.id);
  const printed = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM print_attempts WHERE job_id = ANY($1::uuid[]) AND outcome IN ('printed','tag_voided')`, [ids]);
  const tags = await db.query<Record<string, unknown>>(
    `SELECT job_id, serial, epc, read_back, outcome, reason, detail, at FROM rfid_encodings WHERE job_id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  const records = tags.rows.map((r): TagRecord => {
    const read = rowReader(r);
    return {
      jobId: r.job_id as string,
      serial: r.serial as string,
      epc: r.epc as string,
      readBack: r.read_back as string,
      outcome: r.outcome as TagRecord['outcome'],
      reason: read.text('reason') as TagRecord['reason'],
      detail: read.text('detail'),
      at: read.time('at')!,
    };
  });
  const encoded = records.filter((t) => t.outcome === 'encoded').length;
  const voided = records.length - encoded;
  const count = (statuses: string[]) => jobs.rows.filter((j) => statuses.includes(j.status)).length;
  return {
    scope,
    id,
    printed: printed.rows[0]!.n,
    encoded,
    voided,
    balanced: printed.rows[0]!.n === encoded + voided,
    inDoubt: count(['uncertain']),
    pending: count(['queued', 'printing', 'in_printer']),
    tags: records,
  };
}
