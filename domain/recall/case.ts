import type { Role } from '../auth';
import type { SignatureMeaning } from '../lots';

/** Where a recall case stands. A drill runs through the same states. */
export const RECALL_STATES = ['draft', 'open', 'recovering', 'closed', 'cancelled'] as const;
export type RecallState = (typeof RECALL_STATES)[number];

export const JURISDICTIONS = ['US', 'CN', 'EU'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** FDA 21 CFR 7.3(m): class I is the most serious. */
export const FDA_CLASSES = ['I', 'II', 'III'] as const;
export type FdaClass = (typeof FDA_CLASSES)[number];

/** NMPA 医疗器械召回管理办法: 一级 = 1, 二级 = 2, 三级 = 3. */
export const NMPA_CLASSES = [1, 2, 3] as const;
export type NmpaClass = (typeof NMPA_CLASSES)[number];

/** 21 CFR 7.42(b)(1): how far down the distribution chain the recall reaches. */
export const RECALL_DEPTHS = ['wholesale', 'retail', 'user'] as const;
export type RecallDepth = (typeof RECALL_DEPTHS)[number];

/** 21 CFR 7.42(b)(3): the share of consignees to be checked; B is set per case between 11 and 99 %. */
export const EFFECTIVENESS_LEVELS = ['A', 'B', 'C', 'D', 'E'] as const;
export type EffectivenessLevel = (typeof EFFECTIVENESS_LEVELS)[number];
export const LEVEL_B_PERCENT = { min: 11, max: 99 } as const;

export interface RecallClasses {
  fda: FdaClass | null;
  nmpa: NmpaClass | null;
  /** Whether the action is a Field Safety Corrective Action under EU MDR Art. 89. */
  euFsca: boolean;
}

export interface RecallTerms {
  reason: string;
  healthHazard: string;
  classes: RecallClasses;
  depth: RecallDepth | null;
  strategy: string;
  effectiveness: { level: EffectivenessLevel; percent: number | null } | null;
  jurisdictions: readonly Jurisdiction[];
}

export type TermsProblem = { field: string; code: 'required' | 'invalid'; message: string };

/** What a case must say at any time, draft or not: nothing contradictory. */
export function termsProblems(terms: RecallTerms): TermsProblem[] {
  const problems: TermsProblem[] = [];
  const e = terms.effectiveness;
  if (e && e.level === 'B' && (e.percent === null || !Number.isInteger(e.percent) || e.percent < LEVEL_B_PERCENT.min || e.percent > LEVEL_B_PERCENT.max)) {
    problems.push({ field: 'effectiveness.percent', code: 'invalid', message: `level B checks a share of consignees between ${LEVEL_B_PERCENT.min} and ${LEVEL_B_PERCENT.max} %` });
  }
  if (e && e.level !== 'B' && e.percent !== null) problems.push({ field: 'effectiveness.percent', code: 'invalid', message: `level ${e.level} has a fixed share; only level B takes a percentage` });
  if (new Set(terms.jurisdictions).size !== terms.jurisdictions.length) problems.push({ field: 'jurisdictions', code: 'invalid', message: 'a jurisdiction is named twice' });
  if (terms.classes.fda !== null && !terms.jurisdictions.includes('US')) problems.push({ field: 'classes.fda', code: 'invalid', message: 'an FDA class needs the US among the jurisdictions' });
  if (terms.classes.nmpa !== null && !terms.jurisdictions.includes('CN')) problems.push({ field: 'classes.nmpa', code: 'invalid', message: 'an NMPA class needs CN among the jurisdictions' });
  if (terms.classes.euFsca && !terms.jurisdictions.includes('EU')) problems.push({ field: 'classes.euFsca', code: 'invalid', message: 'an FSCA needs the EU among the jurisdictions' });
  return problems;
}

/**
 * What a case must say before it can be opened: the regulators' deadlines run from the opening,
 * so the class per jurisdiction, the depth and the strategy cannot be filled in afterwards.
 */
export function openingGaps(terms: RecallTerms): TermsProblem[] {
  const gaps = termsProblems(terms);
  const need = (field: string, missing: boolean, message: string) => {
    if (missing) gaps.push({ field, code: 'required', message });
  };
  need('reason', terms.reason.trim().length === 0, 'the reason for the recall');
  need('healthHazard', terms.healthHazard.trim().length === 0, 'the health hazard evaluation');
  need('jurisdictions', terms.jurisdictions.length === 0, 'at least one jurisdiction');
  need('classes.fda', terms.jurisdictions.includes('US') && terms.classes.fda === null, 'the FDA class (I, II or III)');
  need('classes.nmpa', terms.jurisdictions.includes('CN') && terms.classes.nmpa === null, 'the NMPA class (一, 二 or 三级)');
  need('depth', terms.depth === null, 'the depth (wholesale, retail or user)');
  need('strategy', terms.strategy.trim().length === 0, 'the recall strategy');
  need('effectiveness', terms.effectiveness === null, 'the effectiveness-check level (A to E)');
  return gaps;
}

interface Rule {
  from: readonly RecallState[];
  meanings: readonly SignatureMeaning[];
}

/** Recalls are QA's and the supervisors' to run (DESIGN.md: the supervisor "runs recalls"). */
export const RECALL_ROLES: readonly Role[] = ['qc', 'supervisor'];

/**
 * The case lifecycle. Every step is signed: opening commits the plant to the hold and the
 * regulators' clocks, and closing declares the recall effective.
 */
const RULES: Readonly<Record<RecallState, Rule | null>> = {
  draft: null,
  open: { from: ['draft'], meanings: ['approved'] },
  recovering: { from: ['open'], meanings: ['reviewed', 'approved'] },
  closed: { from: ['recovering'], meanings: ['approved'] },
  cancelled: { from: ['draft'], meanings: ['rejected', 'approved'] },
};

export type CaseTransitionRefusal = 'same_state' | 'not_allowed' | 'role' | 'reason_required' | 'meaning_not_allowed' | 'not_ready';

export type CaseTransitionPlan = { ok: true; from: RecallState; to: RecallState } | { ok: false; code: CaseTransitionRefusal; reason: string; gaps?: TermsProblem[] };

export interface CaseTransitionRequest {
  to: RecallState;
  roles: readonly Role[];
  reason: string;
  meaning: SignatureMeaning;
}

export function nextRecallStates(from: RecallState): RecallState[] {
  return RECALL_STATES.filter((to) => RULES[to]?.from.includes(from) ?? false);
}

export function recallMeanings(to: RecallState): readonly SignatureMeaning[] {
  return RULES[to]?.meanings ?? [];
}

/** Whether a person may move a case to a new state, and why not. Pure. */
export function planCaseTransition(current: { state: RecallState; terms: RecallTerms }, request: CaseTransitionRequest): CaseTransitionPlan {
  const { state } = current;
  const { to } = request;
  if (state === to) return { ok: false, code: 'same_state', reason: `the case is already ${to}` };
  const rule = RULES[to];
  if (!rule || !rule.from.includes(state)) {
    const options = nextRecallStates(state);
    const hint = options.length > 0 ? `; from ${state} it can go to ${options.join(', ')}` : `; ${state} is final`;
    return { ok: false, code: 'not_allowed', reason: `a case cannot go from ${state} to ${to}${hint}` };
  }
  if (!request.roles.some((r) => RECALL_ROLES.includes(r))) return { ok: false, code: 'role', reason: `only ${RECALL_ROLES.join(' or ')} may run a recall` };
  if (request.reason.trim().length === 0) return { ok: false, code: 'reason_required', reason: 'a reason is required' };
  if (!rule.meanings.includes(request.meaning)) {
    return { ok: false, code: 'meaning_not_allowed', reason: `a signature meaning '${request.meaning}' does not fit making a case ${to} (use ${rule.meanings.join(' or ')})` };
  }
  if (to === 'open') {
    const gaps = openingGaps(current.terms);
    if (gaps.length > 0) return { ok: false, code: 'not_ready', reason: `the case cannot open without ${gaps.map((g) => g.message).join('; ')}`, gaps };
  }
  return { ok: true, from: state, to };
}

/** States in which a case holds its lots: a lot can be in one such case at a time. */
export const HOLDING_STATES: readonly RecallState[] = ['open', 'recovering'];
