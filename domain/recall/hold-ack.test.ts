import { describe, expect, it } from 'vitest';
import { deviceHoldState, type DeviceHoldFacts } from './hold-ack';

const HELD = '2026-03-02T08:00:00.000Z';

describe('deviceHoldState', () => {
  it.each<[string, DeviceHoldFacts, ReturnType<typeof deviceHoldState>]>([
    ['acknowledged', { acknowledgedAt: '2026-03-02T08:00:01.000Z', lastSeenAt: '2026-03-02T08:00:01.000Z', heldAt: HELD }, 'has_hold'],
    ['seen after the hold, not yet acknowledged', { acknowledgedAt: null, lastSeenAt: '2026-03-02T08:00:00.500Z', heldAt: HELD }, 'catching_up'],
    ['seen at the very moment of the hold', { acknowledgedAt: null, lastSeenAt: HELD, heldAt: HELD }, 'catching_up'],
    ['last seen before the hold', { acknowledgedAt: null, lastSeenAt: '2026-03-01T17:30:00.000Z', heldAt: HELD }, 'not_synced'],
    ['never synced', { acknowledgedAt: null, lastSeenAt: null, heldAt: HELD }, 'not_synced'],
    ['a case that holds nothing yet', { acknowledgedAt: null, lastSeenAt: '2026-03-02T09:00:00.000Z', heldAt: null }, 'not_synced'],
  ])('%s', (_, facts, state) => {
    expect(deviceHoldState(facts)).toBe(state);
  });
});
