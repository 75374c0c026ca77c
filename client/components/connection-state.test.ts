import { describe, expect, it } from 'vitest';
import { shownConnection } from './connection-state';

const revoked = { online: true, blocked: { code: 'device_revoked', message: 'revoked' } };

describe('the connection state in the top bar', () => {
  it('is one state: a revoked handheld whose server answers is blocked, not online and offline at once', () => {
    expect(shownConnection('online', revoked, true)).toBe('blocked');
    expect(shownConnection('online', { online: false, blocked: null }, true)).toBe('offline');
    expect(shownConnection('offline', { online: true, blocked: null }, true)).toBe('offline');
    expect(shownConnection('online', { online: true, blocked: null }, true)).toBe('online');
    expect(shownConnection('checking', { online: true, blocked: null }, true)).toBe('checking');
  });

  it('on a console without enrolment follows the server alone', () => {
    expect(shownConnection('online', { online: false, blocked: null }, false)).toBe('online');
    expect(shownConnection('offline', { online: true, blocked: null }, false)).toBe('offline');
  });
});
