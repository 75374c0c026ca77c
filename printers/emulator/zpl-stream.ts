/**
 * Splits a byte stream into ZPL formats (^XA ... ^XZ) and immediate tilde commands, the way a
 * printer reads it: ~HS and ~HI are answered at once even in the middle of a format, and a
 * format may arrive in any number of chunks.
 */
export type ZplEvent = { kind: 'format'; zpl: string } | { kind: 'command'; command: 'HS' | 'HI' };

export class ZplStreamReader {
  private buffer = '';

  push(chunk: string): ZplEvent[] {
    this.buffer += chunk;
    const events: ZplEvent[] = [];
    for (;;) {
      const tilde = /~(HS|HI)/.exec(this.buffer);
      const start = this.buffer.indexOf('^XA');
      const end = start === -1 ? -1 : this.buffer.indexOf('^XZ', start + 3);
      const formatReady = start !== -1 && end !== -1;
      if (tilde && (!formatReady || tilde.index < end)) {
        events.push({ kind: 'command', command: tilde[1] as 'HS' | 'HI' });
        this.buffer = this.buffer.slice(0, tilde.index) + this.buffer.slice(tilde.index + 3);
        continue;
      }
      if (formatReady) {
        events.push({ kind: 'format', zpl: this.buffer.slice(start, end + 3) });
        this.buffer = this.buffer.slice(end + 3);
        continue;
      }
      // Keep only what could still become part of a format or a command.
      if (start === -1) this.buffer = this.buffer.slice(Math.max(0, this.buffer.length - 2));
      return events;
    }
  }

  /** Bytes of an unfinished format (lost if the connection drops now). */
  get pending(): string {
    return this.buffer;
  }
}

/** ^PQ: the number of labels a format prints (1 when absent). */
export function labelQuantity(zpl: string): number {
  const match = /\^PQ(\d+)/.exec(zpl);
  const qty = match ? Number(match[1]) : 1;
  return qty > 0 ? qty : 1;
}
