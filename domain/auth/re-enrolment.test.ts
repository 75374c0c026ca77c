import { describe, expect, it } from 'vitest';
import { judgeReEnrolment, type EnrolmentLink } from './re-enrolment';

const link = (id: string, replaces: string | null = null, replacedBy: string | null = null): EnrolmentLink => ({ id, replaces, replacedBy });

describe('judgeReEnrolment', () => {
  it.each<[string, EnrolmentLink, EnrolmentLink, string[], ReturnType<typeof judgeReEnrolment>]>([
    ['a fresh enrolment takes over a revoked one', link('B'), link('A'), ['A'], { kind: 'link' }],
    ['and the line behind it', link('C'), link('B', 'A'), ['B', 'A'], { kind: 'link' }],
    ['asking again for the same link', link('B', 'A'), link('A', null, 'B'), ['A'], { kind: 'already_linked' }],
    ['an enrolment cannot replace itself', link('A'), link('A'), ['A'], { kind: 'refused', code: 'same_device' }],
    ['an enrolment replaces one enrolment only', link('C', 'A'), link('B'), ['B'], { kind: 'refused', code: 'device_replaces_another' }],
    ['an enrolment is replaced once only', link('C'), link('A', null, 'B'), ['A'], { kind: 'refused', code: 'device_already_replaced' }],
    ['the line never comes back to the enrolment that asks', link('A', null, 'B'), link('C', 'B'), ['C', 'B', 'A'], { kind: 'refused', code: 'replacement_cycle' }],
  ])('%s', (_case, current, previous, line, verdict) => {
    expect(judgeReEnrolment(current, previous, line)).toEqual(verdict);
  });
});
