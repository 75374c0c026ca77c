import { judgeReadBack, readBackAnswer } from '../../domain/labels';
import { findIllFormedText } from '../../domain/text';
import { appendAudit, type Actor } from '../audit';
import type { Db } from '../db';
import { AppError } from '../errors';

/*
 * A person settles an RFID label in doubt: its read-back never came, so its tag may or may not
 * carry the EPC and its serial has been held. Reading the physical tag decides it — the EPC
 * intended binds the serial, anything else voids it — and a label that is gone (torn, lost,
 * thrown away) voids its serial. Nothing binds a serial without a tag that was read.
 */

export type TagResolution = { action: 'tag_read'; epc: string; reason: string } | { action: 'destroyed'; reason: string };

export interface ResolvedTag {
  jobId: string;
  serial: string;
  epc: string;
  epcRead: string | null;
  outcome: 'encoded' | 'voided';
  reason: 'wrong_tag' | 'destroyed' | null;
}

const EPC_HEX = /^[0-9A-F]{24,64}$/;

/** The hex a reader or wedge gives, as tags are stored: upper case, without 0x or spaces around it. */
function epcOf(input: string): string {
  const hex = input.trim().replace(/^0x/i, '').toUpperCase();
  if (!EPC_HEX.test(hex)) throw new AppError(400, 'bad_epc', 'epc: must be the tag’s EPC in hexadecimal, 24 to 64 digits', { field: 'epc' });
  return hex;
}

function reasonOf(input: string): string {
  const reason = input.trim();
  if (reason.length === 0 || reason.length > 500) throw new AppError(400, 'invalid_request', 'reason: say why, in 1 to 500 characters', { field: 'reason' });
  // The audit chain hashes the text it stores: NUL or a lone surrogate would be stored as something else.
  const illFormed = findIllFormedText(reason);
  if (illFormed) throw new AppError(400, 'invalid_text', `reason: holds ${illFormed.problem === 'nul' ? 'a NUL character' : 'a broken character (a lone surrogate)'}`, { field: 'reason', problem: illFormed.problem });
  return reason;
}

interface Held {
  status: string;
  lot_id: string;
  item_id: string;
  serial: string;
  epc: string;
  resolved: boolean;
}

export async function resolveUncertainTag(db: Db, actor: Actor, jobId: string, input: TagResolution): Promise<ResolvedTag> {
  const reason = reasonOf(input.reason);
  const epcRead = input.action === 'tag_read' ? epcOf(input.epc) : null;
  return db.transaction(async (tx) => {
    const job = await tx.query<{ status: string; rfid_epc: string | null }>('SELECT status, rfid_epc FROM print_jobs WHERE id = $1 FOR UPDATE', [jobId]);
    if (!job.rows[0]) throw new AppError(404, 'not_found', 'That print job was not found.');
    if (job.rows[0].rfid_epc === null) throw new AppError(422, 'not_rfid', 'That print job is not an RFID label; settle it as a print job.', { field: 'id' });
    const found = await tx.query<Held>(
      `SELECT j.status, j.lot_id, u.item_id, u.serial, u.epc, EXISTS (SELECT 1 FROM rfid_resolutions r WHERE r.item_id = u.item_id AND r.serial = u.serial) AS resolved
         FROM print_jobs j JOIN rfid_uncertain_labels u ON u.job_id = j.id AND u.serial = j.serial
        WHERE j.id = $1`,
      [jobId],
    );
    const held = found.rows[0];
    if (!held || held.status !== 'uncertain' || held.resolved) {
      throw new AppError(409, 'conflict', `This label is not in doubt (the job is ${job.rows[0].status}${held?.resolved ? ', and its tag was settled already' : ''}).`, { status: job.rows[0].status });
    }
    const verdict = epcRead === null ? null : judgeReadBack(held.epc, readBackAnswer(epcRead));
    const outcome = verdict?.verdict === 'encoded' ? 'encoded' : 'voided';
    const voidReason = outcome === 'encoded' ? null : input.action === 'destroyed' ? 'destroyed' : 'wrong_tag';
    const by = `settled by ${actor.name}: ${reason}`;
    await tx.query(
      `INSERT INTO rfid_encodings (job_id, item_id, serial, epc, read_back, outcome, reason, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [jobId, held.item_id, held.serial, held.epc, epcRead ?? '', outcome, voidReason, by],
    );
    await tx.query(
      `INSERT INTO rfid_resolutions (item_id, serial, job_id, action, epc_read, outcome, reason, resolved_by, resolved_by_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [held.item_id, held.serial, jobId, input.action, epcRead, outcome, reason, actor.id, actor.name],
    );
    if (voidReason) await tx.query(`INSERT INTO voided_serials (item_id, serial, job_id, reason) VALUES ($1, $2, $3, $4)`, [held.item_id, held.serial, jobId, voidReason]);
    await tx.query(
      `UPDATE print_jobs SET status = $2, resolution = $3, resolved_by = $4, resolved_at = now(), resolution_reason = $5,
              printed_at = CASE WHEN $2 = 'printed' THEN now() END,
              last_error = CASE WHEN $2 = 'voided' THEN $6 ELSE last_error END
        WHERE id = $1`,
      [jobId, outcome === 'encoded' ? 'printed' : 'voided', input.action === 'tag_read' ? 'tag_read' : 'tag_destroyed', actor.id, reason, `serial ${held.serial} voided: ${voidReason === 'destroyed' ? 'the label was destroyed, its tag unread' : `its tag read ${epcRead}, not the EPC written`}`],
    );
    const after = { job: jobId, serial: held.serial, epc: held.epc, epcRead, outcome };
    await appendAudit(tx, actor, [
      { action: 'label.rfid_uncertain_settled', entityType: 'lot', entityId: held.lot_id, after, reason },
      // The same fact the spool audits for a serial it voids, so QA traces every lost number one way.
      ...(voidReason ? [{ action: 'label.serial_voided', entityType: 'lot', entityId: held.lot_id, after: { job: jobId, serial: held.serial, epc: held.epc, readBack: epcRead ?? '', reason: voidReason }, reason }] : []),
    ]);
    return { jobId, serial: held.serial, epc: held.epc, epcRead, outcome, reason: voidReason };
  });
}
