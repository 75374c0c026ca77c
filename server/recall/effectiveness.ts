import { EffectivenessError, selectConsignees, type CheckMethod, type ContactMethod, type ContactStep, type EffectivenessLevel, type RecallState } from '../../domain/recall';
import { appendAudit, type Actor } from '../audit';
import type { Session } from '../auth';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';

const actorOf = (session: Session): Actor => ({ id: session.user.id, name: session.user.username, deviceId: session.deviceId });

interface LockedCase {
  number: string;
  state: RecallState;
  level: EffectivenessLevel | null;
  percent: number | null;
}

/** The case under its row lock, refused unless it is open or recovering: checks follow the notices. */
async function lockActive(tx: Queryable, caseId: string): Promise<LockedCase> {
  const found = await tx.query<LockedCase>('SELECT number, state, effectiveness_level AS level, effectiveness_percent AS percent FROM recall_cases WHERE id = $1 FOR UPDATE', [caseId]);
  const c = found.rows[0];
  if (!c) throw new AppError(404, 'not_found', 'That recall case was not found.');
  if (c.state !== 'open' && c.state !== 'recovering') throw new AppError(409, 'case_not_recovering', `Recall ${c.number} is ${c.state}: effectiveness checks run while it is open or recovering.`, { state: c.state });
  return c;
}

async function selectedConsignee(tx: Queryable, caseId: string, number: string, customerCode: string): Promise<string> {
  const found = await tx.query<{ id: string; selected: boolean }>(
    `SELECT c.id, EXISTS (SELECT 1 FROM recall_effectiveness_selected s WHERE s.case_id = f.case_id AND s.customer_id = c.id) AS selected
     FROM recall_case_consignees f JOIN customers c ON c.id = f.customer_id WHERE f.case_id = $1 AND c.code = $2`,
    [caseId, customerCode],
  );
  const row = found.rows[0];
  if (!row) throw new AppError(422, 'not_a_consignee', `${customerCode} is not a consignee of recall ${number}.`, { field: 'customerCode' });
  if (!row.selected) throw new AppError(422, 'not_selected', `${customerCode} was not drawn for the effectiveness checks of recall ${number}.`, { field: 'customerCode' });
  return row.id;
}

export interface DrawOutcome {
  /** False when the case had its draw already and this request asked for the same one. */
  made: boolean;
}

/**
 * Draws the consignees to check, once per case, from the case's level and a seed (the case id
 * unless one is given), so anyone holding the seed and the frozen consignees can redo the draw.
 * Asking again returns the same draw; asking with another seed is a conflict, never a second draw.
 */
export async function drawConsignees(db: Db, session: Session, caseId: string, seed: string | undefined): Promise<DrawOutcome> {
  return db.transaction(async (tx) => {
    const c = await lockActive(tx, caseId);
    const wanted = seed ?? caseId;
    const earlier = await tx.query<{ seed: string }>('SELECT seed FROM recall_effectiveness_draws WHERE case_id = $1', [caseId]);
    if (earlier.rows[0]) {
      if (earlier.rows[0].seed !== wanted) {
        throw new AppError(409, 'already_drawn', `Recall ${c.number} drew its consignees with seed "${earlier.rows[0].seed}"; a draw is made once and never replaced.`, { seed: earlier.rows[0].seed });
      }
      return { made: false };
    }
    if (c.level === null) throw new AppError(409, 'no_effectiveness_level', `Recall ${c.number} has no effectiveness-check level to draw by.`);
    const pool = await tx.query<{ customer_id: string }>('SELECT customer_id FROM recall_case_consignees WHERE case_id = $1', [caseId]);
    let draw;
    try {
      draw = selectConsignees(pool.rows.map((r) => r.customer_id), c.level, c.percent, wanted);
    } catch (e) {
      if (e instanceof EffectivenessError) throw new AppError(422, e.code, e.message, { field: 'seed' });
      throw e;
    }
    await tx.query('INSERT INTO recall_effectiveness_draws (case_id, level, percent, seed, consignees, required, drawn_by, drawer_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      caseId,
      draw.level,
      draw.percent,
      draw.seed,
      draw.consignees,
      draw.required,
      session.user.id,
      session.user.username,
    ]);
    if (draw.selected.length > 0) await tx.query('INSERT INTO recall_effectiveness_selected (case_id, customer_id) SELECT $1, unnest($2::uuid[])', [caseId, draw.selected]);
    const codes = await tx.query<{ code: string }>('SELECT code FROM customers WHERE id = ANY($1::uuid[]) ORDER BY code', [draw.selected]);
    await appendAudit(tx, actorOf(session), [
      {
        action: 'recall.effectiveness_drawn',
        entityType: 'recall_case',
        entityId: caseId,
        after: { caseNumber: c.number, level: draw.level, percent: draw.percent, seed: draw.seed, consignees: draw.consignees, required: draw.required, selected: draw.selected, selectedCodes: codes.rows.map((r) => r.code) },
      },
    ]);
    return { made: true };
  });
}

export interface CheckInput {
  customerCode: string;
  method: CheckMethod;
  reached: boolean;
  receivedNotice?: boolean | undefined;
  followedInstructions?: boolean | undefined;
  onHand?: number | undefined;
  note: string;
}

/** What a checker found at a selected consignee: reached or not, and if so whether the notice arrived and was followed. */
export async function recordCheck(db: Db, session: Session, caseId: string, input: CheckInput): Promise<number> {
  const answered = [input.receivedNotice, input.followedInstructions, input.onHand].some((v) => v !== undefined);
  if (!input.reached && answered) throw new AppError(422, 'not_reached', 'A consignee who was not reached cannot have said whether the notice arrived, was followed or what is on hand.', { field: 'reached' });
  if (input.reached && (input.receivedNotice === undefined || input.followedInstructions === undefined)) {
    throw new AppError(422, 'check_incomplete', 'A check of a reached consignee says whether the notice arrived and whether its instructions were followed.', { field: input.receivedNotice === undefined ? 'receivedNotice' : 'followedInstructions' });
  }
  return db.transaction(async (tx) => {
    const c = await lockActive(tx, caseId);
    const customerId = await selectedConsignee(tx, caseId, c.number, input.customerCode);
    const made = await tx.query<{ id: string }>(
      `INSERT INTO recall_effectiveness_checks (case_id, customer_id, method, reached, received_notice, followed_instructions, on_hand, note, checked_by, checker_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::text`,
      [caseId, customerId, input.method, input.reached, input.receivedNotice ?? null, input.followedInstructions ?? null, input.onHand ?? null, input.note, session.user.id, session.user.username],
    );
    const id = Number(made.rows[0]!.id);
    await appendAudit(tx, actorOf(session), [{ action: 'recall.effectiveness_checked', entityType: 'recall_case', entityId: caseId, after: { caseNumber: c.number, checkId: id, ...input } }]);
    return id;
  });
}

export interface ContactInput {
  customerCode: string;
  step: ContactStep;
  method: ContactMethod;
  /** When the contact was made, with its offset; now when left out. */
  at?: string | undefined;
  note: string;
}

// A handheld or laptop a few minutes fast must still be able to record a call just made.
const FUTURE_SLACK_MS = 5 * 60_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An attempt to reach a selected consignee at a step of the ladder, with when it was made. */
export async function recordContact(db: Db, session: Session, caseId: string, input: ContactInput, now: Date): Promise<number> {
  const at = input.at === undefined ? now : INSTANT.test(input.at) ? new Date(input.at) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw new AppError(422, 'invalid_timestamp', `"${input.at}" is not an instant with its offset (YYYY-MM-DDThh:mm:ssZ or +hh:mm).`, { field: 'at' });
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) throw new AppError(422, 'contact_in_future', 'A contact is recorded once it has been made, not ahead of time.', { field: 'at' });
  return db.transaction(async (tx) => {
    const c = await lockActive(tx, caseId);
    const customerId = await selectedConsignee(tx, caseId, c.number, input.customerCode);
    const made = await tx.query<{ id: string }>(
      `INSERT INTO recall_contact_attempts (case_id, customer_id, step, method, note, contacted_at, recorded_by, recorder_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text`,
      [caseId, customerId, input.step, input.method, input.note, at.toISOString(), session.user.id, session.user.username],
    );
    const id = Number(made.rows[0]!.id);
    await appendAudit(tx, actorOf(session), [
      { action: 'recall.consignee_contacted', entityType: 'recall_case', entityId: caseId, after: { caseNumber: c.number, contactId: id, customerCode: input.customerCode, step: input.step, method: input.method, at: at.toISOString(), note: input.note } },
    ]);
    return id;
  });
}
