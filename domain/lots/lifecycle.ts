import type { Role } from '../auth';
import { LOT_STATUSES, type LotStatus } from './status';

/** What a signer declares by signing (21 CFR 11.50: the meaning is part of the signed record). */
export const SIGNATURE_MEANINGS = ['reviewed', 'approved', 'released', 'rejected'] as const;
export type SignatureMeaning = (typeof SIGNATURE_MEANINGS)[number];

interface Rule {
  from: readonly LotStatus[];
  /** Who may make this change by hand. The expiry job is not a person and is allowed separately. */
  roles: readonly Role[];
  meanings: readonly SignatureMeaning[];
}

const QC_ONLY: readonly Role[] = ['qc'];
const QC_OR_SUPERVISOR: readonly Role[] = ['qc', 'supervisor'];

/**
 * The lot lifecycle. Every hand-made change is signed: release and reject are QC decisions
 * (a supervisor cannot release stock), a hold may also come from the floor, and the terminal
 * dispositions need the same accountability as a release.
 */
const RULES: Readonly<Record<LotStatus, Rule | null>> = {
  quarantine: null,
  released: { from: ['quarantine', 'on_hold'], roles: QC_ONLY, meanings: ['released', 'approved'] },
  rejected: { from: ['quarantine'], roles: QC_ONLY, meanings: ['rejected'] },
  on_hold: { from: ['released'], roles: QC_OR_SUPERVISOR, meanings: ['reviewed'] },
  expired: null,
  recalled: { from: ['quarantine', 'released', 'on_hold', 'rejected', 'expired'], roles: QC_ONLY, meanings: ['approved'] },
  scrapped: { from: ['rejected', 'expired', 'recalled'], roles: QC_OR_SUPERVISOR, meanings: ['approved', 'reviewed'] },
  returned: { from: ['rejected', 'expired', 'recalled'], roles: QC_OR_SUPERVISOR, meanings: ['approved', 'reviewed'] },
};

/** Statuses from which the expiry job moves a lot to expired once its expiry date has passed. */
const EXPIRABLE: readonly LotStatus[] = ['quarantine', 'released', 'on_hold'];

export interface LotForTransition {
  status: LotStatus;
  expiresOn: string | null;
}

export interface TransitionRequest {
  to: LotStatus;
  /** yyyy-mm-dd in the plant's time zone. */
  today: string;
  roles: readonly Role[];
  reason: string;
  meaning: SignatureMeaning | null;
}

export type TransitionRefusal =
  | 'unknown_status'
  | 'same_status'
  | 'not_allowed'
  | 'role'
  | 'reason_required'
  | 'meaning_required'
  | 'meaning_not_allowed'
  | 'expired';

export type TransitionPlan = { ok: true; from: LotStatus; to: LotStatus } | { ok: false; code: TransitionRefusal; reason: string };

const label = (s: string) => s.replace('_', ' ');

/** The statuses a person may move a lot to from where it is now (what the console offers). */
export function nextStatuses(from: LotStatus): LotStatus[] {
  return LOT_STATUSES.filter((to) => RULES[to]?.from.includes(from) ?? false);
}

export function allowedMeanings(to: LotStatus): readonly SignatureMeaning[] {
  return RULES[to]?.meanings ?? [];
}

/** Decides whether a person may move a lot to a new status, and says why not. Pure. */
export function planTransition(lot: LotForTransition, request: TransitionRequest): TransitionPlan {
  const { to } = request;
  if (!(LOT_STATUSES as readonly string[]).includes(to)) return { ok: false, code: 'unknown_status', reason: `'${String(to)}' is not a lot status` };
  if (lot.status === to) return { ok: false, code: 'same_status', reason: `the lot is already ${label(to)}` };
  const rule = RULES[to];
  if (!rule || !rule.from.includes(lot.status)) {
    const options = nextStatuses(lot.status);
    const hint = options.length > 0 ? `; from ${label(lot.status)} it can go to ${options.map(label).join(', ')}` : `; ${label(lot.status)} is final`;
    return { ok: false, code: 'not_allowed', reason: `a lot cannot go from ${label(lot.status)} to ${label(to)}${hint}` };
  }
  if (!request.roles.some((r) => rule.roles.includes(r))) {
    return { ok: false, code: 'role', reason: `only ${rule.roles.join(' or ')} may make a lot ${label(to)}` };
  }
  if (request.reason.trim().length === 0) return { ok: false, code: 'reason_required', reason: 'a reason is required' };
  if (request.meaning === null) return { ok: false, code: 'meaning_required', reason: 'the signature needs a meaning' };
  if (!rule.meanings.includes(request.meaning)) {
    return { ok: false, code: 'meaning_not_allowed', reason: `a signature meaning '${request.meaning}' does not fit making a lot ${label(to)} (use ${rule.meanings.join(' or ')})` };
  }
  if (to === 'released' && lot.expiresOn !== null && lot.expiresOn < request.today) {
    return { ok: false, code: 'expired', reason: `the lot expired on ${lot.expiresOn} and cannot be released` };
  }
  return { ok: true, from: lot.status, to };
}

/** Whether the expiry job should move this lot to expired today. A lot is usable on its expiry date. */
export function isDueToExpire(lot: LotForTransition, today: string): boolean {
  return lot.expiresOn !== null && lot.expiresOn < today && EXPIRABLE.includes(lot.status);
}
