import type { Deadline, DeadlineKind } from './clock';
import type { IsoDate } from './holidays';

export type DeadlineAlertKind = 'due_soon' | 'overdue';

export interface DeadlineAlert {
  deadline: DeadlineKind;
  kind: DeadlineAlertKind;
  dueOn: IsoDate;
}

/**
 * The alerts a case's clocks call for today: one when a deadline comes within the lead, and one
 * more once it has passed. Keyed by the due day as well, so a clock that moves (a recall completed
 * later than first thought) warns again for its new day.
 */
export function deadlineAlerts(clocks: readonly Deadline[]): DeadlineAlert[] {
  return clocks.flatMap((d): DeadlineAlert[] => (d.state === 'due_soon' || d.state === 'overdue' ? [{ deadline: d.kind, kind: d.state, dueOn: d.dueAt }] : []));
}
