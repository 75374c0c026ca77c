/** One enrolment of a handheld, as far as the line of its enrolments goes. */
export interface EnrolmentLink {
  id: string;
  /** The enrolment this one replaces, once that is recorded. */
  replaces: string | null;
  /** The enrolment that replaced this one, if any. */
  replacedBy: string | null;
}

export type ReEnrolmentRefusal = 'same_device' | 'device_replaces_another' | 'device_already_replaced' | 'replacement_cycle';

export type ReEnrolmentVerdict = { kind: 'link' } | { kind: 'already_linked' } | { kind: 'refused'; code: ReEnrolmentRefusal };

/**
 * May the enrolment `current` record that it replaces `previous`? A handheld's enrolments form
 * one line: each replaces at most one and is replaced by at most one, and the line never comes
 * back to itself, so every device id on it belongs to exactly one handheld. `previousLine` is
 * `previous` and every enrolment it replaces, however far back. Asking again for a link already
 * made is answered as made, so a handheld that lost the answer can ask again.
 */
export function judgeReEnrolment(current: EnrolmentLink, previous: EnrolmentLink, previousLine: readonly string[]): ReEnrolmentVerdict {
  if (current.id === previous.id) return { kind: 'refused', code: 'same_device' };
  if (current.replaces === previous.id) return { kind: 'already_linked' };
  if (current.replaces !== null) return { kind: 'refused', code: 'device_replaces_another' };
  if (previous.replacedBy !== null) return { kind: 'refused', code: 'device_already_replaced' };
  if (previousLine.includes(current.id)) return { kind: 'refused', code: 'replacement_cycle' };
  return { kind: 'link' };
}
