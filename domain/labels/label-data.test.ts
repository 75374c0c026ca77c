import { describe, expect, it } from 'vitest';
import { resolveLabelData } from './label-data';

const Y = { referenceYear: 2026 };
const good = { gtin: '09506000134352', lot: 'ABC123', expiry: '2026-12-31' };

describe('resolveLabelData', () => {
  it('gives the GS1 elements in label order, dates as YYMMDD', () => {
    const result = resolveLabelData({ ...good, serial: 'S1', mfgDate: '2025-01-15', qty: 24 }, Y);
    expect(result.ok && result.data.elements).toEqual([
      { ai: '01', value: '09506000134352' },
      { ai: '11', value: '250115' },
      { ai: '17', value: '261231' },
      { ai: '10', value: 'ABC123' },
      { ai: '21', value: 'S1' },
      { ai: '30', value: '24' },
    ]);
  });

  it('takes a GTIN-13 as the 14 digits AI (01) carries', () => {
    const result = resolveLabelData({ ...good, gtin: '9506000134352' }, Y);
    expect(result.ok && result.data.gtin).toBe('09506000134352');
  });

  it('counts optional fields given as empty text as absent', () => {
    const result = resolveLabelData({ ...good, serial: '', mfgDate: '', qty: '' }, Y);
    expect(result.ok && result.data.elements.map((e) => e.ai)).toEqual(['01', '17', '10']);
  });

  it.each([
    ['a bad GTIN check digit', { gtin: '09506000134353' }, 'gtin', 'gtin: check digit is 3, expected 2'],
    ['a GTIN of the wrong length', { gtin: '12345' }, 'gtin', 'gtin: 5 characters, needs 14'],
    ['a space in the lot', { lot: 'ABC 123' }, 'lot', "lot: ' ' at position 4 is not allowed (GS1 character set 82)"],
    ['a lot over 20 characters', { lot: 'L'.repeat(21) }, 'lot', 'lot: 21 characters, at most 20 allowed'],
    ['an empty lot', { lot: '' }, 'lot', 'lot: has no data'],
    ['a caret in the lot (not GS1, and ZPL syntax)', { lot: 'A^B' }, 'lot', "lot: '^' at position 2 is not allowed (GS1 character set 82)"],
    ['a tilde in the serial', { serial: 'S~1' }, 'serial', "serial: '~' at position 2 is not allowed (GS1 character set 82)"],
    ['a hash in the serial', { serial: '#1' }, 'serial', "serial: '#' at position 1 is not allowed (GS1 character set 82)"],
    ['a non-ASCII serial', { serial: 'Sé' }, 'serial', "serial: 'é' at position 2 is not allowed (GS1 character set 82)"],
    ['a serial over 20 characters', { serial: '1'.repeat(21) }, 'serial', 'serial: 21 characters, at most 20 allowed'],
    ['an expiry that is no date', { expiry: '2026-02-30' }, 'expiry', "expiry: '2026-02-30' is not a date"],
    ['an expiry month 13', { expiry: '2026-13-01' }, 'expiry', "expiry: '2026-13-01' is not a date"],
    ['an expiry not in ISO form', { expiry: '31/12/2026' }, 'expiry', "expiry: '31/12/2026' is not an ISO date (yyyy-mm-dd)"],
    ['an expiry GS1 would read in another century', { expiry: '2090-01-01' }, 'expiry', 'expiry: 2090 is outside the years a GS1 date can carry (1977-2076)'],
    ['a bad manufacturing date', { mfgDate: '2025-02-29' }, 'mfgDate', "mfgDate: '2025-02-29' is not a date"],
    ['a zero quantity', { qty: 0 }, 'qty', "qty: '0' is not a whole number from 1 to 99999999"],
    ['a fractional quantity', { qty: 1.5 }, 'qty', "qty: '1.5' is not a whole number from 1 to 99999999"],
    ['a quantity of nine digits', { qty: 123456789 }, 'qty', "qty: '123456789' is not a whole number from 1 to 99999999"],
    ['a missing GTIN', { gtin: undefined }, 'gtin', 'gtin: is required'],
    ['an expiry given as a number', { expiry: 20261231 }, 'expiry', 'expiry: must be an ISO date (yyyy-mm-dd)'],
    ['a field labels do not have', { colour: 'red' }, 'colour', 'colour: is not a label field'],
  ])('refuses %s, naming the field', (_case, change, field, message) => {
    const result = resolveLabelData({ ...good, serial: 'S1', ...change }, Y);
    expect(result).toEqual({ ok: false, error: { field, message } });
  });

  it('refuses what is not an object of fields', () => {
    expect(resolveLabelData('(01)09506000134352', Y)).toEqual({ ok: false, error: { field: 'data', message: 'data: must be an object of label fields' } });
  });
});
