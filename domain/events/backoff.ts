export interface RetryPolicy {
  /** Wait after the first failure. */
  firstDelayMs: number;
  /** No wait longer than this. */
  maxDelayMs: number;
  /** Attempts in all before the delivery is dead-lettered. */
  maxAttempts: number;
}

/**
 * Ten seconds doubling to an hour, 12 attempts: about four hours of trying before a delivery
 * waits in the dead-letter list for someone to retry or replay it.
 */
export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 10_000, maxDelayMs: 3_600_000, maxAttempts: 12 };

/**
 * What to do after failed attempt number `attempts` (1-based): wait this long, or give up.
 * `jitter` in [0, 1) spreads retries of many deliveries so a receiver coming back is not hit by
 * all of them in one second; it takes off up to a fifth of the wait, never adds to it.
 */
export function afterFailure(attempts: number, policy: RetryPolicy = DEFAULT_RETRY, jitter = 0): { deadLetter: true } | { deadLetter: false; delayMs: number } {
  if (attempts >= policy.maxAttempts) return { deadLetter: true };
  const doubled = policy.firstDelayMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(policy.maxDelayMs, doubled);
  return { deadLetter: false, delayMs: Math.round(capped * (1 - 0.2 * Math.min(Math.max(jitter, 0), 0.999))) };
}
