import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSET82_CHARS, GS, encodeBracketed, encodeDigitalLink, encodeRaw, fullYear, parse, readScan, toGtin14, gtinCheckDigit, isValidGln, isValidGtin } from '.';
import { renderAiTable } from './generate/render';

const Y = { referenceYear: 2026 };

describe('the generated AI table', () => {
  it('is what the generator makes of the dictionary in data/', () => {
    const dictionary = readFileSync(new URL('./data/gs1-syntax-dictionary.txt', import.meta.url), 'utf8');
    const lists = readFileSync(new URL('./data/code-lists.json', import.meta.url), 'utf8');
    expect(readFileSync(new URL('./ai-table.generated.ts', import.meta.url), 'utf8')).toBe(renderAiTable(dictionary, lists));
  });
});

describe('parse', () => {
  it.each([
    ['bracketed', '(01)09506000134352(17)261200(10)ABC123', 'bracketed'],
    ['raw with GS', `0109506000134352172612001` + `0ABC123`, 'raw'],
    ['raw with AIM prefix', `]d20109506000134352${GS}17261200`, 'raw'],
    ['Digital Link', 'https://id.gs1.org/01/09506000134352/10/ABC123?17=261200', 'digital-link'],
  ])('reads %s', (_name, input, form) => {
    const result = parse(input, Y);
    expect(result).toMatchObject({ ok: true, form });
  });

  it.each([
    ['261200', '2026-12-31'],
    ['260200', '2026-02-28'],
    ['280200', '2028-02-29'],
    ['250615', '2025-06-15'],
    ['760101', '2076-01-01'],
    ['770101', '1977-01-01'],
  ])('gives (17) %s as %s (DD=00 is the month end; century by the sliding window)', (yymmdd, iso) => {
    const result = parse(`(01)09506000134352(17)${yymmdd}`, Y);
    expect(result.ok && result.elements[1]!.date).toBe(iso);
  });

  it.each([
    [2026, 76, 2076],
    [2026, 77, 1977],
    [2080, 30, 2130],
    [2080, 31, 2031],
    [1999, 49, 2049],
  ])('fullYear(%i, %i) = %i', (reference, yy, year) => {
    expect(fullYear(yy, reference)).toBe(year);
  });

  it.each([
    ['(01)09506000134353', 'AI (01): check digit is 3, expected 2'],
    ['(01)0950600013435', 'AI (01): 13 characters, needs 14'],
    ['(01)09506000134352(17)261301', 'AI (17): 261301 is not a valid date (YYMMDD, DD may be 00)'],
    ['(01)09506000134352(10)AB CD', "AI (10): ' ' at position 3 is not allowed (GS1 character set 82)"],
    ['(01)09506000134352(10)ABCDEFGHIJKLMNOPQRSTU', 'AI (10): 21 characters, at most 20 allowed'],
    ['(10)ABC', 'AI (10) needs (01) or (02) or (03) or (8006) or (8026) in the same message'],
    ['(01)09506000134352(02)09506000134352(37)5', 'AI (01) must not appear together with (37)'],
    ['(01)09506000134352(10)A(10)B', 'AI (10) appears twice with different values'],
    ['(01)09506000134352(89)X', 'AI (89) is not a GS1 Application Identifier'],
  ])('refuses %j: %s', (input, message) => {
    const result = parse(input, Y);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe(message);
  });

  it('cannot see a missing separator when what follows is legal data for the field', () => {
    // (10)ABC then (17)261200 without GS reads as one lot "ABC17261200": only the encoder can
    // prevent this, which is why labels are built by encodeRaw and never by concatenation.
    const result = parse('010950600013435210ABC17261200', Y);
    expect(result.ok && result.elements.map((e) => [e.ai, e.value])).toEqual([
      ['01', '09506000134352'],
      ['10', 'ABC17261200'],
    ]);
    expect(encodeRaw([{ ai: '10', value: 'ABC' }, { ai: '17', value: '261200' }], { ...Y, checkAssociations: false })).toEqual({ ok: true, value: `10ABC${GS}17261200` });
  });

  it('keeps every CSET 82 character of a lot through bracketed, raw and Digital Link', () => {
    const lot = CSET82_CHARS.slice(0, 20);
    const elements = [{ ai: '01', value: '09506000134352' }, { ai: '10', value: lot }];
    for (const encoded of [encodeBracketed(elements), encodeRaw(elements), encodeDigitalLink(elements)]) {
      expect(encoded.ok).toBe(true);
      const back = parse(encoded.ok ? encoded.value : '', Y);
      expect(back.ok && back.elements.map((e) => e.value)).toEqual(['09506000134352', lot]);
    }
  });
});

describe('encode', () => {
  const elements = [
    { ai: '01', value: '09506000134352' },
    { ai: '10', value: 'LOT(1)' },
    { ai: '17', value: '261200' },
    { ai: '21', value: 'SN/42' },
  ];
  it.each([
    ['bracketed', encodeBracketed(elements, Y), '(01)09506000134352(10)LOT\\(1)(17)261200(21)SN/42'],
    ['raw', encodeRaw(elements, Y), `010950600013435210LOT(1)${GS}1726120021SN/42`],
    ['Digital Link', encodeDigitalLink(elements, Y), 'https://id.gs1.org/01/09506000134352/10/LOT%281%29/21/SN%2F42?17=261200'],
  ])('%s', (_name, result, expected) => {
    expect(result).toEqual({ ok: true, value: expected });
  });

  it('refuses data GS1 forbids before anything is printed', () => {
    expect(encodeRaw([{ ai: '01', value: '09506000134352' }, { ai: '10', value: 'LOT 1' }], Y)).toMatchObject({ ok: false, error: { ai: '10' } });
  });

  it('round-trips generated valid messages through every form', () => {
    const gtin = fc.stringMatching(/^[0-9]{13}$/).map((d) => d + gtinCheckDigit(d));
    const text = fc.array(fc.constantFrom(...CSET82_CHARS), { minLength: 1, maxLength: 20 }).map((cs) => cs.join(''));
    const date = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 28 })).map(([y, m, d]) => [y, m, d].map((n) => String(n).padStart(2, '0')).join(''));
    fc.assert(
      fc.property(gtin, text, date, text, (g, lot, expiry, serial) => {
        const els = [{ ai: '01', value: g }, { ai: '17', value: expiry }, { ai: '10', value: lot }, { ai: '21', value: serial }];
        for (const encoded of [encodeBracketed(els, Y), encodeRaw(els, Y), encodeDigitalLink(els, Y)]) {
          if (!encoded.ok) return false;
          const back = parse(encoded.value, Y);
          if (!back.ok) return false;
          const values = Object.fromEntries(back.elements.map((e) => [e.ai, e.value]));
          if (values['01'] !== g || values['10'] !== lot || values['17'] !== expiry || values['21'] !== serial) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parse(s, Y);
        return typeof r.ok === 'boolean';
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.stringMatching(/^[\](0-9A-Za-z\x1d/?=:.&%-]{0,60}$/), (s) => typeof readScan(s, Y).ok === 'boolean'), { numRuns: 2000 });
  });
});

describe('GTIN helpers', () => {
  it.each([
    ['0950600013435', 2],
    ['0690123400001', 6],
  ])('check digit of %s is %i', (digits, check) => {
    expect(gtinCheckDigit(digits)).toBe(check);
  });
  it('validates and pads', () => {
    expect(isValidGtin('09506000134352')).toBe(true);
    expect(isValidGtin('09506000134353')).toBe(false);
    expect(toGtin14('95012346')).toBe('00000095012346');
  });
  it('validates a GLN: 13 digits, check digit right', () => {
    expect(isValidGln('9521141123454')).toBe(true);
    expect(isValidGln('9521141123450')).toBe(false);
    expect(isValidGln('952114112345')).toBe(false);
    expect(isValidGln('９５２１１４１１２３４５４')).toBe(false);
    expect(isValidGln('952114112345\u0000')).toBe(false);
  });
});

describe('readScan', () => {
  it.each([
    ['an EAN-13 from a retail pack', ']E06901234000016', { kind: 'gs1', elements: [{ ai: '01', value: '06901234000016' }] }],
    ['a location label (plain Code 128)', ']C0A-01-02', { kind: 'text', text: 'A-01-02' }],
    ['a location label without identifier', 'A-01-02', { kind: 'text', text: 'A-01-02' }],
    ['a GS1 DataMatrix', `]d2010690123400001617291231${'10'}L1`, { kind: 'gs1', symbology: ']d2' }],
    ['an RFID tag read as EPC hex (SGTIN-96)', '3074257BF7194E4000001A85', { kind: 'gs1', elements: [{ ai: '01', value: '80614141123458' }, { ai: '21', value: '6789' }] }],
    ['an RFID tag in lower case with 0x and a trailing word', '0x3074257bf7194e4000001a850000', { kind: 'gs1', elements: [{ ai: '01', value: '80614141123458' }, { ai: '21', value: '6789' }] }],
    ['an SGTIN-198 tag with a slash in its serial', '3674257BF6B7A659B2C2BF1000000000000000000000000000', { kind: 'gs1', elements: [{ ai: '01' }, { ai: '21', value: '32a/b' }] }],
    ['an SSCC-96 tag on a pallet', '3154257BF4499602D2000000', { kind: 'gs1', elements: [{ ai: '00' }] }],
  ])('reads %s', (_name, input, expected) => {
    expect(readScan(input, Y)).toMatchObject({ ok: true, ...expected });
  });

  it('leaves hex that is no EPC scheme it knows to the other readings, and refuses a broken EPC', () => {
    expect(readScan('ABCDEF0123456789ABCDEF01', Y)).toMatchObject({ ok: true, kind: 'text' });
    expect(readScan('307C257BF7194E4000001A85', Y)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/RFID tag's EPC cannot be read: Partition value 7/) } });
  });
});
