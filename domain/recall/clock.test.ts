import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, deadlines, workingDaysBetween, type ClockCase } from './clock';
import { chinaCalendar, chinaHolidays, ClockError, usFederalCalendar, usFederalHolidays } from './holidays';

const cn = chinaCalendar();
const us = usFederalCalendar();
const calendars = { US: us, CN: cn };

function clockError(run: () => unknown): ClockError {
  try {
    run();
  } catch (e) {
    if (e instanceof ClockError) return e;
    throw e;
  }
  throw new Error('expected a ClockError');
}

describe('addWorkingDays on the PRC calendar', () => {
  it.each([
    // Golden Week 2025: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked.
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-28', 1, '2025-09-29'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-10-01', 1, '2025-10-09'],
    ['2025-09-29', 5, '2025-10-13'],
    ['2025-10-10', 1, '2025-10-11'],
    // Spring Festival 2026: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked.
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-12', 5, '2026-02-26'],
    ['2026-02-12', 10, '2026-03-04'],
    // Year end: 2026-01-01..03 off, Sunday 01-04 worked.
    ['2025-12-31', 1, '2026-01-04'],
    ['2025-12-31', 2, '2026-01-05'],
    // n = 0 is the day itself, even a holiday.
    ['2025-10-03', 0, '2025-10-03'],
    ['2025-09-29', 0, '2025-09-29'],
  ])('%s + %i working days = %s', (from, n, due) => {
    expect(addWorkingDays(from, n, cn)).toBe(due);
  });

  it('counts 248 working days in 2025 and in 2026, as the notices give them', () => {
    // 261 weekdays a year, less 18 (2025) / 19 (2026) holiday weekdays, plus 5 / 6 make-up days.
    expect(addWorkingDays('2024-12-31', 248, cn)).toBe('2025-12-31');
    expect(workingDaysBetween('2025-12-31', '2026-12-31', cn)).toBe(248);
  });

  it('knows every make-up day as a weekend day and every holiday by name', () => {
    for (const year of [2025, 2026]) {
      const h = chinaHolidays(year);
      for (const d of h?.working ?? []) {
        expect(cn.isWorkingDay(d)).toBe(true);
        expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
      }
      for (const d of h?.closed ?? []) expect(cn.isWorkingDay(d.date)).toBe(false);
    }
  });
});

describe('addWorkingDays on the US federal calendar', () => {
  it.each([
    // Thanksgiving is the fourth Thursday; the Friday after is worked.
    ['2025-11-26', 1, '2025-11-28'],
    ['2026-11-25', 1, '2026-11-27'],
    // Golden Week means nothing to FDA, Columbus Day (second Monday of October) does.
    ['2025-09-29', 10, '2025-10-14'],
    // Christmas 2027 is a Saturday and New Year 2028 too: kept on Friday 12-24 and Friday 12-31.
    ['2027-12-23', 1, '2027-12-27'],
    ['2027-12-30', 1, '2028-01-03'],
    ['2025-12-24', 1, '2025-12-26'],
    ['2026-07-02', 1, '2026-07-06'],
    // A large n: 2025 has 261 weekdays and 11 federal holidays on weekdays.
    ['2024-12-31', 250, '2025-12-31'],
    ['2024-12-31', 0, '2024-12-31'],
  ])('%s + %i working days = %s', (from, n, due) => {
    expect(addWorkingDays(from, n, us)).toBe(due);
  });

  it.each([
    [2025, ['2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-10-13', '2025-11-11', '2025-11-27', '2025-12-25']],
    [2026, ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25']],
    [2027, ['2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24', '2027-12-31']],
    [2028, ['2028-01-17', '2028-02-21', '2028-05-29', '2028-06-19', '2028-07-04', '2028-09-04', '2028-10-09', '2028-11-10', '2028-11-23', '2028-12-25']],
    // Inauguration Day 2029 (Saturday 01-20) is not moved.
    [2029, ['2029-01-01', '2029-01-15', '2029-01-20', '2029-02-19', '2029-05-28', '2029-06-19', '2029-07-04', '2029-09-03', '2029-10-08', '2029-11-12', '2029-11-22', '2029-12-25']],
  ])('federal holidays kept in %i', (year, days) => {
    expect(usFederalHolidays(year).map((h) => h.date)).toEqual(days);
  });

  it('takes a closure the plant enters, and a day the plant says is worked', () => {
    const closedByOrder = usFederalCalendar({ extraClosedDays: ['2025-12-26'] });
    expect(addWorkingDays('2025-12-24', 1, closedByOrder)).toBe('2025-12-29');
    const cnWorked = chinaCalendar({ extraWorkingDays: ['2025-10-08'] });
    expect(addWorkingDays('2025-09-30', 1, cnWorked)).toBe('2025-10-08');
  });
});

describe('refusals', () => {
  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-1', '20250101', '', '2025-10-01T00:00:00Z', '0999-01-01'])('"%s" is not a date', (bad) => {
    expect(clockError(() => addWorkingDays(bad, 1, us)).code).toBe('invalid_date');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('%d working days is not a count', (n) => {
    expect(clockError(() => addWorkingDays('2025-10-01', n, us)).code).toBe('invalid_count');
  });

  it('refuses to count through a year whose Chinese holidays it does not know', () => {
    const e = clockError(() => addWorkingDays('2026-12-30', 5, cn));
    expect(e.code).toBe('calendar_not_covered');
    expect(e.message).toContain('2027');
    const entered = chinaCalendar({ enteredYears: [2027], extraClosedDays: ['2027-01-01'] });
    expect(addWorkingDays('2026-12-30', 5, entered)).toBe('2027-01-07');
  });

  it('refuses a day the plant marks both closed and worked, and a bad date in its settings', () => {
    expect(clockError(() => usFederalCalendar({ extraClosedDays: ['2025-12-26'], extraWorkingDays: ['2025-12-26'] })).code).toBe('conflicting_day');
    expect(clockError(() => chinaCalendar({ extraClosedDays: ['2025-02-30'] })).code).toBe('invalid_date');
  });
});

describe('addWorkingDays properties', () => {
  const start = fc.integer({ min: 0, max: 600 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));

  it('lands on a working day exactly n working days on, for both calendars', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 60 }), fc.constantFrom(us, cn), (from, n, calendar) => {
        const due = addWorkingDays(from, n, calendar);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(workingDaysBetween(from, due, calendar)).toBe(n);
        expect(addWorkingDays(from, n + 1, calendar) > due).toBe(true);
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});

const base: ClockCase = { jurisdictions: ['US', 'CN', 'EU'], classes: { fda: 'I', nmpa: 1, euFsca: true }, startedAt: '2025-09-29' };
const byKind = (list: ReturnType<typeof deadlines>) => Object.fromEntries(list.map((d) => [d.kind, d]));

describe('deadlines', () => {
  it('gives each regulator its own clock for a recall started the Monday before Golden Week', () => {
    const d = byKind(deadlines(base, calendars, '2025-09-29'));
    expect(Object.keys(d).sort()).toEqual(['eu_fsca_report', 'fda_correction_report', 'nmpa_assessment_and_plan', 'nmpa_event_report', 'nmpa_notice']);
    expect(d.fda_correction_report).toMatchObject({ jurisdiction: 'US', dueAt: '2025-10-14', workingDays: 10, calendarDays: null, state: 'due', workingDaysLeft: 10 });
    expect(d.nmpa_event_report).toMatchObject({ dueAt: '2025-09-29', state: 'due_soon', daysLeft: 0 });
    expect(d.nmpa_notice).toMatchObject({ dueAt: '2025-09-30', calendarDays: 1, workingDays: null, state: 'due_soon', daysLeft: 1 });
    expect(d.nmpa_assessment_and_plan).toMatchObject({ dueAt: '2025-10-13', workingDays: 5, state: 'due', workingDaysLeft: 5 });
    expect(d.eu_fsca_report).toMatchObject({ dueAt: '2025-09-29', calendarDays: 0, state: 'due_soon' });
  });

  it.each([
    [1, '2025-09-30'],
    [2, '2025-10-02'],
    [3, '2025-10-06'],
  ] as const)('NMPA class %i: the notice counts calendar days straight through the holiday (due %s)', (nmpa, due) => {
    const d = byKind(deadlines({ ...base, jurisdictions: ['CN'], classes: { fda: null, nmpa, euFsca: false } }, calendars, '2025-09-29'));
    expect(d.nmpa_notice?.dueAt).toBe(due);
  });

  it.each([
    ['2025-10-08', 'due', 4],
    ['2025-10-09', 'due', 3],
    ['2025-10-10', 'due_soon', 2],
    ['2025-10-13', 'due_soon', 0],
    ['2025-10-14', 'overdue', null],
  ] as const)('on %s the NMPA plan (due 2025-10-13) is %s', (now, state, workingDaysLeft) => {
    expect(byKind(deadlines(base, calendars, now)).nmpa_assessment_and_plan).toMatchObject({ state, workingDaysLeft });
  });

  it('reads due_soon at the threshold the plant sets', () => {
    expect(byKind(deadlines(base, calendars, '2025-10-09', { dueSoonWithin: 3 })).nmpa_assessment_and_plan?.state).toBe('due_soon');
    expect(byKind(deadlines(base, calendars, '2025-10-10', { dueSoonWithin: 0 })).nmpa_assessment_and_plan?.state).toBe('due');
  });

  it('is met when done on time, and says so when done late', () => {
    const d = byKind(deadlines({ ...base, done: { nmpa_notice: '2025-09-30', fda_correction_report: '2025-10-15' } }, calendars, '2025-10-20'));
    expect(d.nmpa_notice).toMatchObject({ state: 'met', late: false, daysLeft: null });
    expect(d.fda_correction_report).toMatchObject({ state: 'met', late: true, doneOn: '2025-10-15' });
    expect(d.nmpa_assessment_and_plan).toMatchObject({ state: 'overdue', daysLeft: -7 });
  });

  it('starts the NMPA summary clock on completion, across the Spring Festival', () => {
    expect(byKind(deadlines(base, calendars, '2026-01-05')).nmpa_summary_report).toBeUndefined();
    const d = byKind(deadlines({ ...base, completedAt: '2026-02-12' }, calendars, '2026-02-20'));
    expect(d.nmpa_summary_report).toMatchObject({ from: '2026-02-12', dueAt: '2026-03-04', state: 'due', workingDaysLeft: 8 });
  });

  it('gives an FDA class III recall no 806.10 report', () => {
    expect(deadlines({ ...base, jurisdictions: ['US'], classes: { fda: 'III', nmpa: null, euFsca: false } }, calendars, '2025-09-29')).toEqual([]);
    expect(deadlines({ ...base, jurisdictions: ['US'], classes: { fda: 'II', nmpa: null, euFsca: false } }, calendars, '2025-09-29')).toHaveLength(1);
  });

  it.each([
    ['public_health_threat', '2025-09-27'],
    ['death_or_serious_deterioration', '2025-10-05'],
    ['other_serious_incident', '2025-10-10'],
  ] as const)('EU: a %s behind the FSCA is reported by %s, counted from awareness in calendar days', (kind, due) => {
    const d = byKind(deadlines({ ...base, jurisdictions: ['EU'], eu: { urgent: false, incident: { kind, awareOn: '2025-09-25' } } }, calendars, '2025-09-26'));
    expect(d.eu_incident_report?.dueAt).toBe(due);
  });

  it('EU: an urgent FSCA may be reported after it starts, within 2 days', () => {
    const d = byKind(deadlines({ ...base, jurisdictions: ['EU'], eu: { urgent: true, incident: null } }, calendars, '2025-09-29'));
    expect(d.eu_fsca_report).toMatchObject({ dueAt: '2025-10-01', state: 'due_soon', daysLeft: 2 });
  });

  it('refuses a case without the class of a jurisdiction it names, and a completion before the start', () => {
    expect(clockError(() => deadlines({ ...base, classes: { fda: null, nmpa: 1, euFsca: true } }, calendars, '2025-09-29')).code).toBe('class_missing');
    expect(clockError(() => deadlines({ ...base, classes: { fda: 'I', nmpa: null, euFsca: true } }, calendars, '2025-09-29')).code).toBe('class_missing');
    expect(clockError(() => deadlines({ ...base, completedAt: '2025-09-28' }, calendars, '2025-09-29')).code).toBe('completed_before_start');
    expect(clockError(() => deadlines(base, calendars, '29/09/2025')).code).toBe('invalid_date');
  });
});
