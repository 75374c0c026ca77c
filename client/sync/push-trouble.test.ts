import { describe, expect, it } from 'vitest';
import { SyncHttpError } from './replication';
import { FAILED_PUSHES_TO_BLOCK, afterPush, type PushTrouble } from './push-trouble';

const clear: PushTrouble = { failures: 0, blocked: null };
const serverError = new SyncHttpError(500, 'internal', 'Something went wrong on the server. The error was logged.');

describe('a handheld whose pushes keep failing', () => {
  it(`shows sending as stuck, with the server's reason, after ${FAILED_PUSHES_TO_BLOCK} error answers in a row`, () => {
    let trouble = clear;
    for (let i = 1; i < FAILED_PUSHES_TO_BLOCK; i++) {
      trouble = afterPush(trouble, serverError);
      expect(trouble.blocked).toBeNull();
    }
    trouble = afterPush(trouble, serverError);
    expect(trouble.blocked).toEqual({ code: 'push_failing', message: serverError.message, params: { count: FAILED_PUSHES_TO_BLOCK, reason: serverError.message, cause: 'internal' } });
  });

  it('is offline, not stuck, when the network fails; a push that goes through clears it', () => {
    const stuck = [serverError, serverError, serverError].reduce(afterPush, clear);
    expect(afterPush(stuck, new TypeError('Failed to fetch'))).toBe(stuck);
    expect(afterPush(clear, new TypeError('Failed to fetch'))).toEqual(clear);
    expect(afterPush(stuck, null)).toEqual(clear);
  });
});
