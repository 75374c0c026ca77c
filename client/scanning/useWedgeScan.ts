import { useLayoutEffect, useRef } from 'react';
import { readWedgeKeys } from './keyboard-wedge';
import { ScanInbox, type ScanSubscription } from './scan-inbox';

const inbox = new ScanInbox();
let reading = false;

/**
 * Starts reading the keyboard wedge for the whole app. The handheld starts it before its first
 * paint: a clerk who opens a screen and scans at once must not lose the scan while the screen's
 * chunk or its local lists load. A new address drops what was held for the last one.
 */
export function startScanReading(): void {
  if (reading) return;
  reading = true;
  readWedgeKeys((scan) => inbox.post(scan));
  window.addEventListener('hashchange', () => inbox.clear());
}

export interface WedgeScanOptions {
  /** Off while another part of the screen reads the scanner instead. */
  enabled?: boolean;
  /** False while the screen cannot judge a scan yet (its lists still loading): scans wait. */
  ready?: boolean;
}

/**
 * Calls onScan for every wedge scan while the component is mounted, enabled and ready, one scan
 * at a time: a scan waits for the handling of the one before (its promise, if onScan returns one)
 * and for the screen to draw it.
 */
export function useWedgeScan(onScan: (scan: string) => void | Promise<void>, { enabled = true, ready = true }: WedgeScanOptions = {}): void {
  const handler = useRef(onScan);
  const subscription = useRef<ScanSubscription | null>(null);
  // Layout effects, so that a scan waiting for this screen is read by the handler of the drawing
  // the user sees, and the inbox opens before the browser paints the screen.
  useLayoutEffect(() => {
    if (!enabled) return;
    startScanReading();
    const opened = inbox.open({ read: (scan) => handler.current(scan) }, false);
    subscription.current = opened;
    return () => {
      opened.close();
      subscription.current = null;
    };
  }, [enabled]);
  useLayoutEffect(() => {
    handler.current = onScan;
    subscription.current?.drawn(ready);
  });
}
