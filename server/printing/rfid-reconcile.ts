import type { Queryable } from '../db';
import { AppError } from '../errors';
import { rowReader } from './job-view';

export type VoidReason = 'wrong_tag' | 'no_tag' | 'bad_answer' | 'destroyed';

/**
 * One RFID label that came out of the printer (or may have): what its tag read back as.
 * `uncertain`: the read-back never came and nobody has read the tag yet, so `readBack` is null
 * and `detail` says why; a label settled by a person carries who and why in `detail`.
 */
export interface TagRecord {
  jobId: string;
  serial: string;
  epc: string;
  readBack: string | null;
  outcome: 'encoded' | 'voided' | 'uncertain';
  reason: VoidReason | null;
  detail: string | null;
  at: string;
}

/**
 * The count of a print run's (or one job's) RFID labels. `printed` is what the spool's attempts
 * say came out, with the labels whose read-back never came; `encoded` and `voided` what the tags
 * said, and `uncertain` the labels still in doubt. They balance when every label is one of the
 * three; `pending` have not come out yet.
 */
export interface TagReconciliation {
  scope: 'run' | 'job';
  id: string;
  printed: number;
  encoded: number;
  voided: number;
  uncertain: number;
  balanced: boolean;
  pending: number;
  tags: TagRecord[];
}

export async function reconcileTags(db: Queryable, scope: 'run' | 'job', id: string): Promise<TagReconciliation> {
  const jobs = await db.query<{ id: string; status: string }>(`SELECT id, status FROM print_jobs WHERE ${scope === 'run' ? 'run_id' : 'id'} = $1 AND rfid_epc IS NOT NULL`, [id]);
  if (jobs.rows.length === 0) throw new AppError(404, 'not_found', scope === 'run' ? 'No RFID labels were printed in that print run.' : 'That print job is not an RFID label.');
  const ids = jobs.rows.map((j) => j.id);
  const counted = await db.query<{ attempts: number; doubted: number }>(
    `SELECT (SELECT count(*)::int FROM print_attempts WHERE job_id = ANY($1::uuid[]) AND outcome IN ('printed','tag_voided')) AS attempts,
            (SELECT count(*)::int FROM rfid_uncertain_labels WHERE job_id = ANY($1::uuid[])) AS doubted`,
    [ids],
  );
  // A label in doubt stays listed as such until its settlement, which is then the tag's record.
  const tags = await db.query<Record<string, unknown>>(
    `SELECT job_id, serial, epc, read_back, outcome, reason, detail, at, 0 AS rank, id FROM rfid_encodings WHERE job_id = ANY($1::uuid[])
     UNION ALL
     SELECT u.job_id, u.serial, u.epc, NULL, 'uncertain', NULL, u.why, u.at, 1, 0 FROM rfid_uncertain_labels u
      WHERE u.job_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM rfid_resolutions r WHERE r.item_id = u.item_id AND r.serial = u.serial)
     ORDER BY at, rank, id`,
    [ids],
  );
  const records = tags.rows.map((r): TagRecord => {
    const read = rowReader(r);
    return {
      jobId: r.job_id as string,
      serial: r.serial as string,
      epc: r.epc as string,
      readBack: read.text('read_back'),
      outcome: r.outcome as TagRecord['outcome'],
      reason: read.text('reason') as VoidReason | null,
      detail: read.text('detail'),
      at: read.time('at')!,
    };
  });
  const count = (outcome: TagRecord['outcome']) => records.filter((t) => t.outcome === outcome).length;
  const printed = counted.rows[0]!.attempts + counted.rows[0]!.doubted;
  const [encoded, voided, uncertain] = [count('encoded'), count('voided'), count('uncertain')];
  return {
    scope,
    id,
    printed,
    encoded,
    voided,
    uncertain,
    balanced: printed === encoded + voided + uncertain,
    pending: jobs.rows.filter((j) => ['queued', 'printing', 'in_printer'].includes(j.status)).length,
    tags: records,
  };
}

/** A print run with RFID labels, as the console lists them to reconcile. */
export interface RfidRun {
  runId: string;
  lotNumber: string | null;
  template: string;
  printer: string;
  requestedAt: string;
  labels: number;
  reconciliation: Omit<TagReconciliation, 'tags' | 'scope' | 'id'>;
}

/** The latest print runs with RFID labels, newest first, each with its count. */
export async function listRfidRuns(db: Queryable, limit: number): Promise<RfidRun[]> {
  const runs = await db.query<Record<string, unknown>>(
    `SELECT j.run_id, min(l.lot_number) AS lot_number, min(t.name) AS template, min(p.name) AS printer, min(j.created_at) AS requested_at, count(*)::int AS labels
       FROM print_jobs j JOIN label_templates t ON t.id = j.template_id JOIN printers p ON p.id = j.printer_id LEFT JOIN lots l ON l.id = j.lot_id
      WHERE j.rfid_epc IS NOT NULL AND j.run_id IS NOT NULL
      GROUP BY j.run_id ORDER BY min(j.created_at) DESC, j.run_id LIMIT $1`,
    [limit],
  );
  return Promise.all(
    runs.rows.map(async (r): Promise<RfidRun> => {
      const read = rowReader(r);
      const { tags: _tags, scope: _scope, id: _id, ...reconciliation } = await reconcileTags(db, 'run', r.run_id as string);
      return { runId: r.run_id as string, lotNumber: read.text('lot_number'), template: r.template as string, printer: r.printer as string, requestedAt: read.time('requested_at')!, labels: r.labels as number, reconciliation };
    }),
  );
}
