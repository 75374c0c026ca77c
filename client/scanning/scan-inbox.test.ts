import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScanInbox, type ScanInboxOptions } from './scan-inbox';

const OPTIONS: ScanInboxOptions = { holdMs: 20_000, maxHeld: 10, settleMs: 5_000, drawMs: 50 };

/** A screen as React drives it: it draws (a layout effect) some time after its state changes. */
function screen(inbox: ScanInbox, ready = true) {
  const read: string[] = [];
  const subscription = inbox.open({ read: (scan) => void read.push(scan) }, false);
  subscription.drawn(ready);
  return { read, subscription };
}

describe('the scan inbox', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands a scan to a ready, idle screen at once, inside the key event', async () => {
    const inbox = new ScanInbox(OPTIONS);
    const { read } = screen(inbox);
    await vi.runOnlyPendingTimersAsync();
    inbox.post('LOC-A');
    expect(read).toEqual(['LOC-A']);
  });

  it('holds a scan sent while the screen is still loading, and hands it over when the screen opens', async () => {
    const inbox = new ScanInbox(OPTIONS);
    inbox.post(']d2010690123400001710LOT1');
    expect(inbox.waiting).toBe(1);
    const { read } = screen(inbox);
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toEqual([']d2010690123400001710LOT1']);
    expect(inbox.waiting).toBe(0);
  });

  it('holds scans while the screen cannot judge them yet, and hands them over in order once it can', async () => {
    const inbox = new ScanInbox(OPTIONS);
    const { read, subscription } = screen(inbox, false);
    inbox.post('FIRST');
    inbox.post('SECOND');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(read).toEqual([]);
    subscription.drawn(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toEqual(['FIRST']);
    // The screen draws what the first scan changed; only then does the second come.
    subscription.drawn(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toEqual(['FIRST', 'SECOND']);
  });

  it('gives the next scan only after the last one is handled and drawn', async () => {
    const inbox = new ScanInbox(OPTIONS);
    const read: string[] = [];
    let finish: () => void = () => undefined;
    const subscription = inbox.open(
      {
        read: (scan) => {
          read.push(scan);
          return new Promise<void>((resolve) => (finish = resolve));
        },
      },
      true,
    );
    await vi.advanceTimersByTimeAsync(0);
    inbox.post('LABEL');
    inbox.post('LOCATION');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(read).toEqual(['LABEL']);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    // Settled, but the screen has not drawn its new state: the location must not be judged without it.
    expect(read).toEqual(['LABEL']);
    subscription.drawn(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toEqual(['LABEL', 'LOCATION']);
  });

  it('does not wait forever for a drawing that a scan which changed nothing never causes', async () => {
    const inbox = new ScanInbox(OPTIONS);
    const { read } = screen(inbox);
    await vi.advanceTimersByTimeAsync(0);
    inbox.post('A');
    inbox.post('B');
    expect(read).toEqual(['A']);
    await vi.advanceTimersByTimeAsync(OPTIONS.drawMs + 1);
    expect(read).toEqual(['A', 'B']);
  });

  it('goes on after a handler that fails or never settles', async () => {
    const inbox = new ScanInbox(OPTIONS);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const read: string[] = [];
    inbox.open(
      {
        read: (scan) => {
          read.push(scan);
          if (scan === 'THROWS') throw new Error('broken screen');
          if (scan === 'HANGS') return new Promise<void>(() => undefined);
        },
      },
      true,
    );
    await vi.advanceTimersByTimeAsync(0);
    inbox.post('THROWS');
    inbox.post('HANGS');
    inbox.post('AFTER');
    await vi.advanceTimersByTimeAsync(OPTIONS.drawMs + 10);
    expect(read).toEqual(['THROWS', 'HANGS']);
    expect(errors).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(OPTIONS.settleMs + OPTIONS.drawMs);
    expect(read).toEqual(['THROWS', 'HANGS', 'AFTER']);
    errors.mockRestore();
  });

  it('drops scans held too long, too many, or meant for the screen the user left', async () => {
    const inbox = new ScanInbox(OPTIONS);
    inbox.post('STALE');
    await vi.advanceTimersByTimeAsync(OPTIONS.holdMs + 1);
    for (let i = 1; i <= 12; i++) inbox.post(`S${i}`);
    const { read, subscription } = screen(inbox);
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 12; i++) {
      subscription.drawn(true);
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(read).toEqual(['S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10', 'S11', 'S12']);

    subscription.close();
    inbox.post('FOR THE OLD SCREEN');
    inbox.clear();
    const next = screen(inbox);
    await vi.advanceTimersByTimeAsync(100);
    expect(next.read).toEqual([]);
  });

  it('gives scans to the part of the screen that opened last, and back when it closes', async () => {
    const inbox = new ScanInbox(OPTIONS);
    const page = screen(inbox);
    const dialog = screen(inbox);
    await vi.advanceTimersByTimeAsync(0);
    inbox.post('TO DIALOG');
    dialog.subscription.close();
    await vi.advanceTimersByTimeAsync(0);
    inbox.post('TO PAGE');
    expect(dialog.read).toEqual(['TO DIALOG']);
    expect(page.read).toEqual(['TO PAGE']);
  });
});
