import type { Queryable } from '../db';
import type { JobStatus } from './job-status';

/** A print job as the console shows it. */
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
  sentAt: string | null;
  printedAt: string | null;
  resolution: string | null;
}

// A logistic label is drawn from its SSCC, not a template: it shows as the built-in GS1 logistic label, version 0.
export const JOB_SELECT = `SELECT j.id, p.name AS printer, COALESCE(t.name, 'gs1-logistic') AS template, COALESCE(t.version, 0) AS template_version, l.lot_number,
       COALESCE(j.serial, j.sscc) AS serial, j.copies, j.status, j.attempts,
       j.last_error, j.reprint_of, j.reprint_reason, u.username AS requested_by, j.created_at, j.sent_at, j.printed_at, j.resolution
  FROM print_jobs j JOIN printers p ON p.id = j.printer_id LEFT JOIN label_templates t ON t.id = j.template_id
  LEFT JOIN lots l ON l.id = j.lot_id LEFT JOIN users u ON u.id = j.requested_by`;

/** Reads a row's columns as the DTO's types: absent values are null, timestamps ISO strings. */
export const rowReader = (r: Record<string, unknown>) => ({
  text: (key: string) => (r[key] as string | null | undefined) ?? null,
  time: (key: string) => (r[key] ? new Date(r[key] as string | Date).toISOString() : null),
});

export function toJob(r: Record<string, unknown>): PrintJob {
  const read = rowReader(r);
  return {
    id: r.id as string,
    printer: r.printer as string,
    template: r.template as string,
    templateVersion: r.template_version as number,
    lotNumber: read.text('lot_number'),
    serial: read.text('serial'),
    copies: r.copies as number,
    status: r.status as JobStatus,
    attempts: r.attempts as number,
    lastError: read.text('last_error'),
    reprintOf: read.text('reprint_of'),
    reprintReason: read.text('reprint_reason'),
    requestedBy: read.text('requested_by'),
    createdAt: read.time('created_at')!,
    sentAt: read.time('sent_at'),
    printedAt: read.time('printed_at'),
    resolution: read.text('resolution'),
  };
}

export async function listJobs(db: Queryable, filter: { status?: JobStatus | undefined; lotId?: string | undefined; limit: number }): Promise<PrintJob[]> {
  const rows = await db.query<Record<string, unknown>>(
    `${JOB_SELECT} WHERE ($1::text IS NULL OR j.status = $1) AND ($2::uuid IS NULL OR j.lot_id = $2) ORDER BY j.created_at DESC, j.id LIMIT $3`,
    [filter.status ?? null, filter.lotId ?? null, filter.limit],
  );
  return rows.rows.map(toJob);
}

const NEUTRAL_ERROR: Partial<Record<JobStatus, string>> = {
  queued: 'waiting for the printer',
  in_printer: 'held by the printer until it prints',
  uncertain: 'the printer did not confirm this label',
};

/** A job without the printer's address or socket errors in its last error (see withoutNetworkDetail). */
export function jobWithoutNetworkDetail(job: PrintJob): PrintJob {
  return { ...job, lastError: job.lastError ? (NEUTRAL_ERROR[job.status] ?? null) : null };
}
