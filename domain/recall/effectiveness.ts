/**
 * Effectiveness checks (21 CFR 7.42(b)(3)): which consignees are checked, and what to do about
 * the ones who do not answer.
 */

import { LEVEL_B_PERCENT, type EffectivenessLevel } from './case';

export type EffectivenessErrorCode = 'level_b_percent' | 'percent_not_for_level' | 'duplicate_consignee' | 'empty_consignee' | 'empty_seed' | 'invalid_timestamp' | 'invalid_step' | 'invalid_wait';

export class EffectivenessError extends Error {
  override name = 'EffectivenessError';
  constructor(
    readonly code: EffectivenessErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const FIXED_PERCENT: Record<Exclude<EffectivenessLevel, 'B'>, number> = { A: 100, C: 10, D: 2, E: 0 };

/** The share of consignees a level checks. Level B's is set per case, in whole percent from 11 to 99 (between C and A); the other levels take none. */
export function levelPercent(level: EffectivenessLevel, percent: number | null): number {
  if (level !== 'B') {
    if (percent !== null) throw new EffectivenessError('percent_not_for_level', `level ${level} checks ${FIXED_PERCENT[level]} % of consignees; only level B takes a percentage`);
    return FIXED_PERCENT[level];
  }
  if (percent === null || !Number.isInteger(percent) || percent < LEVEL_B_PERCENT.min || percent > LEVEL_B_PERCENT.max) {
    throw new EffectivenessError('level_b_percent', `level B checks a whole percentage from ${LEVEL_B_PERCENT.min} to ${LEVEL_B_PERCENT.max} % of consignees (got ${percent})`);
  }
  return percent;
}

/**
 * How many consignees to check: the level's share rounded up, and at least one whenever there are
 * consignees and the level is not E. Rounding up because a level is a floor: 10 % of 15
 * consignees checked as 1 would be 6.7 %.
 */
export function checksRequired(consignees: number, level: EffectivenessLevel, percent: number | null): number {
  const p = levelPercent(level, percent);
  if (p === 0 || consignees === 0) return 0;
  // Integer ceiling of consignees * p / 100, free of floating-point error.
  return Math.max(1, Math.floor((consignees * p + 99) / 100));
}

/** A 32-bit FNV-1a of the seed's UTF-16 code units: any text (a case number, say) is a seed. */
function seedHash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A small seeded generator: a Weyl sequence (golden-ratio step) through murmur3's 32-bit
 * finaliser. Not for secrets; for a draw anyone can repeat from the seed kept on the case.
 */
function generator(seed: string): () => number {
  let state = seedHash(seed);
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A uniform integer in [0, bound), rejecting the top of the 32-bit range so no index is favoured. */
function below(next: () => number, bound: number): number {
  const limit = 2 ** 32 - (2 ** 32 % bound);
  for (;;) {
    const x = next();
    if (x < limit) return x % bound;
  }
}

export interface EffectivenessSelection {
  level: EffectivenessLevel;
  percent: number;
  seed: string;
  consignees: number;
  required: number;
  /** The consignees to check, in code-unit order of their ids. */
  selected: string[];
}

/**
 * The consignees to check, drawn reproducibly: the same seed and the same consignees, listed in
 * any order, always give the same selection, so an auditor can redo the draw. The ids are put in
 * code-unit order first (not locale order, which differs between machines), then a seeded partial
 * Fisher-Yates shuffle takes the first `required`.
 */
export function selectConsignees(consigneeIds: readonly string[], level: EffectivenessLevel, percent: number | null, seed: string): EffectivenessSelection {
  if (seed.length === 0) throw new EffectivenessError('empty_seed', 'the draw needs a seed to be repeatable; use the case number, for example');
  const ids = [...consigneeIds].sort();
  if (ids.some((id) => id.length === 0)) throw new EffectivenessError('empty_consignee', 'a consignee without an id cannot be checked');
  const twice = ids.find((id, i) => i > 0 && ids[i - 1] === id);
  if (twice !== undefined) throw new EffectivenessError('duplicate_consignee', `consignee ${twice} is listed twice; a draw over duplicates would favour it`);
  const required = checksRequired(ids.length, level, percent);
  const next = generator(seed);
  for (let i = 0; i < required; i++) {
    const j = i + below(next, ids.length - i);
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
  }
  return { level, percent: levelPercent(level, percent), seed, consignees: ids.length, required, selected: ids.slice(0, required).sort() };
}

/** The ladder for a consignee who does not answer, in order; a step may be skipped, never undone. */
export const CONTACT_STEPS = ['letter', 'repeat_contact', 'registered_letter', 'visit'] as const;
export type ContactStep = (typeof CONTACT_STEPS)[number];

export interface RecordedContact {
  step: ContactStep;
  /** An instant with its offset, e.g. 2025-10-09T09:30:00+08:00. */
  at: string;
}

export interface EscalationRule {
  /** Days to wait for an answer after a step was first taken, before the next one is due. */
  waitDays: Record<Exclude<ContactStep, 'visit'>, number>;
}

export const DEFAULT_ESCALATION: EscalationRule = { waitDays: { letter: 10, repeat_contact: 5, registered_letter: 10 } };

export type Escalation =
  | { state: 'responded'; respondedAt: string }
  | { state: 'not_contacted'; next: 'letter' }
  /** `due` once `dueAt` has passed: the next step should be taken now. */
  | { state: 'waiting' | 'due'; last: ContactStep; since: string; next: Exclude<ContactStep, 'letter'>; dueAt: string }
  /** Visited and still silent: QA decides (documented as unreachable, or the units as lost). */
  | { state: 'exhausted'; last: 'visit'; since: string };

const DAY_MS = 86_400_000;

function instant(at: string): number {
  // An offset is required: a bare local time means a different instant on the server and on a handheld abroad.
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(at) ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(ms)) throw new EffectivenessError('invalid_timestamp', `"${at}" is not an instant with its offset (YYYY-MM-DDThh:mm:ssZ or +hh:mm)`);
  return ms;
}

/**
 * Where a consignee stands on the ladder at `now`. The wait runs from the first contact at the
 * highest step reached: calling again does not buy a silent consignee more time. Only what was
 * recorded by `now` counts, so the same record replayed at an earlier time shows what was due then.
 * Waits are elapsed time (24 h a day); a follow-up due an hour earlier or later across a DST change
 * is still on its day's worklist.
 */
export function nextEscalation(contacts: readonly RecordedContact[], respondedAt: string | null, rule: EscalationRule, now: string): Escalation {
  for (const [step, days] of Object.entries(rule.waitDays)) {
    if (!Number.isInteger(days) || days < 1) throw new EffectivenessError('invalid_wait', `the wait after ${step} must be a whole number of days, 1 or more (got ${days})`);
  }
  const t = instant(now);
  for (const c of contacts) if (!CONTACT_STEPS.includes(c.step)) throw new EffectivenessError('invalid_step', `"${String(c.step)}" is not a step of the ladder (${CONTACT_STEPS.join(', ')})`);
  const recorded = contacts.map((c) => ({ step: c.step, ms: instant(c.at) })).filter((c) => c.ms <= t);
  if (respondedAt !== null && instant(respondedAt) <= t) return { state: 'responded', respondedAt };
  if (recorded.length === 0) return { state: 'not_contacted', next: 'letter' };
  const rank = Math.max(...recorded.map((c) => CONTACT_STEPS.indexOf(c.step)));
  const last = CONTACT_STEPS[rank] as ContactStep;
  const first = recorded.filter((c) => c.step === last).reduce((a, b) => (b.ms < a.ms ? b : a));
  const since = new Date(first.ms).toISOString();
  if (last === 'visit') return { state: 'exhausted', last, since };
  const next = CONTACT_STEPS[rank + 1] as Exclude<ContactStep, 'letter'>;
  const dueMs = first.ms + rule.waitDays[last] * DAY_MS;
  return { state: t >= dueMs ? 'due' : 'waiting', last, since, next, dueAt: new Date(dueMs).toISOString() };
}
