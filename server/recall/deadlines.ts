import { ClockError, chinaCalendar, deadlineAlerts, deadlines, usFederalCalendar, type ClockCase, type Deadline, type DeadlineKind, type PlantDays, type RecallCalendars } from '../../domain/recall';
import { appendAudit, type Actor } from '../audit';
import { plantToday } from '../clock';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import type { RecallCase } from './cases';
import { listRecalls } from './cases';

/** The working-day calendars with the plant's own corrections from recall_calendar_days. */
export async function loadCalendars(db: Queryable): Promise<RecallCalendars> {
  const days = await db.query<{ calendar: 'US' | 'CN'; day: string; working: boolean }>("SELECT calendar, to_char(day, 'YYYY-MM-DD') AS day, working FROM recall_calendar_days");
  const years = await db.query<{ calendar: 'US' | 'CN'; year: number }>('SELECT calendar, year FROM recall_calendar_years');
  const plant = (calendar: 'US' | 'CN'): PlantDays => ({
    extraClosedDays: days.rows.filter((d) => d.calendar === calendar && !d.working).map((d) => d.day),
    extraWorkingDays: days.rows.filter((d) => d.calendar === calendar && d.working).map((d) => d.day),
    enteredYears: years.rows.filter((y) => y.calendar === calendar).map((y) => y.year),
  });
  return { US: usFederalCalendar(plant('US')), CN: chinaCalendar(plant('CN')) };
}

export async function alertLeadDays(db: Queryable): Promise<number> {
  const found = await db.query<{ alert_lead_days: number }>('SELECT alert_lead_days FROM recall_settings WHERE id');
  return found.rows[0]?.alert_lead_days ?? 1;
}

/** The first day each clock's act was recorded on the case. */
async function doneOn(db: Queryable, caseIds: string[]): Promise<Map<string, Partial<Record<DeadlineKind, string>>>> {
  const found = await db.query<{ case_id: string; deadline: DeadlineKind; on: string }>(
    `SELECT case_id, deadline, to_char(min(happened_on), 'YYYY-MM-DD') AS on FROM recall_case_events WHERE case_id = ANY($1::uuid[]) AND deadline IS NOT NULL GROUP BY case_id, deadline`,
    [caseIds],
  );
  const out = new Map<string, Partial<Record<DeadlineKind, string>>>();
  for (const r of found.rows) out.set(r.case_id, { ...out.get(r.case_id), [r.deadline]: r.on });
  return out;
}

export interface CaseClocks {
  caseId: string;
  number: string;
  state: RecallCase['state'];
  owner: string;
  clocks: Deadline[];
  /** Why the clocks could not be worked out (a year the calendar has no holidays for), if so. */
  problem: { code: string; message: string } | null;
}

/** The regulators' clocks run from the day the case opened; a draft or a drill has none. */
function clockCase(c: RecallCase, done: Partial<Record<DeadlineKind, string>>): ClockCase | null {
  if (c.drill || c.openedAt === null) return null;
  return {
    jurisdictions: c.terms.jurisdictions,
    classes: c.terms.classes,
    startedAt: plantToday(new Date(c.openedAt)),
    completedAt: c.state === 'closed' && c.closedAt ? plantToday(new Date(c.closedAt)) : null,
    done,
  };
}

function clocksOf(c: RecallCase, done: Partial<Record<DeadlineKind, string>>, calendars: RecallCalendars, today: string, lead: number): CaseClocks {
  const base = { caseId: c.id, number: c.number, state: c.state, owner: c.owner.name };
  const input = clockCase(c, done);
  if (!input) return { ...base, clocks: [], problem: null };
  try {
    return { ...base, clocks: deadlines(input, calendars, today, { dueSoonWithin: lead }), problem: null };
  } catch (error) {
    if (error instanceof ClockError) return { ...base, clocks: [], problem: { code: error.code, message: error.message } };
    throw error;
  }
}

export async function caseClocks(db: Queryable, c: RecallCase, today: string = plantToday()): Promise<CaseClocks> {
  const [calendars, lead, done] = await Promise.all([loadCalendars(db), alertLeadDays(db), doneOn(db, [c.id])]);
  return clocksOf(c, done.get(c.id) ?? {}, calendars, today, lead);
}

/**
 * Every case whose clocks still matter: open and recovering cases, and closed ones until their
 * summary report is out. Cases ordered by their most pressing clock.
 */
export async function listDeadlines(db: Queryable, today: string = plantToday()): Promise<{ today: string; leadDays: number; cases: CaseClocks[] }> {
  const cases = (await listRecalls(db, { drill: false })).filter((c) => c.state === 'open' || c.state === 'recovering' || c.state === 'closed');
  const [calendars, lead, done] = await Promise.all([loadCalendars(db), alertLeadDays(db), doneOn(db, cases.map((c) => c.id))]);
  const all = cases.map((c) => clocksOf(c, done.get(c.id) ?? {}, calendars, today, lead));
  const live = all.filter((c) => c.state !== 'closed' || c.problem !== null || c.clocks.some((d) => d.state !== 'met'));
  const firstDue = (c: CaseClocks) => c.clocks.find((d) => d.state !== 'met')?.dueAt ?? '9999-12-31';
  return { today, leadDays: lead, cases: live.sort((a, b) => firstDue(a).localeCompare(firstDue(b)) || a.number.localeCompare(b.number)) };
}

export interface RecallDeadlineAlert {
  id: string;
  caseId: string;
  number: string;
  deadline: DeadlineKind;
  kind: 'due_soon' | 'overdue';
  dueOn: string;
  raisedAt: string;
}

export async function openDeadlineAlerts(db: Queryable): Promise<RecallDeadlineAlert[]> {
  const found = await db.query<{ id: string; case_id: string; number: string; deadline: DeadlineKind; kind: 'due_soon' | 'overdue'; due_on: string; raised_at: Date }>(
    `SELECT a.id, a.case_id, c.number, a.deadline, a.kind, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.raised_at
       FROM recall_deadline_alerts a JOIN recall_cases c ON c.id = a.case_id WHERE a.acknowledged_at IS NULL ORDER BY a.due_on, c.number, a.deadline`,
  );
  return found.rows.map((r) => ({ id: r.id, caseId: r.case_id, number: r.number, deadline: r.deadline, kind: r.kind, dueOn: r.due_on, raisedAt: new Date(r.raised_at).toISOString() }));
}

/** The owner saw the warning; it stays on record as acknowledged, and a clock that moves warns again. */
export async function acknowledgeDeadlineAlert(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const updated = await tx.query<{ case_id: string; deadline: string; kind: string; due_on: string }>(
      `UPDATE recall_deadline_alerts SET acknowledged_by = $2, acknowledged_at = now() WHERE id = $1 AND acknowledged_at IS NULL RETURNING case_id, deadline, kind, to_char(due_on, 'YYYY-MM-DD') AS due_on`,
      [id, actor.id],
    );
    const row = updated.rows[0];
    if (!row) throw new AppError(404, 'not_found', 'No open deadline alert with that id.');
    await appendAudit(tx, actor, [{ action: 'recall.deadline_alert_acknowledged', entityType: 'recall_case', entityId: row.case_id, after: { alert: id, deadline: row.deadline, kind: row.kind, dueOn: row.due_on } }]);
  });
}

const JOB: Actor = { id: null, name: 'recall deadline job' };

/**
 * Raises an alert for each clock within the lead or past due, once per case, clock, due day and
 * kind, and audits each one raised; an alert for a clock met since is left for the owner to
 * acknowledge, the record of a warning is evidence too.
 */
export async function runDeadlineJob(db: Db, today: string = plantToday()): Promise<{ today: string; raised: number }> {
  const { cases } = await listDeadlines(db, today);
  return db.transaction(async (tx) => {
    let raised = 0;
    for (const c of cases) {
      for (const alert of deadlineAlerts(c.clocks)) {
        const made = await tx.query<{ id: string }>(
          `INSERT INTO recall_deadline_alerts (case_id, deadline, kind, due_on) VALUES ($1, $2, $3, $4::date) ON CONFLICT (case_id, deadline, kind, due_on) DO NOTHING RETURNING id`,
          [c.caseId, alert.deadline, alert.kind, alert.dueOn],
        );
        if (made.rows.length === 0) continue;
        raised++;
        await appendAudit(tx, JOB, [{ action: 'recall.deadline_alert', entityType: 'recall_case', entityId: c.caseId, after: { number: c.number, ...alert, today } }]);
      }
    }
    return { today, raised };
  });
}

/** Runs the job at start and then every few minutes: the plant's date, and with it the clocks, move on their own. */
export function scheduleDeadlineJob(db: Db, onError: (error: unknown) => void, everyMs = 5 * 60_000): { stop(): void } {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runDeadlineJob(db)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
