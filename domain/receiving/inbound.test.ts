import { describe, expect, it } from 'vitest';
import { composeSscc } from '../sscc';
import { judgeInboundScan, receiptLines, rollUpInbound, type InboundContainer, type InboundLine } from '.';

const pallet = composeSscc(3, '0614141', 42n);
const line = (n: number, gtin: string, lotNumber: string, qty: number, expiresOn: string | null = '2027-06-30'): InboundLine => ({ line: n, gtin, lotNumber, qty, expiresOn });
const GTIN_A = '09506000134352';
const GTIN_B = '09506000134369';

const expected: InboundContainer = {
  sscc: pallet,
  notice: 'ASN-7',
  supplier: 'Acme Medical',
  status: 'expected',
  receivedAt: null,
  lines: [line(1, GTIN_A, 'L1', 10), line(2, GTIN_B, 'L9', 5), line(3, GTIN_A, 'L1', 2.5)],
};

describe('judging a scanned SSCC at receiving', () => {
  it.each([
    ['expected on an open notice', pallet, expected, 'expected'],
    ['not on any notice the handheld knows', pallet, undefined, 'not_expected'],
    ['on a notice but another SSCC', composeSscc(3, '0614141', 43n), expected, 'not_expected'],
    ['received already', pallet, { ...expected, status: 'received', receivedAt: '2026-11-30T08:15:00.000Z' }, 'received'],
    ['with a wrong check digit', `${pallet.slice(0, 17)}${(Number(pallet[17]) + 1) % 10}`, expected, 'invalid'],
    ['with 17 digits', pallet.slice(0, 17), expected, 'invalid'],
    ['with full-width digits', pallet.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), expected, 'invalid'],
  ] as const)('an SSCC %s', (_what, scanned, known, verdict) => {
    expect(judgeInboundScan(scanned, known as InboundContainer | undefined).verdict).toBe(verdict);
  });

  it('names the day an SSCC was received and its refusal codes', () => {
    expect(judgeInboundScan(pallet, { ...expected, status: 'received', receivedAt: '2026-11-30T08:15:00.000Z' })).toEqual({ verdict: 'received', code: 'sscc_already_received', sscc: pallet, receivedOn: '2026-11-30', notice: 'ASN-7' });
    expect(judgeInboundScan(pallet, undefined)).toEqual({ verdict: 'not_expected', code: 'sscc_not_expected', sscc: pallet });
  });

  it('shows an expected pallet as one row per lot', () => {
    const scan = judgeInboundScan(pallet, expected);
    expect(scan.verdict === 'expected' && scan.lots).toEqual([
      { gtin: GTIN_A, lotNumber: 'L1', expiresOn: '2027-06-30', qty: 12.5, datesDiffer: false },
      { gtin: GTIN_B, lotNumber: 'L9', expiresOn: '2027-06-30', qty: 5, datesDiffer: false },
    ]);
  });
});

describe('rolling up a mixed pallet', () => {
  it('adds quantities as decimals do, not as floats', () => {
    expect(rollUpInbound([line(1, GTIN_A, 'L1', 0.1), line(2, GTIN_A, 'L1', 0.2)])[0]!.qty).toBe(0.3);
  });

  it('keeps big quantities exact', () => {
    expect(rollUpInbound([line(1, GTIN_A, 'L1', 999_999_999.999), line(2, GTIN_A, 'L1', 0.001)])[0]!.qty).toBe(1_000_000_000);
  });

  it('takes the earlier expiry when the notice gives a lot two, and says so', () => {
    expect(rollUpInbound([line(1, GTIN_A, 'L1', 1, '2027-06-30'), line(2, GTIN_A, 'L1', 1, '2027-01-31'), line(3, GTIN_A, 'L1', 1, null)])).toEqual([
      { gtin: GTIN_A, lotNumber: 'L1', expiresOn: '2027-01-31', qty: 3, datesDiffer: true },
    ]);
  });

  it('tells lots apart by GTIN and lot, odd characters and all', () => {
    const lots = rollUpInbound([line(1, GTIN_A, 'A/1', 1), line(2, GTIN_A, "A'1", 1), line(3, GTIN_B, 'A/1', 1)]);
    expect(lots.map((l) => `${l.gtin} ${l.lotNumber}`)).toEqual([`${GTIN_A} A/1`, `${GTIN_A} A'1`, `${GTIN_B} A/1`]);
  });

  it('gives the op one line per lot', () => {
    expect(receiptLines(rollUpInbound(expected.lines))).toEqual([
      { gtin: GTIN_A, lotNumber: 'L1', qty: 12.5, expiresOn: '2027-06-30' },
      { gtin: GTIN_B, lotNumber: 'L9', qty: 5, expiresOn: '2027-06-30' },
    ]);
  });
});
