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

/** What the effectiveness checks found, as a status report states it: each consignee by its latest check. */
export interface EffectivenessResults {
  /** Consignees the draw selected; null before the draw. */
  selected: number | null;
  required: number | null;
  checked: number;
  reached: number;
  receivedNotice: number;
  followedInstructions: number;
  /** Checked consignees whose latest check found the recall not effective there: not reached, no notice, or instructions not followed. */
  failed: { code: string; name: string; finding: 'not_reached' | 'no_notice' | 'not_followed'; note: string; checkedAt: string }[];
}

export function effectivenessResults(e: Pick<CaseEffectiveness, 'draw' | 'consignees'>): EffectivenessResults {
  const results: EffectivenessResults = { selected: e.draw ? e.consignees.length : null, required: e.draw?.required ?? null, checked: 0, reached: 0, receivedNotice: 0, followedInstructions: 0, failed: [] };
  for (const c of e.consignees) {
    // A later check replaces an earlier one: a consignee reached on the second call was reached.
    const latest = c.checks.reduce<EffectivenessCheck | null>((last, check) => (last === null || check.checkedAt > last.checkedAt || (check.checkedAt === last.checkedAt && check.id > last.id) ? check : last), null);
    if (!latest) continue;
    results.checked++;
    if (latest.reached) results.reached++;
    if (latest.receivedNotice === true) results.receivedNotice++;
    if (latest.followedInstructions === true) results.followedInstructions++;
    const finding = !latest.reached ? 'not_reached' : latest.receivedNotice !== true ? 'no_notice' : latest.followedInstructions !== true ? 'not_followed' : null;
    if (finding) results.failed.push({ code: c.code, name: c.name, finding, note: latest.note, checkedAt: latest.checkedAt });
  }
  results.failed.sort((a, b) => a.code.localeCompare(b.code));
  return results;
}
