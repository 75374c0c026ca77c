/**
 * Keyboard-wedge scanners type a whole barcode in a few milliseconds and end it with Enter or
 * Tab. A burst of keys faster than any person types is one scan, wherever the focus is.
 *
 * A person's keys must reach the focused field exactly as typed, so the reader never drops a key
 * it is unsure of: the first key of a burst goes to the field (nothing can be known yet), the
 * following ones are held back while the burst lasts, and a burst that ends without being a scan
 * (too short, or no Enter/Tab before the gap) gives the held keys back in order.
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

/**
 * What to do with one key. `release` is text held back earlier that must be put into the field
 * first, in order; then the key itself is passed to the field, held back, or ends a scan (the
 * burst's first key, which the field already received, must then be taken back out of it).
 */
export type WedgeStep = { release: string } & ({ action: 'pass' } | { action: 'hold' } | { action: 'scan'; scan: string });

/** Keys a scanner sends around characters (Shift for capitals) that neither start nor end a burst. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);

/** GS has no printable form: a field never shows it, so it is never given back. */
function withoutGs(text: string): string {
  return text.replaceAll(GS, '');
}

export class WedgeReader {
  /** Characters of the current burst, the first of which went to the field. */
  private buffer = '';
  /** The part of the buffer kept out of the field. */
  private held = '';
  private last = 0;

  constructor(private readonly options: WedgeOptions = DEFAULT_WEDGE) {}

  /**
   * Feeds one keydown. `key` is KeyboardEvent.key, `at` its time stamp in ms; Ctrl+] is FNC1 on
   * many scanners.
   */
  key(key: string, at: number, ctrl = false): WedgeStep {
    if (MODIFIERS.has(key)) return { release: '', action: 'pass' };
    const release = this.expire(at);
    const char = this.characterOf(key, ctrl);
    if (key === 'Enter' || key === 'Tab') {
      const scan = this.buffer;
      const given = release + withoutGs(this.held);
      this.reset();
      if (scan.length >= this.options.minLength) return { release, action: 'scan', scan };
      return { release: given, action: 'pass' };
    }
    if (char === null) {
      // Backspace, arrows and shortcuts come from a person: the burst is over, the key is theirs.
      const given = release + withoutGs(this.held);
      this.reset();
      return { release: given, action: 'pass' };
    }
    this.last = at;
    if (this.buffer === '') {
      this.buffer = char;
      if (char === GS) {
        this.held = char;
        return { release, action: 'hold' };
      }
      return { release, action: 'pass' };
    }
    this.buffer += char;
    this.held += char;
    return { release, action: 'hold' };
  }

  /** Ends a burst whose gap has passed at `at` and returns the held text to give back to the field. */
  expire(at: number): string {
    if (this.buffer === '' || at - this.last <= this.options.maxGapMs) return '';
    const given = withoutGs(this.held);
    this.reset();
    return given;
  }

  /**
   * Gives the held text back without ending the burst: the page's timer saw no key for longer
   * than the gap, but on a busy main thread the next keys of a scan may still be queued, their
   * time stamps inside the gap. Such a key carries the burst on (and a scan that ends it takes
   * everything given back out of the field again, with its first key); a key past the gap starts
   * afresh.
   */
  releaseHeld(): string {
    const given = withoutGs(this.held);
    this.held = '';
    return given;
  }

  /** Ends the current burst now (the person reached for the screen) and returns its held text. */
  flush(): string {
    const given = withoutGs(this.held);
    this.reset();
    return given;
  }

  /** True while a burst is being read. */
  get reading(): boolean {
    return this.buffer.length > 0;
  }

  private characterOf(key: string, ctrl: boolean): string | null {
    if (ctrl) return key === ']' ? GS : null;
    if (key === 'GroupSeparator' || key === this.options.fnc1Substitute) return GS;
    return key.length === 1 || (key.length === 2 && key.codePointAt(0)! > 0xffff) ? key : null;
  }

  private reset(): void {
    this.buffer = '';
    this.held = '';
  }
}
