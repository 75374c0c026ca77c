/**
 * Where every scan goes before a screen handles it. A scan can come before the screen that
 * should read it is ready: its chunk still loading, or its local lists (locations, items) not yet
 * read, where a location would be judged unknown against an empty list. The inbox holds such scans
 * and hands them on, in the order they came, once a screen says it is ready. Scans are also handed
 * on one at a time: the next waits until the screen has handled the last one and drawn what it
 * changed, so a location scanned straight after a label is judged with the label in place.
 */

/** What a screen gives the inbox to read its scans. */
export interface ScanReader {
  /** Handles one scan; a promise means the scan is handled once it settles. */
  read(scan: string): void | Promise<void>;
}

export interface ScanInboxOptions {
  /** A scan held longer than this with no ready screen is dropped: it was meant for a screen long gone. */
  holdMs: number;
  /** At most this many scans are held; the oldest go first. */
  maxHeld: number;
  /** A screen's handling that has not settled after this long no longer holds the next scan back. */
  settleMs: number;
  /** After a scan is handled, the next waits this long at most for the screen to draw. */
  drawMs: number;
}

export const DEFAULT_INBOX: ScanInboxOptions = { holdMs: 20_000, maxHeld: 10, settleMs: 5_000, drawMs: 50 };

/** A screen's place in the inbox, for as long as it reads scans. */
export interface ScanSubscription {
  /** The screen drew; `ready` says whether it can judge a scan now. */
  drawn(ready: boolean): void;
  close(): void;
}

interface Subscriber {
  reader: ScanReader;
  ready: boolean;
  /** How often the screen has drawn since it opened. */
  draws: number;
  /** Set while a scan handed to this screen waits for the screen to draw. */
  onDrawn: (() => void) | null;
}

interface Held {
  scan: string;
  at: number;
}

export class ScanInbox {
  /** The last to open reads: a screen's part that reads scans for a while opens on top of it. */
  private readonly subscribers: Subscriber[] = [];
  private held: Held[] = [];
  private busy = false;

  constructor(
    private readonly options: ScanInboxOptions = DEFAULT_INBOX,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** How many scans wait for a ready screen. */
  get waiting(): number {
    return this.held.length;
  }

  open(reader: ScanReader, ready: boolean): ScanSubscription {
    const subscriber: Subscriber = { reader, ready, draws: 0, onDrawn: null };
    this.subscribers.push(subscriber);
    this.pumpSoon();
    return {
      drawn: (nowReady) => {
        subscriber.ready = nowReady;
        subscriber.draws += 1;
        const waiting = subscriber.onDrawn;
        subscriber.onDrawn = null;
        waiting?.();
        this.pumpSoon();
      },
      close: () => {
        const at = this.subscribers.indexOf(subscriber);
        if (at >= 0) this.subscribers.splice(at, 1);
        // A screen closing mid-scan must not hold the next scan back for another screen.
        const waiting = subscriber.onDrawn;
        subscriber.onDrawn = null;
        waiting?.();
      },
    };
  }

  /** A scan has been read; it is handled now if a screen is ready and idle, else held. */
  post(scan: string): void {
    this.held.push({ scan, at: this.now() });
    if (this.held.length > this.options.maxHeld) this.held.splice(0, this.held.length - this.options.maxHeld);
    this.pump();
  }

  /** Drops every held scan: the user went to another screen, and they were meant for the last. */
  clear(): void {
    this.held = [];
  }

  private pumpSoon(): void {
    // Not from inside a screen's drawing: the screen's handler sets state.
    setTimeout(() => this.pump(), 0);
  }

  private pump(): void {
    const oldest = this.now() - this.options.holdMs;
    this.held = this.held.filter((h) => h.at >= oldest);
    if (this.busy || this.held.length === 0) return;
    const subscriber = this.subscribers.at(-1);
    if (!subscriber?.ready) return;
    const { scan } = this.held.shift()!;
    this.busy = true;
    let handling: void | Promise<void>;
    try {
      handling = subscriber.reader.read(scan);
    } catch (error) {
      handling = Promise.reject(error);
    }
    if (handling instanceof Promise) {
      // What an async handler changes is drawn after it settles: wait for a drawing after that.
      void withTimeout(handling, this.options.settleMs).then(() => this.afterDrawing(subscriber, subscriber.draws));
    } else {
      // A handler that returned has changed all it will: any drawing since it was called shows it.
      const drawsBefore = subscriber.draws;
      void Promise.resolve().then(() => this.afterDrawing(subscriber, drawsBefore));
    }
  }

  private afterDrawing(subscriber: Subscriber, drawsBefore: number): void {
    let done = false;
    const next = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      this.busy = false;
      this.pumpSoon();
    };
    if (subscriber.draws > drawsBefore || !this.subscribers.includes(subscriber)) {
      this.busy = false;
      this.pumpSoon();
      return;
    }
    // A scan that changed nothing draws nothing: the wait for a drawing is bounded.
    const timer = setTimeout(next, this.options.drawMs);
    subscriber.onDrawn = next;
  }
}

/** Settles when the promise does, or after ms, whichever is first; never rejects. */
function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    promise
      .then(
        () => resolve(),
        (error: unknown) => {
          // The screen's own failure; the scans after it must still be read.
          console.error('A scan handler failed', error);
          resolve();
        },
      )
      .finally(() => clearTimeout(timer));
  });
}
