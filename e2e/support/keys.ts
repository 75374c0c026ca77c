import type { CDPSession, Page } from 'playwright-core';

/**
 * Real key events, as the two kinds of keyboard on a handheld send them: a person at a keypad or
 * desktop keyboard, and a keyboard-wedge scanner.
 */

/** Types like a person: one key at a time, 80-150 ms apart (a fixed pattern, so a failure reproduces). */
export async function typeLikeAPerson(page: Page, text: string): Promise<void> {
  const gaps = [80, 150, 110, 95, 130, 85, 140];
  let i = 0;
  for (const ch of text) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(gaps[i++ % gaps.length]!);
  }
}

const sessions = new WeakMap<Page, CDPSession>();

async function cdpOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

const CONTROL = 2;

/**
 * Types like a wedge scanner: trusted key events 3 ms apart by their time stamps (so a loaded test
 * machine cannot stretch the burst into a person's typing), GS as Ctrl+], ending in Enter or Tab
 * unless the burst is cut short. Keys the app does not hold back land in the focused field, as on
 * a device.
 */
export async function scanLikeAScanner(page: Page, data: string, options: { end?: 'Enter' | 'Tab' | null; gapMs?: number } = {}): Promise<void> {
  const cdp = await cdpOf(page);
  const gap = (options.gapMs ?? 3) / 1000;
  const end = options.end === undefined ? 'Enter' : options.end;
  const start = Date.now() / 1000;
  const keys = [...data, ...(end ? [end] : [])];
  // Sent without waiting in between: a scanner floods the input queue the same way.
  await Promise.all(
    keys.flatMap((ch, i) => {
      const at = start + i * gap;
      if (ch === '\x1d') {
        return [
          cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: ']', code: 'BracketRight', windowsVirtualKeyCode: 221, modifiers: CONTROL, timestamp: at }),
          cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ']', code: 'BracketRight', windowsVirtualKeyCode: 221, modifiers: CONTROL, timestamp: at + gap / 2 }),
        ];
      }
      if (ch === 'Enter' || ch === 'Tab') {
        const code = ch === 'Enter' ? 13 : 9;
        return [
          cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, code: ch, windowsVirtualKeyCode: code, ...(ch === 'Enter' ? { text: '\r' } : {}), timestamp: at }),
          cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, code: ch, windowsVirtualKeyCode: code, timestamp: at + gap / 2 }),
        ];
      }
      return [
        cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, timestamp: at }),
        cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, timestamp: at + gap / 2 }),
      ];
    }),
  );
}
