import { z } from '@hono/zod-openapi';
import { JURISDICTIONS, RECALL_STATES, type DeadlineKind } from '../../../domain/recall';

/** The answers of the clocks, drills and case events routes (client/api/recall-reports.ts reads them). */

export const DEADLINE_KINDS = ['fda_correction_report', 'nmpa_event_report', 'nmpa_notice', 'nmpa_assessment_and_plan', 'nmpa_summary_report', 'eu_fsca_report', 'eu_incident_report'] as const satisfies readonly DeadlineKind[];

const DeadlineSchema = z
  .object({
    kind: z.enum(DEADLINE_KINDS),
    jurisdiction: z.enum(JURISDICTIONS),
    basis: z.string().openapi({ description: 'The provision the deadline comes from' }),
    from: z.string().openapi({ description: 'The day the period runs from (YYYY-MM-DD)' }),
    dueAt: z.string().openapi({ description: 'The due day (YYYY-MM-DD)' }),
    workingDays: z.number().int().nullable().openapi({ description: 'The period in working days, or null when the rule counts calendar days' }),
    calendarDays: z.number().int().nullable(),
    state: z.enum(['due', 'due_soon', 'overdue', 'met']),
    daysLeft: z.number().int().nullable().openapi({ description: 'Calendar days to the due day: 0 on the day, negative once overdue; null once met' }),
    workingDaysLeft: z.number().int().nullable(),
    doneOn: z.string().nullable(),
    late: z.boolean().openapi({ description: 'Met, but after the due day' }),
  })
  .openapi('RecallDeadline');

export const CaseClocksSchema = z
  .object({
    caseId: z.string(),
    number: z.string(),
    state: z.enum(RECALL_STATES),
    owner: z.string(),
    clocks: z.array(DeadlineSchema),
    problem: z.object({ code: z.string(), message: z.string() }).nullable().openapi({ description: 'Why the clocks could not be worked out (a year the calendar has no holidays for), if so' }),
  })
  .openapi('RecallCaseClocks');

export const DeadlineAlertSchema = z
  .object({ id: z.string(), caseId: z.string(), number: z.string(), deadline: z.enum(DEADLINE_KINDS), kind: z.enum(['due_soon', 'overdue']), dueOn: z.string(), raisedAt: z.string() })
  .openapi('RecallDeadlineAlert');

export const CaseEventSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['report_generated', 'letters_sent', 'report_submitted']),
    deadline: z.enum(DEADLINE_KINDS).nullable(),
    detail: z.record(z.string(), z.unknown()).openapi({ description: 'For letters: method, count and note; for a report: its file' }),
    happenedOn: z.string(),
    recorderName: z.string(),
    recordedAt: z.string(),
  })
  .openapi('RecallCaseEvent');

export const DrillSchema = z
  .object({
    caseId: z.string(),
    caseNumber: z.string(),
    scopeDescribed: z.string(),
    stopwatch: z.object({ startedAt: z.string(), scopeReadyAt: z.string(), consigneesReadyAt: z.string(), balanceReadyAt: z.string() }),
    timings: z.object({ scopeMs: z.number(), consigneesMs: z.number(), balanceMs: z.number() }),
    lots: z.number().int(),
    consignees: z.number().int(),
    shipmentLines: z.number().int(),
    broughtIn: z.number(),
    accounted: z.number(),
    percent: z.number().nullable(),
    passed: z.boolean(),
    startedBy: z.string(),
  })
  .openapi('RecallDrill');

const WaitDays = z.number().int();
const Calendar = z.enum(['US', 'CN']);

export const RecallSettingsAnswerSchema = z
  .object({
    manufacturer: z
      .object({ name: z.string(), nameZh: z.string().nullable(), address: z.string(), contact: z.string(), fdaRegistration: z.string().nullable(), nmpaRegistration: z.string().nullable(), euSrn: z.string().nullable() })
      .nullable(),
    alertLeadDays: z.number().int(),
    escalationWaitDays: z.object({ letter: WaitDays, repeat_contact: WaitDays, registered_letter: WaitDays }).openapi({ description: 'Days a silent consignee is given after each step of the follow-up ladder' }),
    calendarDays: z.array(z.object({ calendar: Calendar, day: z.string(), working: z.boolean(), note: z.string() })),
    enteredYears: z.array(z.object({ calendar: Calendar, year: z.number().int() })),
  })
  .openapi('RecallSettingsAnswer');
