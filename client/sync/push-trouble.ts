import type { SyncRefusal } from './refusal';

/** Pushes in a row the server answered with an error before the handheld says it is stuck, not offline. */
export const FAILED_PUSHES_TO_BLOCK = 3;

export interface PushTrouble {
  /** Pushes in a row the server answered with an error. */
  failures: number;
  /** Set once they are enough: why sending is stuck, for the sync bar. */
  blocked: SyncRefusal | null;
}

interface HttpErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  status?: unknown;
}

/**
 * The push trouble after one more push: a success clears it; an error answer from the server
 * (a 500, a refused batch) counts, since retrying the same batch every few seconds will not cure
 * it; a network failure does not count either way, that is just offline.
 */
export function afterPush(trouble: PushTrouble, error: unknown): PushTrouble {
  if (error === null || error === undefined) return { failures: 0, blocked: null };
  const http = error as HttpErrorShape;
  if (http.name !== 'SyncHttpError' || typeof http.status !== 'number') return trouble;
  const failures = trouble.failures + 1;
  if (failures < FAILED_PUSHES_TO_BLOCK) return { failures, blocked: null };
  const reason = typeof http.message === 'string' && http.message ? http.message : `HTTP ${http.status}`;
  return { failures, blocked: { code: 'push_failing', message: reason, params: { count: failures, reason, cause: typeof http.code === 'string' ? http.code : 'http_error' } } };
}
