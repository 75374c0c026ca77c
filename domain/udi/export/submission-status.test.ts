import { describe, expect, it } from 'vitest';
import { judgeStatusChange, type StatusChange, type SubmissionStatus } from './submission-status';

const change = (to: SubmissionStatus, reference: string | null = null, message: string | null = null): StatusChange => ({ to, reference, message });

describe('submission status of an export', () => {
  it.each<[SubmissionStatus, StatusChange]>([
    ['generated', change('submitted')],
    ['generated', change('submitted', 'EUDAMED-ACK-1')],
    ['submitted', change('accepted', 'GUDID-2026-000123')],
    ['submitted', change('rejected', null, 'MDNCodes: unknown code')],
  ])('lets %s move on to %o', (from, to) => {
    expect(judgeStatusChange(from, to)).toEqual({ ok: true });
  });

  it.each<[SubmissionStatus, SubmissionStatus]>([
    ['generated', 'accepted'],
    ['generated', 'rejected'],
    ['generated', 'generated'],
    ['submitted', 'submitted'],
    ['submitted', 'generated'],
    ['accepted', 'rejected'],
    ['accepted', 'submitted'],
    ['rejected', 'submitted'],
    ['rejected', 'accepted'],
  ])('refuses %s -> %s with illegal_status_change', (from, to) => {
    expect(judgeStatusChange(from, change(to, 'REF', 'why'))).toMatchObject({ ok: false, code: 'illegal_status_change', field: 'status' });
  });

  it("asks an acceptance for the authority's reference and a rejection for its message", () => {
    expect(judgeStatusChange('submitted', change('accepted'))).toMatchObject({ ok: false, code: 'reference_required', field: 'reference' });
    expect(judgeStatusChange('submitted', change('rejected', 'REF-1'))).toMatchObject({ ok: false, code: 'rejection_message_required', field: 'message' });
  });

  it('tells what may follow, or that the status is final', () => {
    expect(judgeStatusChange('generated', change('accepted', 'R'))).toMatchObject({ message: expect.stringContaining('only submitted follows') });
    expect(judgeStatusChange('accepted', change('rejected', 'R', 'm'))).toMatchObject({ message: expect.stringContaining('final') });
  });
});
