import { compileTemplate, type LabelMaker } from '../../domain/labels';
import { appendAudit, type Actor } from '../audit';
import { plantToday } from '../clock';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { allocateSerials } from '../numbering';
import { getPrinter } from './printers';
import { approvedTemplate, type StoredTemplate } from './templates';

export const PRINT_CHANNEL = 'lotline_print';

export type JobStatus = 'queued' | 'printing' | 'printed' | 'uncertain' | 'cancelled';

// One compiled maker per approved template version: a 10,000-label run checks the template once.
const makers = new Map<string, LabelMaker>();
function makerFor(template: StoredTemplate): LabelMaker {
  let maker = makers.get(template.contentHash);
  if (!maker) {
    maker = compileTemplate(template.definition);
    makers.set(template.contentHash, maker);
  }
  return maker;
}

/** ^PQ asks the printer for copies of one format; a serialized label is always one copy. */
export function withCopies(zpl: string, copies: number): string {
  if (copies <= 1 || /\^PQ\d/.test(zpl)) return zpl;
  const end = zpl.lastIndexOf('^XZ');
  return end === -1 ? zpl : `${zpl.slice(0, end)}^PQ${copies}${zpl.slice(end)}`;
}

export interface PrintRequest {
  lotId: string;
  templateName: string;
  printer: string;
  quantity: number;
  opId?: string | null;
}

export interface EnqueuedPrint {
  jobIds: string[];
  serials: string[];
  printerId: string;
  templateVersion: number;
}

interface LotLabelRow {
  lot_id: string;
  item_id: string;
  gtin: string;
  lot_number: string;
  expires_on: string | null;
  manufactured_on: string | null;
  name: string;
  name_zh: string | null;
  serialized: boolean;
}

/**
 * Turns a print request into jobs in the caller's transaction: the approved template version,
 * the lot's own data, serials from the item's number rule when the item is serialized (one job
 * per serial, so a lost connection leaves one label in doubt, not a batch), and the ZPL made
 * and checked now, so data GS1 forbids never reaches a printer.
 */
export async function enqueuePrint(tx: Queryable, actor: Actor, request: PrintRequest): Promise<EnqueuedPrint> {
  if (!Number.isInteger(request.quantity) || request.quantity < 1 || request.quantity > 10_000) throw new AppError(400, 'invalid_request', 'quantity: must be 1 to 10,000 labels');
  const template = await approvedTemplate(tx, request.templateName);
  const printer = await getPrinter(tx, request.printer);
  if (!printer.active) throw new AppError(422, 'printer_inactive', `Printer ${printer.name} is switched off in the registry.`);
  const found = await tx.query<LotLabelRow>(
    `SELECT l.id AS lot_id, i.id AS item_id, i.gtin, l.lot_number, to_char(l.expires_on, 'YYYY-MM-DD') AS expires_on,
            to_char(l.manufactured_on, 'YYYY-MM-DD') AS manufactured_on, i.name, i.name_zh, i.serialized
       FROM lots l JOIN items i ON i.id = l.item_id WHERE l.id = $1`,
    [request.lotId],
  );
  const lot = found.rows[0];
  if (!lot) throw new AppError(404, 'not_found', 'That lot was not found.');
  if (!lot.expires_on) throw new AppError(422, 'label_data', `Lot ${lot.lot_number} has no expiry date; its label needs one.`);
  const base = { gtin: lot.gtin, lot: lot.lot_number, expiry: lot.expires_on, ...(lot.manufactured_on ? { mfgDate: lot.manufactured_on } : {}), itemName: lot.name_zh ?? lot.name };
  const maker = makerFor(template);
  // The lot's data is checked before any serial is taken, so a refused label wastes no numbers.
  const trial = maker(lot.serialized ? { ...base, serial: '0' } : base);
  if (!trial.ok) throw new AppError(422, 'label_data', `${trial.error.field}: ${trial.error.message}`, { field: trial.error.field });
  const serials = lot.serialized ? await allocateSerials(tx, lot.item_id, lot.lot_id, request.quantity, plantToday()) : [];
  const labels = lot.serialized ? serials.map((serial) => ({ data: { ...base, serial }, serial, copies: 1 })) : [{ data: base, serial: null, copies: request.quantity }];
  const rows = labels.map((label) => {
    const made = maker(label.data);
    if (!made.ok) throw new AppError(422, 'label_data', `${made.error.field}: ${made.error.message}`, { field: made.error.field });
    return { data: label.data, serial: label.serial, copies: label.copies, zpl: withCopies(made.zpl, label.copies) };
  });
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO print_jobs (printer_id, template_id, template_hash, lot_id, data, serial, copies, zpl, requested_by, op_id)
     SELECT $1, $2, $3, $4, e.v->'data', e.v->>'serial', (e.v->>'copies')::int, e.v->>'zpl', $5, $6
       FROM jsonb_array_elements($7::jsonb) WITH ORDINALITY AS e(v, n)
      ORDER BY e.n
     RETURNING id`,
    [printer.id, template.id, template.contentHash, lot.lot_id, actor.id, request.opId ?? null, JSON.stringify(rows)],
  );
  await appendAudit(tx, actor, [
    {
      action: 'label.print_requested',
      entityType: 'lot',
      entityId: lot.lot_id,
      after: { printer: printer.name, template: template.name, version: template.version, contentHash: template.contentHash, quantity: request.quantity, serials, jobs: inserted.rows.length },
    },
  ]);
  await tx.query('SELECT pg_notify($1, $2)', [PRINT_CHANNEL, printer.id]);
  return { jobIds: inserted.rows.map((r) => r.id), serials, printerId: printer.id, templateVersion: template.version };
}

export async function printLot(db: Db, actor: Actor, request: PrintRequest): Promise<EnqueuedPrint> {
  return db.transaction((tx) => enqueuePrint(tx, actor, request));
}

export interface LeasedJob {
  id: string;
  zpl: string;
  serial: string | null;
  attempts: number;
}

/**
 * Takes the next job for a printer. SKIP LOCKED lets several workers — in several server
 * instances — pull from one queue without waiting on or taking each other's jobs.
 */
export async function leaseJob(db: Queryable, printerId: string, worker: string, leaseSeconds: number): Promise<LeasedJob | null> {
  const leased = await db.query<LeasedJob>(
    `UPDATE print_jobs SET status = 'printing', lease_owner = $2, lease_until = now() + make_interval(secs => $3), attempts = attempts + 1
      WHERE id = (SELECT id FROM print_jobs WHERE printer_id = $1 AND status = 'queued' AND next_attempt_at <= now()
                   ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, zpl, serial, attempts`,
    [printerId, worker, leaseSeconds],
    { prepareAs: 'lotline_lease_job' },
  );
  return leased.rows[0] ?? null;
}

export type AttemptOutcome = 'sent' | 'refused' | 'unreachable' | 'connect_timeout' | 'uncertain' | 'not_ready';

/**
 * Records an attempt and where it leaves the job: printed when every byte went and the printer
 * closed cleanly; back in the queue after a backoff when nothing reached the printer; uncertain
 * when the connection broke mid-send — a person decides, serials are never sent twice silently.
 */
export async function finishJob(db: Queryable, job: { id: string }, worker: string, result: { outcome: AttemptOutcome; bytesWritten: number; error?: string | null }, retryAfterSeconds: number): Promise<JobStatus> {
  const status: JobStatus = result.outcome === 'sent' ? 'printed' : result.outcome === 'uncertain' ? 'uncertain' : 'queued';
  await db.query(
    `WITH attempt AS (INSERT INTO print_attempts (job_id, worker, outcome, bytes_written, error) VALUES ($1, $2, $3, $4, $5))
     UPDATE print_jobs SET status = $6, lease_owner = NULL, lease_until = NULL, last_error = $5,
            printed_at = CASE WHEN $6 = 'printed' THEN now() END,
            next_attempt_at = now() + make_interval(secs => $7)
      WHERE id = $1 AND lease_owner = $2`,
    [job.id, worker, result.outcome, result.bytesWritten, result.error ?? null, status, retryAfterSeconds],
    { prepareAs: 'lotline_finish_job' },
  );
  return status;
}

/**
 * A job still `printing` after its lease ran out belongs to a worker that stopped mid-send: it
 * may have printed, so it becomes uncertain rather than going back into the queue.
 */
export async function recoverExpiredLeases(db: Db): Promise<number> {
  const expired = await db.query<{ id: string; lease_owner: string }>(
    `UPDATE print_jobs SET status = 'uncertain', last_error = 'the spool stopped while this job was being sent', lease_until = NULL
      WHERE status = 'printing' AND lease_until < now() RETURNING id, lease_owner`,
  );
  if (expired.rows.length > 0) {
    await db.query(
      `INSERT INTO print_attempts (job_id, worker, outcome, error) SELECT id, COALESCE(lease_owner, '?'), 'uncertain', 'lease expired' FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, lease_owner text)`,
      [JSON.stringify(expired.rows)],
    );
  }
  return expired.rows.length;
}

export interface PrintJob {
  id: string;
  printer: string;
  template: string;
  templateVersion: number;
  lotNumber: string | null;
  serial: string | null;
  copies: number;
  status: JobStatus;
  attempts: number;
  lastError: string | null;
  reprintOf: string | null;
  reprintReason: string | null;
  requestedBy: string | null;
  createdAt: string;
  printedAt: string | null;
  resolution: string | null;
}

const JOB_SELECT = `SELECT j.id, p.name AS printer, t.name AS template, t.version AS template_version, l.lot_number, j.serial, j.copies, j.status, j.attempts,
       j.last_error, j.reprint_of, j.reprint_reason, u.username AS requested_by, j.created_at, j.printed_at, j.resolution
  FROM print_jobs j JOIN printers p ON p.id = j.printer_id JOIN label_templates t ON t.id = j.template_id
  LEFT JOIN lots l ON l.id = j.lot_id LEFT JOIN users u ON u.id = j.requested_by`;

function toJob(r: Record<string, unknown>): PrintJob {
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    id: r.id as string,
    printer: r.printer as string,
    template: r.template as string,
    templateVersion: r.template_version as number,
    lotNumber: (r.lot_number as string | null) ?? null,
    serial: (r.serial as string | null) ?? null,
    copies: r.copies as number,
    status: r.status as JobStatus,
    attempts: r.attempts as number,
    lastError: (r.last_error as string | null) ?? null,
    reprintOf: (r.reprint_of as string | null) ?? null,
    reprintReason: (r.reprint_reason as string | null) ?? null,
    requestedBy: (r.requested_by as string | null) ?? null,
    createdAt: iso(r.created_at)!,
    printedAt: iso(r.printed_at),
    resolution: (r.resolution as string | null) ?? null,
  };
}

export async function listJobs(db: Queryable, filter: { status?: JobStatus | undefined; lotId?: string | undefined; limit: number }): Promise<PrintJob[]> {
  const rows = await db.query<Record<string, unknown>>(
    `${JOB_SELECT} WHERE ($1::text IS NULL OR j.status = $1) AND ($2::uuid IS NULL OR j.lot_id = $2) ORDER BY j.created_at DESC, j.id LIMIT $3`,
    [filter.status ?? null, filter.lotId ?? null, filter.limit],
  );
  return rows.rows.map(toJob);
}

async function copyAsReprint(tx: Queryable, actor: Actor, jobId: string, reason: string, printerId: string | null): Promise<string> {
  const made = await tx.query<{ id: string }>(
    `INSERT INTO print_jobs (printer_id, template_id, template_hash, lot_id, data, serial, copies, zpl, requested_by, reprint_of, reprint_reason)
     SELECT COALESCE($4::uuid, printer_id), template_id, template_hash, lot_id, data, serial, copies, zpl, $2, id, $3 FROM print_jobs WHERE id = $1
     RETURNING id`,
    [jobId, actor.id, reason, printerId],
  );
  await tx.query('SELECT pg_notify($1, $2)', [PRINT_CHANNEL, 'reprint']);
  return made.rows[0]!.id;
}

/**
 * A person settles a job in doubt: it printed (look at the printer), print it again (the same
 * serial: the first may never have come out), or drop it. Each is audited with the reason.
 */
export async function resolveUncertain(db: Db, actor: Actor, jobId: string, input: { action: 'printed' | 'reprint' | 'cancel'; reason: string }): Promise<{ job: PrintJob; reprintJobId: string | null }> {
  return db.transaction(async (tx) => {
    const found = await tx.query<{ status: JobStatus; lot_id: string | null; serial: string | null }>('SELECT status, lot_id, serial FROM print_jobs WHERE id = $1 FOR UPDATE', [jobId]);
    const row = found.rows[0];
    if (!row) throw new AppError(404, 'not_found', 'That print job was not found.');
    if (row.status !== 'uncertain') throw new AppError(409, 'conflict', `The job is ${row.status}, not uncertain.`);
    const resolution = { printed: 'confirmed_printed', reprint: 'reprinted', cancel: 'cancelled' }[input.action];
    const status: JobStatus = input.action === 'printed' ? 'printed' : 'cancelled';
    await tx.query(
      `UPDATE print_jobs SET status = $2, resolution = $3, resolved_by = $4, resolved_at = now(), resolution_reason = $5,
              printed_at = CASE WHEN $2 = 'printed' THEN now() END WHERE id = $1`,
      [jobId, status, resolution, actor.id, input.reason],
    );
    const reprintJobId = input.action === 'reprint' ? await copyAsReprint(tx, actor, jobId, input.reason, null) : null;
    await appendAudit(tx, actor, [{ action: `label.uncertain_${resolution}`, entityType: 'lot', entityId: row.lot_id, after: { job: jobId, serial: row.serial, reprintJobId }, reason: input.reason }]);
    return { job: toJob((await tx.query<Record<string, unknown>>(`${JOB_SELECT} WHERE j.id = $1`, [jobId])).rows[0]!), reprintJobId };
  });
}

/** An explicit reprint of a printed label: a new job marked as a reprint of the first, with its reason, audited. */
export async function reprintJob(db: Db, actor: Actor, jobId: string, input: { reason: string; printer?: string | undefined }): Promise<string> {
  return db.transaction(async (tx) => {
    const found = await tx.query<{ status: JobStatus; lot_id: string | null; serial: string | null }>('SELECT status, lot_id, serial FROM print_jobs WHERE id = $1', [jobId]);
    const row = found.rows[0];
    if (!row) throw new AppError(404, 'not_found', 'That print job was not found.');
    if (row.status !== 'printed') throw new AppError(409, 'conflict', `Only a printed label can be reprinted; this job is ${row.status}.`);
    const printerId = input.printer ? (await getPrinter(tx, input.printer)).id : null;
    const id = await copyAsReprint(tx, actor, jobId, input.reason, printerId);
    await appendAudit(tx, actor, [{ action: 'label.reprinted', entityType: 'lot', entityId: row.lot_id, after: { job: jobId, reprintJobId: id, serial: row.serial }, reason: input.reason }]);
    return id;
  });
}
