/**
 * What the server says about a case's effectiveness checks, declared once for the server and the
 * console.
 */

import type { EffectivenessLevel } from './case';
import type { ContactStep, Escalation } from './effectiveness';

export const CHECK_METHODS = ['phone', 'email', 'letter', 'visit'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

export const CONTACT_METHODS = ['phone', 'email', 'letter', 'registered_letter', 'visit'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export interface EffectivenessCheck {
  id: number;
  method: CheckMethod;
  reached: boolean;
  /** Null when the consignee was not reached. */
  receivedNotice: boolean | null;
  followedInstructions: boolean | null;
  onHand: number | null;
  note: string;
  checkerName: string;
  checkedAt: string;
}

export interface ConsigneeContact {
  /** Null for the recall letter itself, which counts as the first step when it is issued. */
  id: number | null;
  step: ContactStep;
  method: ContactMethod;
  note: string;
  at: string;
  recorderName: string;
}

export interface CheckedConsignee {
  customerId: string;
  code: string;
  name: string;
  /** The consignee's first answer, by its reply code or recorded by QA: escalation stops there. */
  reply: { at: string; channel: 'qa' | 'code' } | null;
  checks: EffectivenessCheck[];
  contacts: ConsigneeContact[];
  escalation: Escalation;
}

export interface EffectivenessDraw {
  level: EffectivenessLevel;
  percent: number;
  seed: string;
  consignees: number;
  required: number;
  drawnBy: string;
  drawnAt: string;
}

export interface CaseEffectiveness {
  caseId: string;
  caseNumber: string;
  /** The case's level and share, whether or not the draw has been made. */
  level: EffectivenessLevel | null;
  percent: number | null;
  draw: EffectivenessDraw | null;
  consignees: CheckedConsignee[];
  /** The time the escalations were judged at. */
  asOf: string;
}

/** A selected consignee of an open case whose next step is due, for the dashboard. */
export interface DueEscalation {
  caseId: string;
  caseNumber: string;
  customerId: string;
  code: string;
  name: string;
  escalation: Extract<Escalation, { state: 'not_contacted' }> | (Extract<Escalation, { dueAt: string }> & { state: 'due' });
}
