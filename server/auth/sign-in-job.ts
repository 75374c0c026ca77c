import { systemClock } from '../clock';
import type { Db } from '../db';
import { pruneSignInState, type LoginLimit } from './rate-limit';
import { flushSignInTallies } from './sign-in-audit';

/**
 * Once a minute: writes the tallied refusals of closed windows to the audit trail (a flood
 * that stopped is on the record within a minute) and forgets counts that decide nothing.
 */
export function scheduleSignInRecords(db: Db, limit: LoginLimit, onError: (error: unknown) => void, everyMs = 60_000): { stop(): void } {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    const now = systemClock.now();
    flushSignInTallies(db, now)
      .then(() => pruneSignInState(db, { limit, clock: systemClock }))
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
