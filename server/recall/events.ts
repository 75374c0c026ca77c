import type { DeadlineKind } from '../../domain/recall';
import { appendAudit } from '../audit';
import type { Session } from '../auth';
import { plantToday } from '../clock';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { getRecall } from './cases';

export type CaseEventKind = 'report_generated' | 'letters_sent' | 'report_submitted';

export interface CaseEvent {
  id: number;
  kind: CaseEventKind;
  deadline: DeadlineKind | null;
  detail: Record<string, unknown>;
  happenedOn: string;
  recorderName: string;
  recordedAt: string;
}

export async function insertCaseEvent(
  tx: Queryable,
  session: Session,
  event: { caseId: string; kind: CaseEventKind; deadline: DeadlineKind | null; detail: Record<string, unknown>; happenedOn: string },
): Promise<number> {
  const made = await tx.query<{ id: string }>(
    `INSERT INTO recall_case_events (case_id, kind, deadline, detail, happened_on, recorded_by, recorder_name) VALUES ($1, $2, $3, $4, $5::date, $6, $7) RETURNING id::text`,
    [event.caseId, event.kind, event.deadline, JSON.stringify(event.detail), event.happenedOn, session.user.id, session.user.username],
  );
  return Number(made.rows[0]!.id);
}

export async function caseEvents(db: Queryable, caseId: string): Promise<CaseEvent[]> {
  const found = await db.query<{ id: string; kind: CaseEventKind; deadline: DeadlineKind | null; detail: Record<string, unknown>; happened_on: string; recorder_name: string; recorded_at: Date }>(
    `SELECT id::text, kind, deadline, detail, to_char(happened_on, 'YYYY-MM-DD') AS happened_on, recorder_name, recorded_at FROM recall_case_events WHERE case_id = $1 ORDER BY id`,
    [caseId],
  );
  return found.rows.map((r) => ({ id: Number(r.id), kind: r.kind, deadline: r.deadline, detail: r.detail, happenedOn: r.happened_on, recorderName: r.recorder_name, recordedAt: new Date(r.recorded_at).toISOString() }));
}

export interface RecordedAct {
  kind: 'letters_sent' | 'report_submitted';
  deadline: DeadlineKind;
  /** The day it happened; today when absent. */
  on?: string | undefined;
  /** For letters: how they went (letter, e-mail, fax, visit) and to how many consignees. */
  method?: string | undefined;
  count?: number | undefined;
  note?: string | undefined;
}

/**
 * Records that something a regulator's clock waits for was done outside Lotline's own reports —
 * the notices went out, a report was filed — on the day it happened. Neither before the case
 * opened nor in the future: a clock met on paper before the recall began would hide a late one.
 */
export async function recordCaseAct(db: Db, session: Session, caseId: string, act: RecordedAct): Promise<CaseEvent> {
  const found = await getRecall(db, caseId);
  const today = plantToday();
  const on = act.on ?? today;
  if (found.openedAt === null) throw new AppError(409, 'case_not_open', `Recall ${found.number} has not opened: its clocks have not started.`);
  const opened = plantToday(new Date(found.openedAt));
  if (on > today) throw new AppError(422, 'invalid_date', `${on} is in the future; record what was done once it is done.`, { field: 'on' });
  if (on < opened) throw new AppError(422, 'invalid_date', `${on} is before recall ${found.number} opened (${opened}).`, { field: 'on' });
  if (act.kind === 'letters_sent' && (act.count === undefined || act.method === undefined)) {
    throw new AppError(422, 'invalid_event', 'Notices sent need the method and the number of consignees notified.', { field: act.method === undefined ? 'method' : 'count' });
  }
  const detail = { ...(act.method ? { method: act.method } : {}), ...(act.count !== undefined ? { count: act.count } : {}), ...(act.note ? { note: act.note } : {}) };
  const id = await db.transaction(async (tx) => {
    const made = await insertCaseEvent(tx, session, { caseId, kind: act.kind, deadline: act.deadline, detail, happenedOn: on });
    await appendAudit(tx, { id: session.user.id, name: session.user.username, deviceId: session.deviceId }, [
      { action: `recall.${act.kind}`, entityType: 'recall_case', entityId: caseId, after: { number: found.number, deadline: act.deadline, on, ...detail } },
    ]);
    return made;
  });
  return (await caseEvents(db, caseId)).find((e) => e.id === id)!;
}
