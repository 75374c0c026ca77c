import type { FdaClass, Jurisdiction, NmpaClass } from './case';
import { ClockError, addDays, dayNumber, fromDayNumber, type IsoDate, type WorkingCalendar } from './holidays';

/**
 * The regulators' deadlines for a recall, per jurisdiction and class. A deadline is a plain date
 * in the plant's zone and is met when the report or notice goes out on or before that day.
 *
 * A period runs from the day after the event (the day of the decision is not counted, as in
 * 民法典 第二百零一条 and in FDA's practice of "within 10 working days of"). No deadline is pushed
 * past a holiday that falls on its last day, although some legal traditions would do so
 * (民法典 第二百零三条, EU Regulation 1182/71 Art. 3(4)): a clock that is a day early costs
 * nothing, one a day late costs a finding.
 */


export type DeadlineKind =
  | 'fda_correction_report'
  | 'nmpa_event_report'
  | 'nmpa_notice'
  | 'nmpa_assessment_and_plan'
  | 'nmpa_summary_report'
  | 'eu_fsca_report'
  | 'eu_incident_report';

/** MDR Art. 87(3)-(5): what kind of serious incident lies behind an FSCA, if one does. */
export type EuIncident = 'public_health_threat' | 'death_or_serious_deterioration' | 'other_serious_incident';

export interface ClockCase {
  jurisdictions: readonly Jurisdiction[];
  classes: { fda: FdaClass | null; nmpa: NmpaClass | null; euFsca: boolean };
  /** The day the recall was decided and the correction or removal began. */
  startedAt: IsoDate;
  /** The day the recall was completed; the NMPA summary report runs from it. */
  completedAt?: IsoDate | null;
  /** EU only: whether the FSCA had to start at once, and the serious incident that led to it. */
  eu?: { urgent: boolean; incident: { kind: EuIncident; awareOn: IsoDate } | null };
  /** The day each report or notice went out, as recorded on the case. */
  done?: Partial<Record<DeadlineKind, IsoDate>>;
}

/** Each regulator counts its own working days: FDA those of US federal offices, NMPA China's (调休 included). */
export interface RecallCalendars {
  US: WorkingCalendar;
  CN: WorkingCalendar;
}

export type DeadlineState = 'due' | 'due_soon' | 'overdue' | 'met';

export interface Deadline {
  kind: DeadlineKind;
  jurisdiction: Jurisdiction;
  /** The provision the deadline comes from. */
  basis: string;
  /** The day the period runs from. */
  from: IsoDate;
  dueAt: IsoDate;
  /** The period in working days, or null when the rule counts calendar days. */
  workingDays: number | null;
  calendarDays: number | null;
  state: DeadlineState;
  /** Calendar days from `now` to the due day: 0 on the day, negative once overdue; null once met. */
  daysLeft: number | null;
  /** For a working-day rule not yet overdue: working days after today up to and including the due day (0 = due today); else null. */
  workingDaysLeft: number | null;
  doneOn: IsoDate | null;
  /** Met, but after the due day: the record has to say so. */
  late: boolean;
}

export interface ClockOptions {
  /** A deadline this many days away or fewer is `due_soon`: working days for a working-day rule, calendar days otherwise. */
  dueSoonWithin: number;
}

export const DEFAULT_CLOCK_OPTIONS: ClockOptions = { dueSoonWithin: 2 };

/**
 * The n-th working day after `date` (n = 0: `date` itself, whether or not it is a working day).
 * Walks day by day: even a year of working days is a few hundred steps, and a walk cannot skip a
 * make-up Saturday the way a weeks-at-a-time shortcut would.
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: WorkingCalendar): IsoDate {
  let day = dayNumber(date);
  if (!Number.isSafeInteger(n) || n < 0) throw new ClockError('invalid_count', `working days must be a whole number, 0 or more (got ${n})`);
  for (let counted = 0; counted < n; ) {
    day++;
    if (calendar.isWorkingDay(fromDayNumber(day))) counted++;
  }
  return fromDayNumber(day);
}

/** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) if (calendar.isWorkingDay(fromDayNumber(d))) count++;
  return sign * count;
}

type Period = { working: number; calendar: 'US' | 'CN' } | { days: number };

interface Rule {
  kind: DeadlineKind;
  jurisdiction: Jurisdiction;
  basis: string;
  from: IsoDate;
  period: Period;
}

const NMPA_NOTICE_DAYS: Record<NmpaClass, number> = { 1: 1, 2: 3, 3: 7 };
const EU_INCIDENT_DAYS: Record<EuIncident, { days: number; basis: string }> = {
  public_health_threat: { days: 2, basis: 'MDR Art. 87(4)' },
  death_or_serious_deterioration: { days: 10, basis: 'MDR Art. 87(5)' },
  other_serious_incident: { days: 15, basis: 'MDR Art. 87(3)' },
};

function fdaRules(c: ClockCase): Rule[] {
  const cls = c.classes.fda;
  if (cls === null) throw new ClockError('class_missing', 'the case names the US but has no FDA class');
  // 806.10 asks for a report of a correction or removal made to reduce a "risk to health"
  // (806.2). A class III recall is by definition (7.3(m)(3)) unlikely to cause adverse health
  // consequences, so it is kept on record under 806.20 instead of reported: no clock.
  if (cls === 'III') return [];
  return [{ kind: 'fda_correction_report', jurisdiction: 'US', basis: '21 CFR 806.10(b)', from: c.startedAt, period: { working: 10, calendar: 'US' } }];
}

function nmpaRules(c: ClockCase): Rule[] {
  const cls = c.classes.nmpa;
  if (cls === null) throw new ClockError('class_missing', 'the case names CN but has no NMPA class');
  const rules: Rule[] = [
    // 第十八条: the 召回事件报告表 goes "立即" (at once) on the decision: due the same day.
    { kind: 'nmpa_event_report', jurisdiction: 'CN', basis: '医疗器械召回管理办法 第十八条 (立即)', from: c.startedAt, period: { days: 0 } },
    // 第十六条 says 1日内 / 3日内 / 7日内 where the same 办法 writes 个工作日 for the reports
    // (第十八条, 第二十三条): the contrast means calendar days. That is also the only reading that
    // keeps a 一级 notice from waiting out an eight-day Golden Week while patients use the device.
    { kind: 'nmpa_notice', jurisdiction: 'CN', basis: `医疗器械召回管理办法 第十六条 (${['一', '二', '三'][cls - 1]}级: ${NMPA_NOTICE_DAYS[cls]}日内)`, from: c.startedAt, period: { days: NMPA_NOTICE_DAYS[cls] } },
    { kind: 'nmpa_assessment_and_plan', jurisdiction: 'CN', basis: '医疗器械召回管理办法 第十八条 (5个工作日内)', from: c.startedAt, period: { working: 5, calendar: 'CN' } },
  ];
  // The summary report's clock only exists once the recall is complete.
  if (c.completedAt) rules.push({ kind: 'nmpa_summary_report', jurisdiction: 'CN', basis: '医疗器械召回管理办法 第二十三条 (召回完成后10个工作日内)', from: c.completedAt, period: { working: 10, calendar: 'CN' } });
  return rules;
}

function euRules(c: ClockCase): Rule[] {
  const rules: Rule[] = [];
  const eu = c.eu ?? { urgent: false, incident: null };
  if (c.classes.euFsca) {
    // MDR Art. 87(8) (with the draft FSN, Art. 89(8)): reported to the competent authority
    // before the FSCA is undertaken, so due on the start day at the latest; a date cannot say
    // "before the first notice leaves", the people sending it can. When the action had to start
    // at once the report follows "without undue delay"; the MDR names no figure, so Lotline takes
    // its shortest one, the 2 days of Art. 87(4).
    rules.push({ kind: 'eu_fsca_report', jurisdiction: 'EU', basis: eu.urgent ? 'MDR Art. 87(8), urgent: 2 days (house rule after Art. 87(4))' : 'MDR Art. 87(8), before the FSCA', from: c.startedAt, period: { days: eu.urgent ? 2 : 0 } });
  }
  // The 2/10/15-day limits are for the serious incident report, counted from awareness, in
  // calendar days (MDCG 2023-3).
  if (eu.incident) {
    const limit = EU_INCIDENT_DAYS[eu.incident.kind];
    rules.push({ kind: 'eu_incident_report', jurisdiction: 'EU', basis: limit.basis, from: eu.incident.awareOn, period: { days: limit.days } });
  }
  return rules;
}

/** Every deadline the case runs under, with its state on `now` (the plant's date today). */
export function deadlines(c: ClockCase, calendars: RecallCalendars, now: IsoDate, options: ClockOptions = DEFAULT_CLOCK_OPTIONS): Deadline[] {
  const today = dayNumber(now);
  if (c.completedAt && dayNumber(c.completedAt) < dayNumber(c.startedAt)) throw new ClockError('completed_before_start', `the recall cannot be completed (${c.completedAt}) before it started (${c.startedAt})`);
  const rules = [...(c.jurisdictions.includes('US') ? fdaRules(c) : []), ...(c.jurisdictions.includes('CN') ? nmpaRules(c) : []), ...(c.jurisdictions.includes('EU') ? euRules(c) : [])];
  return rules
    .map((rule): Deadline => {
      const { period } = rule;
      const calendar = 'working' in period ? calendars[period.calendar] : null;
      const dueAt = 'working' in period ? addWorkingDays(rule.from, period.working, calendars[period.calendar]) : addDays(rule.from, period.days);
      const doneOn = c.done?.[rule.kind] ?? null;
      const base = { kind: rule.kind, jurisdiction: rule.jurisdiction, basis: rule.basis, from: rule.from, dueAt, workingDays: 'working' in period ? period.working : null, calendarDays: 'days' in period ? period.days : null };
      if (doneOn !== null) return { ...base, state: 'met', daysLeft: null, workingDaysLeft: null, doneOn, late: dayNumber(doneOn) > dayNumber(dueAt) };
      const daysLeft = dayNumber(dueAt) - today;
      const workingDaysLeft = calendar && daysLeft >= 0 ? workingDaysBetween(now, dueAt, calendar) : null;
      // The alert threshold is read in the rule's own unit: 2 working days before a working-day
      // deadline over Golden Week can be 9 calendar days, and that is when people need warning.
      const state = daysLeft < 0 ? 'overdue' : (workingDaysLeft ?? daysLeft) <= options.dueSoonWithin ? 'due_soon' : 'due';
      return { ...base, state, daysLeft, workingDaysLeft, doneOn: null, late: false };
    })
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.kind.localeCompare(b.kind));
}
