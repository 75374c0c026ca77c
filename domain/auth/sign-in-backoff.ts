/**
 * How long one account must wait before its next password is even checked. The first few
 * failures in a row are free (people mistype); after that every failure doubles the wait, up
 * to a cap, so a guesser gets few tries an hour while the real user is only ever delayed.
 */
export interface BackoffRule {
  /** Consecutive failures answered without any wait. */
  freeFailures: number;
  /** The longest wait, whatever the number of failures. */
  maxDelaySeconds: number;
}

/** The wait imposed by the `failures`-th consecutive failure: 0 before the free ones run out, then 1, 2, 4 ... seconds. */
export function backoffSeconds(failures: number, rule: BackoffRule): number {
  if (failures < rule.freeFailures) return 0;
  const exponent = failures - rule.freeFailures;
  // 2^31 s is already far beyond any cap; stop there so the number stays exact.
  return Math.min(exponent >= 31 ? Number.POSITIVE_INFINITY : 2 ** exponent, rule.maxDelaySeconds);
}

/** A per-address window counts from a fixed boundary, so every instance agrees on which window an attempt falls in. */
export function windowStart(at: Date, minutes: number): Date {
  const size = minutes * 60_000;
  return new Date(Math.floor(at.getTime() / size) * size);
}

/** Whole seconds until `until`, at least 1: a Retry-After of 0 would invite an immediate retry. */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
