import type { RecallState } from '../../../../domain/recall';

/** A case's state as a tag colour: red while goods are out there, green once closed. */
export function recallStateColour(state: RecallState): string | undefined {
  switch (state) {
    case 'open':
    case 'recovering':
      return 'red';
    case 'closed':
      return 'green';
    case 'draft':
      return 'gold';
    case 'cancelled':
      return undefined;
  }
}
