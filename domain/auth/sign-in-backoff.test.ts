import { describe, expect, it } from 'vitest';
import { signingRolesGranted } from './separation';
import { backoffSeconds, secondsUntil, windowStart } from './sign-in-backoff';

const rule = { freeFailures: 5, maxDelaySeconds: 300 };

describe('backoffSeconds', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [13, 256],
    [14, 300],
    [1000, 300],
  ])('after %i failures in a row the next check waits %i s', (failures, seconds) => {
    expect(backoffSeconds(failures, rule)).toBe(seconds);
  });

  it('never exceeds the cap', () => {
    for (let n = 0; n < 200; n++) expect(backoffSeconds(n, rule)).toBeLessThanOrEqual(300);
  });
});

describe('windows and waits', () => {
  it('puts attempts of the same quarter hour in one window', () => {
    expect(windowStart(new Date('2025-03-01T10:14:59Z'), 15).toISOString()).toBe('2025-03-01T10:00:00.000Z');
    expect(windowStart(new Date('2025-03-01T10:15:00Z'), 15).toISOString()).toBe('2025-03-01T10:15:00.000Z');
  });

  it('rounds a wait up to whole seconds and never answers 0', () => {
    const now = new Date('2025-03-01T10:00:00Z');
    expect(secondsUntil(new Date(now.getTime() + 1500), now)).toBe(2);
    expect(secondsUntil(now, now)).toBe(1);
  });
});

describe('signingRolesGranted', () => {
  it.each([
    [['operator'], ['operator', 'qc'], ['qc']],
    [['qc'], ['qc', 'labeladmin'], []],
    [['admin'], ['admin', 'supervisor', 'qc'], ['supervisor', 'qc']],
    [['qc'], ['operator'], []],
  ] as const)('%j -> %j grants %j', (before, after, granted) => {
    expect(signingRolesGranted(before, after)).toEqual(granted);
  });
});
