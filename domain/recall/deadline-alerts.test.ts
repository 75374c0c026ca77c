import { describe, expect, it } from 'vitest';
import { deadlines, type ClockCase } from './clock';
import { deadlineAlerts } from './deadline-alerts';
import { chinaCalendar, usFederalCalendar } from './holidays';

const calendars = { US: usFederalCalendar(), CN: chinaCalendar() };
// Opened on Monday 2026-06-01 under NMPA 二级: notice by 06-04 (3 days), plan by 06-08 (5 working days).
const recall: ClockCase = { jurisdictions: ['CN'], classes: { fda: null, nmpa: 2, euFsca: false }, startedAt: '2026-06-01' };

const statesOn = (now: string, lead: number, c: ClockCase = recall) => deadlines(c, calendars, now, { dueSoonWithin: lead }).map((d) => [d.kind, d.state]);

describe('deadline states with the alert lead', () => {
  it.each([
    ['2026-06-01', 1, [['nmpa_event_report', 'due_soon'], ['nmpa_notice', 'due'], ['nmpa_assessment_and_plan', 'due']]],
    ['2026-06-03', 1, [['nmpa_event_report', 'overdue'], ['nmpa_notice', 'due_soon'], ['nmpa_assessment_and_plan', 'due']]],
    ['2026-06-05', 1, [['nmpa_event_report', 'overdue'], ['nmpa_notice', 'overdue'], ['nmpa_assessment_and_plan', 'due_soon']]],
    ['2026-06-04', 3, [['nmpa_event_report', 'overdue'], ['nmpa_notice', 'due_soon'], ['nmpa_assessment_and_plan', 'due_soon']]],
  ])('on %s with a lead of %s working day(s)', (now, lead, expected) => {
    expect(statesOn(now, lead)).toEqual(expected);
  });

  it('a deadline met is met whatever the day', () => {
    expect(statesOn('2026-06-20', 1, { ...recall, done: { nmpa_event_report: '2026-06-01', nmpa_notice: '2026-06-05' } })).toEqual([
      ['nmpa_event_report', 'met'],
      ['nmpa_notice', 'met'],
      ['nmpa_assessment_and_plan', 'overdue'],
    ]);
  });
});

describe('deadline alerts', () => {
  it('warns of a deadline within the lead and of one overdue, not of one due later or met', () => {
    const clocks = deadlines({ ...recall, done: { nmpa_event_report: '2026-06-01' } }, calendars, '2026-06-05', { dueSoonWithin: 1 });
    expect(deadlineAlerts(clocks)).toEqual([
      { deadline: 'nmpa_notice', kind: 'overdue', dueOn: '2026-06-04' },
      { deadline: 'nmpa_assessment_and_plan', kind: 'due_soon', dueOn: '2026-06-08' },
    ]);
  });

  it('raises nothing for a case whose deadlines are all far off', () => {
    const fda: ClockCase = { jurisdictions: ['US'], classes: { fda: 'I', nmpa: null, euFsca: false }, startedAt: '2026-06-01' };
    expect(deadlineAlerts(deadlines(fda, calendars, '2026-06-02', { dueSoonWithin: 1 }))).toEqual([]);
  });
});
