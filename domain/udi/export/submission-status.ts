/**
 * Where an export stands with the regulator. It is generated here, submitted by the regulatory
 * team, then accepted (with the authority's reference) or rejected (with its message). A
 * rejected export stays rejected: the corrected data goes in a new export.
 */
export const SUBMISSION_STATUSES = ['generated', 'submitted', 'accepted', 'rejected'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

const NEXT: Readonly<Record<SubmissionStatus, readonly SubmissionStatus[]>> = {
  generated: ['submitted'],
  submitted: ['accepted', 'rejected'],
  accepted: [],
  rejected: [],
};

export interface StatusChange {
  to: SubmissionStatus;
  /** The authority's reference: its acknowledgement or registration number. */
  reference: string | null;
  /** The authority's rejection message, as it gave it. */
  message: string | null;
}

export type StatusJudgement = { ok: true } | { ok: false; code: 'illegal_status_change' | 'reference_required' | 'rejection_message_required'; field: string; message: string };

export function judgeStatusChange(from: SubmissionStatus, change: StatusChange): StatusJudgement {
  if (!NEXT[from].includes(change.to)) {
    const allowed = NEXT[from];
    return {
      ok: false,
      code: 'illegal_status_change',
      field: 'status',
      message: `An export ${from} cannot become ${change.to}: ${allowed.length > 0 ? `only ${allowed.join(' or ')} follows` : 'that is final; make a new export'}.`,
    };
  }
  if (change.to === 'accepted' && change.reference === null)
    return { ok: false, code: 'reference_required', field: 'reference', message: "An acceptance is recorded with the authority's reference." };
  if (change.to === 'rejected' && change.message === null)
    return { ok: false, code: 'rejection_message_required', field: 'message', message: "A rejection is recorded with the authority's message." };
  return { ok: true };
}
