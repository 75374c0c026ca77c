import { randomUUID } from 'node:crypto';
import { appendAudit, type Actor } from '../audit';
import { plantToday } from '../clock';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { allocateSerials } from '../numbering';
import { getPrinter } from './printers';
import { JOB_SELECT, toJob, type PrintJob } from './job-view';
import { PRINT_CHANNEL, type JobStatus } from './job-status';
import { makerFor } from './label-maker';
import { textForPrinter } from './text-graphics';
import { approvedTemplate } from './templates';
import { checkPrintAgainstUdi, checkReprintAgainstUdi } from './udi-check';

/*
 * The console-facing job service: print requests become jobs, and people settle jobs in doubt
 * and reprint labels. The worker-facing queue (leases and the states a worker writes) is
 * queue.ts; what a job looks like to the console is job-view.ts.
 */

/** ^PQ asks the printer for copies of one format; a serialized label is always one copy. Templates carry no ^PQ of their own (template-policy.ts). */
export function withCopies(zpl: string, copies: number): string {
  if (copies <= 1) return zpl;
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
  /** The print run: the jobs of this request, reconciled together. */
  runId: string;
  jobIds: string[];
  serials: string[];
  printerId: string;
  templateVersion: number;
  /** Printed, but worth a look: an item with no UDI device record to check the label against. */
  warnings: string[];
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
  status: string;
  recall_case: string | null;
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
            to_char(l.manufactured_on, 'YYYY-MM-DD') AS manufactured_on, i.name, i.name_zh, i.serialized, l.status,
            (SELECT c.number FROM recall_holds h JOIN recall_cases c ON c.id = h.case_id WHERE h.lot_id = l.id) AS recall_case
       FROM lots l JOIN items i ON i.id = l.item_id WHERE l.id = $1`,
    [request.lotId],
  );
  const lot = found.rows[0];
  if (!lot) throw new AppError(404, 'not_found', 'That lot was not found.');
  // A new label would put recalled goods back into circulation; reprints of labels already made stay possible.
  if (lot.status === 'recalled' || lot.recall_case) {
    const by = lot.recall_case ? ` by recall ${lot.recall_case}` : '';
    throw new AppError(422, 'lot_recalled', `Lot ${lot.lot_number} is recalled${by}: no new labels are printed for it.`, { lotNumber: lot.lot_number, ...(lot.recall_case ? { recallCase: lot.recall_case } : {}) });
  }
  if (!lot.expires_on) throw new AppError(422, 'label_data', `Lot ${lot.lot_number} has no expiry date; its label needs one.`);
  const base = { gtin: lot.gtin, lot: lot.lot_number, expiry: lot.expires_on, ...(lot.manufactured_on ? { mfgDate: lot.manufactured_on } : {}), itemName: lot.name_zh ?? lot.name };
  // Before any serial is taken: a label that contradicts the device's UDI record never prints.
  const udi = await checkPrintAgainstUdi(tx, lot.item_id, template.definition, { mfgDate: base.mfgDate, serial: lot.serialized ? 'allocated' : undefined });
  const maker = makerFor(template);
  // The lot's data is checked before any serial is taken, so a refused label wastes no numbers.
  const trial = maker(lot.serialized ? { ...base, serial: '0' } : base);
  if (!trial.ok) throw new AppError(422, 'label_data', `${trial.error.field}: ${trial.error.message}`, { field: trial.error.field });
  const serials = lot.serialized ? await allocateSerials(tx, lot.item_id, lot.lot_id, request.quantity, plantToday()) : [];
  const labels = lot.serialized ? serials.map((serial) => ({ data: { ...base, serial }, serial, copies: 1 })) : [{ data: base, serial: null, copies: request.quantity }];
  const rows = labels.map((label) => {
    const made = maker(label.data);
    if (!made.ok) throw new AppError(422, 'label_data', `${made.error.field}: ${made.error.message}`, { field: made.error.field });
    return { data: label.data, serial: label.serial, copies: label.copies, zpl: withCopies(textForPrinter(made.zpl, printer), label.copies), epc: made.epc ?? null };
  });
  const runId = randomUUID();
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO print_jobs (printer_id, template_id, template_hash, lot_id, data, serial, copies, zpl, requested_by, op_id, rfid_epc, run_id)
     SELECT $1, $2, $3, $4, e.v->'data', e.v->>'serial', (e.v->>'copies')::int, e.v->>'zpl', $5, $6, e.v->>'epc', $8
       FROM jsonb_array_elements($7::jsonb) WITH ORDINALITY AS e(v, n)
      ORDER BY e.n
     RETURNING id`,
    [printer.id, template.id, template.contentHash, lot.lot_id, actor.id, request.opId ?? null, JSON.stringify(rows), runId],
  );
  await appendAudit(tx, actor, [
    {
      action: 'label.print_requested',
      entityType: 'lot',
      entityId: lot.lot_id,
      after: { printer: printer.name, template: template.name, version: template.version, contentHash: template.contentHash, quantity: request.quantity, serials, jobs: inserted.rows.length, ...(udi.warning ? { udiWarning: udi.warning } : {}) },
    },
  ]);
  await tx.query('SELECT pg_notify($1, $2)', [PRINT_CHANNEL, printer.id]);
  return { runId, jobIds: inserted.rows.map((r) => r.id), serials, printerId: printer.id, templateVersion: template.version, warnings: udi.warning ? [udi.warning] : [] };
}

export async function printLot(db: Db, actor: Actor, request: PrintRequest): Promise<EnqueuedPrint> {
  return db.transaction((tx) => enqueuePrint(tx, actor, request));
}

/**
 * A reprint sends the same serial again. An RFID label's serial belongs to the one tag that read
 * it back, so a second tag with it is never made: such a label is printed anew, with a new serial.
 */
async function refuseRfidReprint(tx: Queryable, jobId: string): Promise<void> {
  const found = await tx.query<{ rfid_epc: string | null }>('SELECT rfid_epc FROM print_jobs WHERE id = $1', [jobId]);
  if (found.rows[0]?.rfid_epc) {
    throw new AppError(422, 'rfid_no_reprint', 'An RFID label is not reprinted: its serial belongs to one tag. Print a new label, which gets a new serial.', { field: 'id' });
  }
}

async function copyAsReprint(tx: Queryable, actor: Actor, jobId: string, reason: string, printerId: string | null): Promise<string> {
  await refuseRfidReprint(tx, jobId);
  await checkReprintAgainstUdi(tx, jobId);
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
    const found = await tx.query<{ status: JobStatus; lot_id: string | null; serial: string | null; rfid_epc: string | null }>('SELECT status, lot_id, serial, rfid_epc FROM print_jobs WHERE id = $1 FOR UPDATE', [jobId]);
    const row = found.rows[0];
    if (!row) throw new AppError(404, 'not_found', 'That print job was not found.');
    if (row.status !== 'uncertain') throw new AppError(409, 'conflict', `The job is ${row.status}, not uncertain.`);
    // Only its tag can say whether an RFID label's serial is bound (rfid-resolve.ts): "it printed" cannot.
    if (row.rfid_epc) throw new AppError(422, 'rfid_settle_by_tag', 'An RFID label in doubt is settled by reading its tag, or by declaring it destroyed: POST /api/print-jobs/{id}/rfid/resolve.', { field: 'action' });
    const resolution = { printed: 'confirmed_printed', reprint: 'reprinted', cancel: 'cancelled' }[input.action];
    const status: JobStatus = input.action === 'printed' ? 'printed' : 'cancelled';
    await tx.query(
      `UPDATE print_jobs SET status = $2, lease_owner = NULL, lease_until = NULL, resolution = $3, resolved_by = $4, resolved_at = now(), resolution_reason = $5,
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
