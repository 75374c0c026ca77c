import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth';
import { SIGNATURE_MEANINGS, type LotStatus, type SignatureMeaning } from '../lots';
import { RECALL_STATES, nextRecallStates, openingGaps, planCaseTransition, termsProblems, type RecallState, type RecallTerms } from './case';
import { recallHold } from './hold';

const ready: RecallTerms = {
  reason: 'seal leaks under transport vibration',
  healthHazard: 'non-sterile barrier: infection risk',
  classes: { fda: 'II', nmpa: 2, euFsca: true },
  depth: 'user',
  strategy: 'notify all consignees, quarantine and return',
  effectiveness: { level: 'B', percent: 25 },
  jurisdictions: ['US', 'CN', 'EU'],
};

const ask = (state: RecallState, to: RecallState, roles: Role[] = ['qc'], meaning: SignatureMeaning = 'approved', reason = 'decided in the recall board', terms: RecallTerms = ready) =>
  planCaseTransition({ state, terms }, { to, roles, meaning, reason });

describe('recall case lifecycle', () => {
  it.each([
    // from, to, roles, meaning, expected outcome
    ['draft', 'open', ['qc'], 'approved', 'ok'],
    ['draft', 'open', ['supervisor'], 'approved', 'ok'],
    ['draft', 'cancelled', ['supervisor'], 'rejected', 'ok'],
    ['open', 'recovering', ['qc'], 'reviewed', 'ok'],
    ['recovering', 'closed', ['qc'], 'approved', 'ok'],
    ['draft', 'open', ['operator'], 'approved', 'role'],
    ['draft', 'open', ['admin', 'labeladmin'], 'approved', 'role'],
    ['draft', 'open', ['qc'], 'reviewed', 'meaning_not_allowed'],
    ['draft', 'closed', ['qc'], 'approved', 'not_allowed'],
    ['open', 'cancelled', ['qc'], 'rejected', 'not_allowed'],
    ['open', 'draft', ['qc'], 'approved', 'not_allowed'],
    ['closed', 'open', ['qc'], 'approved', 'not_allowed'],
    ['cancelled', 'open', ['qc'], 'approved', 'not_allowed'],
    ['open', 'open', ['qc'], 'approved', 'same_state'],
  ] as [RecallState, RecallState, Role[], SignatureMeaning, string][])('%s -> %s by %j signing %s: %s', (from, to, roles, meaning, expected) => {
    const plan = ask(from, to, roles, meaning);
    expect(plan.ok ? 'ok' : plan.code).toBe(expected);
  });

  it('wants a reason for every step', () => {
    expect(ask('open', 'recovering', ['qc'], 'reviewed', '   ')).toMatchObject({ ok: false, code: 'reason_required' });
  });

  it('says where a case can go from where it is', () => {
    expect(ask('closed', 'open')).toMatchObject({ ok: false, reason: 'a case cannot go from closed to open; closed is final' });
    expect(nextRecallStates('draft')).toEqual(['open', 'cancelled']);
  });

  it('does not open a case whose class, depth, strategy or effectiveness level is missing, and names each gap', () => {
    const thin: RecallTerms = { ...ready, classes: { fda: null, nmpa: null, euFsca: true }, depth: null, strategy: ' ', effectiveness: null };
    const plan = ask('draft', 'open', ['qc'], 'approved', 'board decision', thin);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.code).toBe('not_ready');
    expect(plan.gaps?.map((g) => g.field)).toEqual(['classes.fda', 'classes.nmpa', 'depth', 'strategy', 'effectiveness']);
    // A draft may be incomplete: it can still be cancelled.
    expect(ask('draft', 'cancelled', ['qc'], 'rejected', 'not a recall after all', thin).ok).toBe(true);
  });

  it('asks only for the class of the jurisdictions the case covers', () => {
    expect(openingGaps({ ...ready, jurisdictions: ['CN'], classes: { fda: null, nmpa: 1, euFsca: false } })).toEqual([]);
    expect(openingGaps({ ...ready, jurisdictions: [] }).map((g) => g.field)).toEqual(['classes.fda', 'classes.nmpa', 'classes.euFsca', 'jurisdictions']);
  });

  it.each([
    [{ level: 'B', percent: null }, ['effectiveness.percent']],
    [{ level: 'B', percent: 10 }, ['effectiveness.percent']],
    [{ level: 'B', percent: 100 }, ['effectiveness.percent']],
    [{ level: 'B', percent: 11 }, []],
    [{ level: 'B', percent: 99 }, []],
    [{ level: 'A', percent: 50 }, ['effectiveness.percent']],
    [{ level: 'E', percent: null }, []],
  ] as const)('effectiveness %j: problems %j', (effectiveness, fields) => {
    expect(termsProblems({ ...ready, effectiveness }).map((p) => p.field)).toEqual(fields);
  });

  it('never lets anyone but QA or a supervisor move a case, and never skips a state', () => {
    const step = fc.record({
      to: fc.constantFrom(...RECALL_STATES),
      roles: fc.subarray([...ROLES], { minLength: 1 }),
      meaning: fc.constantFrom(...SIGNATURE_MEANINGS),
    });
    const order: Record<RecallState, number> = { draft: 0, open: 1, recovering: 2, closed: 3, cancelled: 1 };
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let state: RecallState = 'draft';
        for (const s of steps) {
          const plan = planCaseTransition({ state, terms: ready }, { ...s, reason: 'r' });
          if (!plan.ok) continue;
          expect(s.roles.some((r) => r === 'qc' || r === 'supervisor')).toBe(true);
          expect(order[plan.to]).toBe(order[state] + 1);
          state = plan.to;
        }
      }),
      { seed: 4242, numRuns: 500 },
    );
  });
});

describe('the hold a recall puts on a lot', () => {
  it.each([
    ['quarantine', 'recall'],
    ['released', 'recall'],
    ['on_hold', 'recall'],
    ['rejected', 'recall'],
    ['expired', 'recall'],
    ['recalled', 'already_recalled'],
    ['scrapped', 'disposed'],
    ['returned', 'disposed'],
  ] as [LotStatus, string][])('a %s lot: %s', (status, hold) => {
    expect(recallHold(status)).toBe(hold);
  });
});
