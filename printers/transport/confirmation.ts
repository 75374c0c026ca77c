import type { HostStatus } from './host-status';

/**
 * Where a label stands by the printer's own word. `printed`: the printer is ready and its buffer
 * is empty, so the label came out. `in_printer`: it is still in the buffer (printing, paused, out
 * of paper); it prints when the printer can. `lost`: the printer is faulted and holds nothing —
 * some printers throw a format away while out of paper or open, so it may never come out.
 */
export type LabelStanding = { standing: 'printed' } | { standing: 'in_printer'; reason: string } | { standing: 'lost'; reason: string };

export function fault(status: HostStatus): string | null {
  if (status.paperOut) return 'paper out';
  if (status.headOpen) return 'head open';
  if (status.paused) return 'paused';
  if (status.ribbonOut) return 'ribbon out';
  if (status.bufferFull) return 'buffer full';
  if (status.corruptRam) return 'corrupt RAM';
  if (status.overTemperature) return 'over temperature';
  return null;
}

const holding = (status: HostStatus) => status.formatsInBuffer > 0 || status.labelsRemaining > 0;

/** The standing of the one label just sent, from the ~HS answered behind it on the same connection. */
export function standingAfterSend(status: HostStatus): LabelStanding {
  const faulted = fault(status);
  if (holding(status)) return { standing: 'in_printer', reason: faulted ? `held by the printer (${faulted})` : 'printing' };
  if (faulted) return { standing: 'lost', reason: `the printer reported ${faulted} and an empty buffer right after taking the label` };
  return { standing: 'printed' };
}

/**
 * The standing of a label already in the printer, from a later ~HS (or its absence). While the
 * printer is faulted its buffer must keep the label; a buffer that empties while faulted was
 * cleared, and a printer that stops answering may have been switched off: either way the label
 * is in doubt. A ready printer with an empty buffer printed it.
 */
export function standingWhileHeld(status: HostStatus | Error): LabelStanding {
  if (status instanceof Error) return { standing: 'lost', reason: `the printer stopped answering while it held the label (${status.message})` };
  const faulted = fault(status);
  if (holding(status)) return { standing: 'in_printer', reason: faulted ? `held by the printer (${faulted})` : 'printing' };
  if (faulted) return { standing: 'lost', reason: `the printer's buffer emptied while it was ${faulted}: the label was cleared, not printed` };
  return { standing: 'printed' };
}
