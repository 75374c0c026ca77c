import { describe, expect, it } from 'vitest';
import { effectivenessResults, type CheckedConsignee, type EffectivenessCheck } from '.';

const check = (id: number, at: string, reached: boolean, receivedNotice: boolean | null, followedInstructions: boolean | null, note = ''): EffectivenessCheck => ({
  id, method: 'phone', reached, receivedNotice, followedInstructions, onHand: null, note, checkerName: '陈静', checkedAt: at,
});
const consignee = (code: string, checks: EffectivenessCheck[]): CheckedConsignee => ({
  customerId: `c-${code}`, code, name: `${code} name`, reply: null, checks, contacts: [], escalation: { state: 'not_contacted' } as CheckedConsignee['escalation'],
});
const draw = { level: 'B' as const, percent: 50, seed: 's', consignees: 8, required: 4, drawnBy: 'qa', drawnAt: '2026-06-01T00:00:00.000Z' };

describe('what the effectiveness checks found', () => {
  it('counts each consignee by its latest check, and names those where the recall was not effective', () => {
    const r = effectivenessResults({
      draw,
      consignees: [
        // Not reached first, then reached and all well: counts as effective.
        consignee('A', [check(2, '2026-06-02T10:00:00.000Z', true, true, true), check(1, '2026-06-01T10:00:00.000Z', false, null, null)]),
        consignee('B', [check(3, '2026-06-02T10:00:00.000Z', true, false, null, 'letter went to the old ward')]),
        consignee('C', [check(4, '2026-06-02T10:00:00.000Z', true, true, false, 'still on the shelf')]),
        // Two checks at the same moment: the later recorded one stands.
        consignee('D', [check(5, '2026-06-02T10:00:00.000Z', true, true, true), check(6, '2026-06-02T10:00:00.000Z', false, null, null, 'closed')]),
        consignee('E', []),
      ],
    });
    expect(r).toEqual({
      selected: 5,
      required: 4,
      checked: 4,
      reached: 3,
      receivedNotice: 2,
      followedInstructions: 1,
      failed: [
        { code: 'B', name: 'B name', finding: 'no_notice', note: 'letter went to the old ward', checkedAt: '2026-06-02T10:00:00.000Z' },
        { code: 'C', name: 'C name', finding: 'not_followed', note: 'still on the shelf', checkedAt: '2026-06-02T10:00:00.000Z' },
        { code: 'D', name: 'D name', finding: 'not_reached', note: 'closed', checkedAt: '2026-06-02T10:00:00.000Z' },
      ],
    });
  });

  it('has nothing to count before the draw', () => {
    expect(effectivenessResults({ draw: null, consignees: [] })).toEqual({ selected: null, required: null, checked: 0, reached: 0, receivedNotice: 0, followedInstructions: 0, failed: [] });
  });
});
