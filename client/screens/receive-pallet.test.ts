import { describe, expect, it } from 'vitest';
import type { InboundContainer } from '../../domain/receiving';
import { composeSscc } from '../../domain/sscc';
import { inboundAsKnown, ssccOfScan } from './receive-pallet';

const pallet = composeSscc(3, '0614141', 42n);
const GS = String.fromCharCode(29);

describe('the SSCC a receiving scan names', () => {
  it.each([
    ['a GS1-128 pallet label', `]C100${pallet}${GS}02095060001343523712`, pallet],
    ['the bracketed form', `(00)${pallet}`, pallet],
    ['18 digits typed from under the barcode', ` ${pallet} `, pallet],
    ['18 digits the GS1 parser would take for AI (30)', '306141410000081012', '306141410000081012'],
    ['a supplier lot label', '(01)09506000134352(10)L1', null],
    ['a location', 'RCV-01', null],
    ['17 digits typed', pallet.slice(0, 17), null],
  ])('%s', (_what, scan, sscc) => {
    expect(ssccOfScan(scan)).toBe(sscc);
  });
});

describe('what this handheld knows of an SSCC', () => {
  const expected: InboundContainer = { sscc: pallet, notice: 'ASN-7', supplier: 'Acme', status: 'expected', receivedAt: null, lines: [] };

  it('takes its own receipt still waiting to sync as received that day', () => {
    expect(inboundAsKnown(expected, { deviceTime: '2026-12-02T06:40:00.000Z', status: 'queued' })).toMatchObject({ status: 'received', receivedAt: '2026-12-02T06:40:00.000Z' });
  });

  it('forgets a receipt the server rejected, and knows nothing of an SSCC no notice names', () => {
    expect(inboundAsKnown(expected, { deviceTime: '2026-12-02T06:40:00.000Z', status: 'rejected' })).toBe(expected);
    expect(inboundAsKnown(null, null)).toBeUndefined();
  });
});
