import { checkCaptureDocument, contextNamespaces, eventHashId, facetsOf, type CaptureProblem } from '../../domain/epcis';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { markKeyUsed, type IntegrationCaller } from '../integration';
import { sha256Hex } from './export';

export type CaptureErrorBehaviour = 'rollback' | 'proceed';

/** A capture job as EPCIS 2.0's REST binding shows it, with Lotline's counts beside. */
export interface CaptureJob {
  captureID: string;
  createdAt: string;
  finishedAt: string | null;
  running: boolean;
  success: boolean;
  captureErrorBehaviour: CaptureErrorBehaviour;
  eventsReceived: number;
  eventsCaptured: number;
  eventsDuplicate: number;
  errors: CaptureProblem[];
}

interface JobRow {
  id: string;
  created_at: Date;
  finished_at: Date | null;
  running: boolean;
  success: boolean | null;
  error_behaviour: CaptureErrorBehaviour;
  events_received: number;
  events_captured: number;
  events_duplicate: number;
  errors: CaptureProblem[] | string;
}

const JOB_COLUMNS = 'id, created_at, finished_at, running, success, error_behaviour, events_received, events_captured, events_duplicate, errors';

function toJob(r: JobRow): CaptureJob {
  return {
    captureID: r.id,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    running: r.running,
    success: r.success ?? true,
    captureErrorBehaviour: r.error_behaviour,
    eventsReceived: r.events_received,
    eventsCaptured: r.events_captured,
    eventsDuplicate: r.events_duplicate,
    errors: typeof r.errors === 'string' ? (JSON.parse(r.errors) as CaptureProblem[]) : r.errors,
  };
}

/** The GS1-Capture-Error-Behaviour header: rollback (the standard's default) or proceed. */
export function captureBehaviourOf(header: string | undefined): CaptureErrorBehaviour {
  const value = header?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'rollback') return 'rollback';
  if (value === 'proceed') return 'proceed';
  throw new AppError(400, 'invalid_request', 'GS1-Capture-Error-Behaviour must be rollback or proceed.', { field: 'GS1-Capture-Error-Behaviour' });
}

/**
 * Captures a partner's EPCISDocument. A document that is not one (no @context, no event list)
 * is refused whole (400, nothing recorded). Otherwise a job records the outcome: with rollback,
 * one bad event keeps every event out; with proceed, the good ones are stored and the bad ones
 * listed. An event already stored (same CBV event hash, whatever its key order or id) is counted
 * as a duplicate, not stored twice. Events and job land in one transaction.
 */
export async function captureDocument(db: Db, caller: IntegrationCaller, body: unknown, behaviour: CaptureErrorBehaviour): Promise<CaptureJob> {
  const checked = checkCaptureDocument(body);
  if (checked.documentProblems.length > 0) {
    const first = checked.documentProblems[0]!;
    throw new AppError(400, 'epcis_document_invalid', `${first.field}: ${first.message}`, { problems: checked.documentProblems });
  }
  const namespaces = contextNamespaces(checked.context);
  const errors = checked.events.flatMap((e) => (e.ok ? [] : e.problems));
  const storing = errors.length > 0 && behaviour === 'rollback' ? [] : checked.events.flatMap((e) => (e.ok ? [e] : []));
  return db.transaction(async (tx) => {
    const job = (
      await tx.query<{ id: string }>(`INSERT INTO epcis_capture_jobs (api_key_id, integration, error_behaviour, events_received) VALUES ($1, $2, $3, $4) RETURNING id`, [
        caller.keyId,
        caller.integration,
        behaviour,
        checked.events.length,
      ])
    ).rows[0]!;
    const rows = storing.map(({ event }) => {
      const hash = eventHashId(event, namespaces, sha256Hex);
      const stored = { ...event, eventID: event.eventID ?? hash };
      const f = facetsOf(stored);
      return { hash, id: stored.eventID, type: event.type, time: new Date(f.eventTime).toISOString(), bizStep: f.bizStep, disposition: f.disposition, epcs: f.epcs, classes: f.epcClasses, glns: f.destinationGlns, event: stored };
    });
    const captured = rows.length === 0 ? 0 : await insertEvents(tx, job.id, rows, checked.context);
    const done = await tx.query<JobRow>(
      `UPDATE epcis_capture_jobs SET running = false, success = $2, events_captured = $3, events_duplicate = $4, errors = $5::jsonb, finished_at = now() WHERE id = $1 RETURNING ${JOB_COLUMNS}`,
      [job.id, errors.length === 0, captured, rows.length - captured, JSON.stringify(errors)],
    );
    await markKeyUsed(tx, caller.keyId);
    return toJob(done.rows[0]!);
  });
}

interface EventRow {
  hash: string;
  id: string;
  type: string;
  time: string;
  bizStep: string | null;
  disposition: string | null;
  epcs: string[];
  classes: string[];
  glns: string[];
  event: Record<string, unknown>;
}

/** One statement for the whole document; the hash key absorbs events stored before (or twice in it). */
async function insertEvents(tx: Queryable, jobId: string, rows: readonly EventRow[], context: unknown): Promise<number> {
  const inserted = await tx.query(
    `INSERT INTO epcis_captured_events (event_hash, event_id, job_id, event_type, event_time, biz_step, disposition, epcs, epc_classes, destination_glns, event, context)
     SELECT r.hash, r.id, $2::uuid, r.type, r.time::timestamptz, r."bizStep", r.disposition,
            ARRAY(SELECT jsonb_array_elements_text(r.epcs)), ARRAY(SELECT jsonb_array_elements_text(r.classes)), ARRAY(SELECT jsonb_array_elements_text(r.glns)), r.event, $3::jsonb
       FROM jsonb_to_recordset($1::jsonb) AS r(hash text, id text, type text, time text, "bizStep" text, disposition text, epcs jsonb, classes jsonb, glns jsonb, event jsonb)
     ON CONFLICT (event_hash) DO NOTHING`,
    [JSON.stringify(rows), jobId, JSON.stringify(context ?? null)],
  );
  return inserted.rowCount;
}

/** A job, to the integration that sent it only (another's id reads as unknown). */
export async function readCaptureJob(db: Queryable, caller: IntegrationCaller, id: string): Promise<CaptureJob> {
  const found = await db.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM epcis_capture_jobs WHERE id = $1 AND integration = $2`, [id, caller.integration]);
  const row = found.rows[0];
  if (!row) throw new AppError(404, 'not_found', 'No capture job has that id.');
  return toJob(row);
}
