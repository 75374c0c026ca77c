import { RfidSetup, type LabelTemplate, type TagVerdict } from '../../domain/labels';
import { appendAudit } from '../audit';
import { plantToday } from '../clock';
import type { Db, Queryable } from '../db';
import { allocateSerials } from '../numbering';
import { makerFor } from './label-maker';
import { getPrinter } from './printers';
import { FENCE, type LeasedJob } from './queue';
import { retriesFor } from './rfid-policy';
import { textForPrinter } from './text-graphics';

/*
 * The worker-facing side of RFID labels: what a label's tag read back as decides its serial.
 * Only a tag that read back the EPC written binds the serial; any other answer voids the serial
 * for good (the label printed VOID or carries a tag that is not its own), and the printer's
 * policy, else the template's, says whether the label is tried again with a new serial.
 * A label whose read-back never came is neither: it is in doubt (rfid-resolve.ts). Each outcome is written in
 * one transaction: the tag's record, the voided serial and the job's next state, or none of them.
 */

export type TagSettlement = { job: 'printed' | 'queued' | 'voided' | 'lease_lost'; serial: string | null; voided: string | null };

interface JobFacts {
  item_id: string;
  lot_id: string;
  serial: string;
  data: Record<string, unknown>;
  printer_id: string;
  content_hash: string;
  definition: LabelTemplate;
}

const REASON_TEXT: Record<Exclude<TagVerdict['verdict'], 'encoded'>, string> = {
  wrong_tag: 'the tag read back another EPC',
  no_tag: 'no tag answered (the printer printed VOID)',
  bad_answer: 'the tag read-back could not be read',
};

async function jobFacts(tx: Queryable, job: LeasedJob): Promise<JobFacts> {
  const found = await tx.query<JobFacts>(
    `SELECT l.item_id, j.lot_id, j.serial, j.data, j.printer_id, t.content_hash, t.definition
       FROM print_jobs j JOIN lots l ON l.id = j.lot_id JOIN label_templates t ON t.id = j.template_id
      WHERE j.id = $1`,
    [job.id],
  );
  const facts = found.rows[0];
  // The job was leased a moment ago with its serial and lot; an RFID job always has both (enqueuePrint).
  if (!facts || facts.serial === null) throw new Error(`RFID job ${job.id} has no lot or serial to settle`);
  return facts;
}

/** Records what one tag read back as, in the job's transaction; the serial is the one the label was made for. */
async function recordTag(tx: Queryable, job: LeasedJob, facts: JobFacts, epc: string, verdict: TagVerdict): Promise<void> {
  const voided = verdict.verdict !== 'encoded';
  await tx.query(
    `INSERT INTO rfid_encodings (job_id, item_id, serial, epc, read_back, outcome, reason, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [job.id, facts.item_id, facts.serial, epc, verdict.read, voided ? 'voided' : 'encoded', voided ? verdict.verdict : null, verdict.verdict === 'bad_answer' ? verdict.problem : null],
  );
  if (voided) await tx.query(`INSERT INTO voided_serials (item_id, serial, job_id, reason) VALUES ($1, $2, $3, $4)`, [facts.item_id, facts.serial, job.id, verdict.verdict]);
}

async function recordAttempt(tx: Queryable, job: LeasedJob, held: boolean, bytesWritten: number, error: string | null): Promise<void> {
  await tx.query(`INSERT INTO print_attempts (job_id, worker, outcome, bytes_written, error) VALUES ($1, $2, $3, $4, $5)`, [
    job.id,
    job.owner,
    held ? (error ? 'tag_voided' : 'printed') : 'lease_lost',
    bytesWritten,
    held ? error : concat('the lease ran out before this tag was recorded', error),
  ]);
}

const concat = (...parts: (string | null)[]) => parts.filter((p) => p !== null).join(': ');

/**
 * Settles an RFID label the printer printed and read back. The tag's record is written even when
 * the lease was lost meanwhile: the label came out, and its serial must be bound or voided by
 * what its tag says, whoever holds the job now.
 */
export async function settleTag(db: Db, job: LeasedJob, verdict: TagVerdict, bytesWritten: number): Promise<TagSettlement> {
  const epc = job.rfidEpc;
  if (epc === null) throw new Error(`job ${job.id} is not an RFID label`);
  return db.transaction(async (tx) => {
    const facts = await jobFacts(tx, job);
    await recordTag(tx, job, facts, epc, verdict);
    const voided = verdict.verdict === 'encoded' ? null : facts.serial;
    if (voided) {
      // A serial that will never be issued again is a fact QA must be able to trace to its label.
      await appendAudit(tx, { id: null, name: `spool ${job.owner}` }, [
        { action: 'label.serial_voided', entityType: 'lot', entityId: facts.lot_id, after: { job: job.id, serial: voided, epc, readBack: verdict.read, reason: verdict.verdict } },
      ]);
    }
    const why = verdict.verdict === 'encoded' ? null : `serial ${facts.serial} voided: ${REASON_TEXT[verdict.verdict]}${verdict.verdict === 'no_tag' ? '' : ` (${verdict.read || 'empty'}${verdict.verdict === 'bad_answer' ? `; ${verdict.problem}` : ''})`}`;
    const fence = [job.id, job.owner, job.attempt];
    const held = await tx.query(`SELECT id FROM print_jobs WHERE ${FENCE} FOR UPDATE`, fence);
    if (held.rows.length === 0) {
      await recordAttempt(tx, job, false, bytesWritten, why);
      return { job: 'lease_lost', serial: voided ? null : facts.serial, voided };
    }
    await recordAttempt(tx, job, true, bytesWritten, why);
    if (why === null) {
      await tx.query(`UPDATE print_jobs SET status = 'printed', lease_owner = NULL, lease_until = NULL, last_error = NULL, sent_at = COALESCE(sent_at, now()), printed_at = now() WHERE id = $1`, [job.id]);
      return { job: 'printed', serial: facts.serial, voided: null };
    }
    const setup = RfidSetup.parse(facts.definition.rfid ?? {});
    const printer = await getPrinter(tx, facts.printer_id);
    const tried = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM rfid_encodings WHERE job_id = $1 AND outcome = 'voided'`, [job.id]);
    // The count takes in this label: a job prints its first label and then `retries` more.
    if (tried.rows[0]!.n > retriesFor(setup, printer.rfidPolicy)) {
      await tx.query(`UPDATE print_jobs SET status = 'voided', lease_owner = NULL, lease_until = NULL, last_error = $2, sent_at = COALESCE(sent_at, now()) WHERE id = $1`, [job.id, `${why}; no retry left`]);
      return { job: 'voided', serial: null, voided };
    }
    const [serial] = await allocateSerials(tx, facts.item_id, facts.lot_id, 1, plantToday());
    const data = { ...facts.data, serial: serial! };
    const made = makerFor({ contentHash: facts.content_hash, definition: facts.definition })(data);
    // The same approved template version and lot made the first label, so the new one cannot be refused unless they were tampered with.
    if (!made.ok || !made.epc) throw new Error(`the label for serial ${serial} could not be made again: ${made.ok ? 'no EPC' : made.error.message}`);
    await tx.query(
      `UPDATE print_jobs SET status = 'queued', lease_owner = NULL, lease_until = NULL, next_attempt_at = now(), last_error = $2,
              serial = $3, data = $4::jsonb, zpl = $5, rfid_epc = $6
        WHERE id = $1`,
      [job.id, `${why}; retrying with serial ${serial}`, serial, JSON.stringify(data), textForPrinter(made.zpl, printer), made.epc],
    );
    return { job: 'queued', serial: serial!, voided };
  });
}
