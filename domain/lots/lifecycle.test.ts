import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth';
import { daysToExpiry, nearExpiryWindow, shipRefusal } from './expiry';
import { SIGNATURE_MEANINGS, allowedMeanings, isDueToExpire, nextStatuses, planTransition, type SignatureMeaning } from './lifecycle';
import { LOT_STATUSES, type LotStatus } from './status';

const TODAY = '2026-11-23';
const qc = (to: LotStatus, meaning: SignatureMeaning | null = allowedMeanings(to)[0] ?? null) => ({ to, today: TODAY, roles: ['qc'] as Role[], reason: 'inspection passed', meaning });

describe('lot status machine', () => {
  it.each([
    ['quarantine', 'released'],
    ['quarantine', 'rejected'],
    ['released', 'on_hold'],
    ['on_hold', 'released'],
    ['released', 'recalled'],
    ['quarantine', 'recalled'],
    ['rejected', 'scrapped'],
    ['expired', 'returned'],
    ['recalled', 'scrapped'],
  ] as const)('%s -> %s is allowed', (from, to) => {
    const request = { ...qc(to), roles: to === 'on_hold' || to === 'scrapped' || to === 'returned' ? (['supervisor'] as Role[]) : (['qc'] as Role[]) };
    expect(planTransition({ status: from, expiresOn: '2027-01-01' }, request)).toEqual({ ok: true, from, to });
  });

  it.each([
    ['quarantine', 'on_hold', 'not_allowed', 'a lot cannot go from quarantine to on hold; from quarantine it can go to released, rejected, recalled'],
    ['released', 'quarantine', 'not_allowed', 'a lot cannot go from released to quarantine; from released it can go to on hold, recalled'],
    ['scrapped', 'released', 'not_allowed', 'a lot cannot go from scrapped to released; scrapped is final'],
    ['released', 'expired', 'not_allowed', 'a lot cannot go from released to expired; from released it can go to on hold, recalled'],
    ['released', 'released', 'same_status', 'the lot is already released'],
  ] as const)('%s -> %s is refused (%s)', (from, to, code, reason) => {
    expect(planTransition({ status: from, expiresOn: null }, qc(to, 'approved'))).toEqual({ ok: false, code, reason });
  });

  it('lets only QC release, and never releases an expired lot', () => {
    const lot = { status: 'quarantine' as const, expiresOn: '2026-11-22' };
    expect(planTransition({ ...lot, expiresOn: null }, { ...qc('released'), roles: ['supervisor', 'admin'] })).toMatchObject({ ok: false, code: 'role' });
    expect(planTransition(lot, qc('released'))).toEqual({ ok: false, code: 'expired', reason: 'the lot expired on 2026-11-22 and cannot be released' });
    expect(planTransition({ ...lot, expiresOn: TODAY }, qc('released'))).toMatchObject({ ok: true });
  });

  it('demands a reason and a fitting signature meaning', () => {
    const lot = { status: 'quarantine' as const, expiresOn: null };
    expect(planTransition(lot, { ...qc('released'), reason: '  ' })).toMatchObject({ ok: false, code: 'reason_required' });
    expect(planTransition(lot, qc('released', null))).toMatchObject({ ok: false, code: 'meaning_required' });
    expect(planTransition(lot, qc('rejected', 'released'))).toMatchObject({ ok: false, code: 'meaning_not_allowed' });
  });

  it('expires lots the day after their expiry date, from usable states only', () => {
    expect(isDueToExpire({ status: 'released', expiresOn: '2026-11-22' }, TODAY)).toBe(true);
    expect(isDueToExpire({ status: 'released', expiresOn: TODAY }, TODAY)).toBe(false);
    expect(isDueToExpire({ status: 'quarantine', expiresOn: '2020-01-01' }, TODAY)).toBe(true);
    expect(isDueToExpire({ status: 'scrapped', expiresOn: '2020-01-01' }, TODAY)).toBe(false);
    expect(isDueToExpire({ status: 'released', expiresOn: null }, TODAY)).toBe(false);
  });

  const request = fc.record({
    to: fc.constantFrom(...LOT_STATUSES),
    roles: fc.subarray([...ROLES], { minLength: 1 }),
    meaning: fc.option(fc.constantFrom(...SIGNATURE_MEANINGS), { nil: null }),
    reason: fc.constantFrom('', 'checked', '  '),
  });

  it('property: every accepted change is an edge offered by nextStatuses, signed with a fitting meaning and a reason', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), (requests) => {
        let status: LotStatus = 'quarantine';
        const history: LotStatus[] = [status];
        for (const r of requests) {
          const plan = planTransition({ status, expiresOn: '2030-01-01' }, { ...r, today: TODAY });
          if (!plan.ok) continue;
          expect(nextStatuses(status)).toContain(r.to);
          expect(r.meaning && allowedMeanings(r.to)).toContain(r.meaning);
          expect(r.reason.trim()).not.toBe('');
          if (r.to === 'released' || r.to === 'rejected') expect(r.roles).toContain('qc');
          status = plan.to;
          history.push(status);
        }
        // Final dispositions are final; a rejected lot is never released afterwards.
        const end = history.findIndex((s) => s === 'scrapped' || s === 'returned');
        if (end !== -1) expect(history.length).toBe(end + 1);
        const rejected = history.indexOf('rejected');
        if (rejected !== -1) expect(history.slice(rejected)).not.toContain('released');
      }),
      { numRuns: 500 },
    );
  });

  it('property: nextStatuses is exactly what a QC signer with a fitting meaning may do', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOT_STATUSES), fc.constantFrom(...LOT_STATUSES), (from, to) => {
        const meanings = allowedMeanings(to);
        const plan = planTransition({ status: from, expiresOn: null }, { to, today: TODAY, roles: ['qc', 'supervisor'], reason: 'r', meaning: meanings[0] ?? 'approved' });
        expect(plan.ok).toBe(nextStatuses(from).includes(to));
      }),
    );
  });
});

describe('expiry and shelf life', () => {
  it('counts days to expiry across months and leap days', () => {
    expect(daysToExpiry('2026-11-23', TODAY)).toBe(0);
    expect(daysToExpiry('2028-03-01', '2028-02-28')).toBe(2);
    expect(daysToExpiry('2026-11-20', TODAY)).toBe(-3);
  });

  it('puts a lot in the narrowest near-expiry window it has entered', () => {
    expect(nearExpiryWindow('2026-12-13', [90, 30], TODAY)).toBe(30);
    expect(nearExpiryWindow('2027-01-23', [90, 30], TODAY)).toBe(90);
    expect(nearExpiryWindow('2027-06-01', [90, 30], TODAY)).toBeNull();
    expect(nearExpiryWindow('2026-11-01', [90, 30], TODAY)).toBeNull();
    expect(nearExpiryWindow(null, [90], TODAY)).toBeNull();
  });

  it("refuses to ship a lot with less shelf life left than the customer's minimum", () => {
    const lot = { status: 'released' as const, expiresOn: '2027-03-01' };
    expect(shipRefusal(lot, 180, TODAY)).toEqual({ code: 'shelf_life_short', reason: '98 days of shelf life left; the customer accepts no less than 180' });
    expect(shipRefusal(lot, 98, TODAY)).toBeNull();
    expect(shipRefusal({ ...lot, status: 'on_hold' }, 0, TODAY)).toEqual({ code: 'on_hold', reason: 'the lot is on hold' });
  });
});
