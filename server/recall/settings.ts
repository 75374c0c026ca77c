import type { Manufacturer } from '../../domain/recall/reports';
import { ClockError, chinaCalendar, usFederalCalendar, type EscalationRule } from '../../domain/recall';
import { appendAudit } from '../audit';
import type { Session } from '../auth';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { alertLeadDays } from './deadlines';
import { readEscalationRule } from './escalation-rule';
import { readManufacturer } from './reports/facts';

export interface CalendarDay {
  calendar: 'US' | 'CN';
  day: string;
  working: boolean;
  note: string;
}

export interface RecallSettings {
  manufacturer: Manufacturer | null;
  alertLeadDays: number;
  /** Days a silent consignee is given after each step of the follow-up ladder. */
  escalationWaitDays: EscalationRule['waitDays'];
  calendarDays: CalendarDay[];
  enteredYears: { calendar: 'US' | 'CN'; year: number }[];
}

export async function readRecallSettings(db: Queryable): Promise<RecallSettings> {
  const days = await db.query<{ calendar: 'US' | 'CN'; day: string; working: boolean; note: string }>("SELECT calendar, to_char(day, 'YYYY-MM-DD') AS day, working, note FROM recall_calendar_days ORDER BY calendar, day");
  const years = await db.query<{ calendar: 'US' | 'CN'; year: number }>('SELECT calendar, year FROM recall_calendar_years ORDER BY calendar, year');
  return { manufacturer: await readManufacturer(db), alertLeadDays: await alertLeadDays(db), escalationWaitDays: (await readEscalationRule(db)).waitDays, calendarDays: days.rows, enteredYears: years.rows };
}

/**
 * Replaces the recall settings whole: who the reports name as manufacturer, the alert lead, the
 * follow-up waits (kept as they are when not given), and the plant's corrections to the
 * regulators' calendars. The calendars are built from the new days before anything is written,
 * so a day that is not a date is refused with nothing changed.
 */
export async function saveRecallSettings(db: Db, session: Session, given: Omit<RecallSettings, 'escalationWaitDays'> & { escalationWaitDays?: RecallSettings['escalationWaitDays'] | undefined }): Promise<RecallSettings> {
  const next: RecallSettings = { ...given, escalationWaitDays: given.escalationWaitDays ?? (await readEscalationRule(db)).waitDays };
  for (const [step, days] of Object.entries(next.escalationWaitDays)) {
    if (!Number.isInteger(days) || days < 1 || days > 90) throw new AppError(422, 'invalid_settings', `The wait after ${step.replace('_', ' ')} must be a whole number of days from 1 to 90.`, { field: `escalationWaitDays.${step}` });
  }
  for (const calendar of ['US', 'CN'] as const) {
    const days = next.calendarDays.filter((d) => d.calendar === calendar);
    const seen = new Set<string>();
    for (const d of days) {
      if (seen.has(d.day)) throw new AppError(422, 'invalid_settings', `${d.day} is named twice in the ${calendar} calendar.`, { field: 'calendarDays' });
      seen.add(d.day);
    }
    try {
      const plant = { extraClosedDays: days.filter((d) => !d.working).map((d) => d.day), extraWorkingDays: days.filter((d) => d.working).map((d) => d.day) };
      if (calendar === 'US') usFederalCalendar(plant);
      else chinaCalendar(plant);
    } catch (error) {
      if (error instanceof ClockError) throw new AppError(422, 'invalid_settings', error.message, { field: 'calendarDays' });
      throw error;
    }
  }
  const before = await readRecallSettings(db);
  await db.transaction(async (tx) => {
    const m = next.manufacturer;
    if (m === null) await tx.query('DELETE FROM recall_manufacturer');
    else {
      await tx.query(
        `INSERT INTO recall_manufacturer (id, name, name_zh, address, contact, fda_registration, nmpa_registration, eu_srn) VALUES (true, $1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET name = $1, name_zh = $2, address = $3, contact = $4, fda_registration = $5, nmpa_registration = $6, eu_srn = $7, updated_at = now()`,
        [m.name, m.nameZh, m.address, m.contact, m.fdaRegistration, m.nmpaRegistration, m.euSrn],
      );
    }
    await tx.query('UPDATE recall_settings SET alert_lead_days = $1, escalation_wait_days = $2 WHERE id', [next.alertLeadDays, JSON.stringify(next.escalationWaitDays)]);
    await tx.query('DELETE FROM recall_calendar_days');
    for (const d of next.calendarDays) await tx.query('INSERT INTO recall_calendar_days (calendar, day, working, note) VALUES ($1, $2::date, $3, $4)', [d.calendar, d.day, d.working, d.note]);
    await tx.query('DELETE FROM recall_calendar_years');
    for (const y of next.enteredYears) await tx.query('INSERT INTO recall_calendar_years (calendar, year) VALUES ($1, $2) ON CONFLICT DO NOTHING', [y.calendar, y.year]);
    await appendAudit(tx, { id: session.user.id, name: session.user.username, deviceId: session.deviceId }, [
      { action: 'recall.settings', entityType: 'recall_settings', entityId: null, before: { ...before }, after: { ...next } },
    ]);
  });
  return readRecallSettings(db);
}
