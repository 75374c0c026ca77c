/**
 * Keyboard-wedge scanners type a whole barcode in a few milliseconds and end it with Enter or
 * Tab. A burst of keys faster than any person types is one scan, wherever the focus is.
 */
export interface WedgeOptions {
  /** Longest gap between two keys of one scan. */
  maxGapMs: number;
  minLength: number;
  /** A character some scanners are set to send for FNC1 instead of GS. */
  fnc1Substitute?: string | undefined;
}

export const DEFAULT_WEDGE: WedgeOptions = { maxGapMs: 35, minLength: 4 };

export const GS = '\x1d';

export class WedgeReader {
  private buffer = '';
  private last = 0;

  constructor(private readonly options: WedgeOptions = DEFAULT_WEDGE) {}

  /**
   * Feeds one key; returns the scan when this key ended one. `key` is KeyboardEvent.key; Ctrl+]
   * is FNC1 on many scanners.
   */
  key(key: string, at: number, ctrl = false): string | null {
    if (at - this.last > this.options.maxGapMs) this.buffer = '';
    this.last = at;
    if (key === 'Enter' || key === 'Tab') {
      const scan = this.buffer;
      this.buffer = '';
      return scan.length >= this.options.minLength ? scan : null;
    }
    if (ctrl && key === ']') this.buffer += GS;
    else if (key === this.options.fnc1Substitute) this.buffer += GS;
    else if (key.length === 1) this.buffer += key;
    else if (key === 'GroupSeparator') this.buffer += GS;
    return null;
  }

  /** True while a burst is being read: the key should not reach the focused field. */
  get reading(): boolean {
    return this.buffer.length > 0;
  }
}
