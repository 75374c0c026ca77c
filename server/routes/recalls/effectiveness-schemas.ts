import { z } from '@hono/zod-openapi';
import { CHECK_METHODS, CONTACT_METHODS, CONTACT_STEPS, EFFECTIVENESS_LEVELS } from '../../../domain/recall';

/** The answers of the effectiveness check routes (client/api/recall-effectiveness.ts reads them). */

const ContactStep = z.enum(CONTACT_STEPS);
const LaterStep = z.enum(['repeat_contact', 'registered_letter', 'visit']);

const EscalationSchema = z
  .union([
    z.object({ state: z.literal('responded'), respondedAt: z.string() }),
    z.object({ state: z.literal('not_contacted'), next: z.literal('letter') }),
    z.object({ state: z.enum(['waiting', 'due']), last: ContactStep, since: z.string(), next: LaterStep, dueAt: z.string() }),
    z.object({ state: z.literal('exhausted'), last: z.literal('visit'), since: z.string() }),
  ])
  .openapi('RecallEscalation', { description: "Where a drawn consignee is on the follow-up ladder; `due` once dueAt has passed" });

const CheckSchema = z.object({
  id: z.number().int(),
  method: z.enum(CHECK_METHODS),
  reached: z.boolean(),
  receivedNotice: z.boolean().nullable().openapi({ description: 'Null when the consignee was not reached' }),
  followedInstructions: z.boolean().nullable(),
  onHand: z.number().nullable(),
  note: z.string(),
  checkerName: z.string(),
  checkedAt: z.string(),
});

const ContactSchema = z.object({
  id: z.number().int().nullable().openapi({ description: 'Null for the recall letter itself, which counts as the first step when it is issued' }),
  step: ContactStep,
  method: z.enum(CONTACT_METHODS),
  note: z.string(),
  at: z.string(),
  recorderName: z.string(),
});

export const CheckedConsigneeSchema = z
  .object({
    customerId: z.string(),
    code: z.string(),
    name: z.string(),
    reply: z.object({ at: z.string(), channel: z.enum(['qa', 'code']) }).nullable().openapi({ description: "The consignee's first answer, by its reply code or recorded by QA: escalation stops there" }),
    checks: z.array(CheckSchema),
    contacts: z.array(ContactSchema),
    escalation: EscalationSchema,
  })
  .openapi('RecallCheckedConsignee');

export const CaseEffectivenessSchema = z
  .object({
    caseId: z.string(),
    caseNumber: z.string(),
    level: z.enum(EFFECTIVENESS_LEVELS).nullable(),
    percent: z.number().nullable(),
    draw: z
      .object({ level: z.enum(EFFECTIVENESS_LEVELS), percent: z.number(), seed: z.string(), consignees: z.number().int(), required: z.number().int(), drawnBy: z.string(), drawnAt: z.string() })
      .nullable(),
    consignees: z.array(CheckedConsigneeSchema),
    asOf: z.string().openapi({ description: 'The time the escalations were judged at' }),
  })
  .openapi('RecallEffectiveness');

export const DueEscalationSchema = z
  .object({
    caseId: z.string(),
    caseNumber: z.string(),
    customerId: z.string(),
    code: z.string(),
    name: z.string(),
    escalation: z.union([
      z.object({ state: z.literal('not_contacted'), next: z.literal('letter') }),
      z.object({ state: z.literal('due'), last: ContactStep, since: z.string(), next: LaterStep, dueAt: z.string() }),
    ]),
  })
  .openapi('RecallDueEscalation');
