import { describe, expect, it } from 'vitest';
import { isSscc, readPackScan } from './pack-scan';

const SSCC = '106141412345678908';

describe('scans on the Pack screen', () => {
  it.each([
    ['a GS1-128 SSCC label', `]C100${SSCC}`, { kind: 'sscc', sscc: SSCC }],
    ['an SSCC in bare digits, as typed or scanned without FNC1', SSCC, { kind: 'sscc', sscc: SSCC }],
    ['a serialized unit label', `]d20106901234000016108L1\x1d21PK0001`, { kind: 'unit', label: { gtin: '06901234000016', lotNumber: '8L1', serial: 'PK0001' } }],
    ['a lot label without serial', `]d20106901234000016108L1`, { kind: 'unit', label: { lotNumber: '8L1', serial: null } }],
    ['a location label', 'A-01-02', { kind: 'other' }],
    ['a GTIN alone', `]d20106901234000016`, { kind: 'other' }],
    ['18 digits with a wrong check digit', '106141412345678907', { kind: 'other' }],
  ])('reads %s', (_name, scan, expected) => {
    expect(readPackScan(scan)).toMatchObject(expected);
  });

  it('refuses a GS1 scan that does not parse, and tells SSCCs by their check digit', () => {
    expect(readPackScan(']C100123')).toMatchObject({ kind: 'bad' });
    expect([isSscc(SSCC), isSscc('106141412345678907'), isSscc('12345')]).toEqual([true, false, false]);
  });
});
