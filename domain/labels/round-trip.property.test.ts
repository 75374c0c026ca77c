import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSET82_CHARS, GS, parse } from '../gs1';
import { leastSymbols, modeNData } from './code128';
import { compileTemplate } from './compile';
import type { LabelTemplateInput } from './template';
import { readZplFields, type ZplField } from './zpl-read';

const Y = { referenceYear: 2026 };
const cset82 = fc.string({ unit: fc.constantFrom(...CSET82_CHARS), minLength: 1, maxLength: 20 });

// Wide enough that no GS1-128 of lot and serial runs off it: the property is about the data.
const everyBarcode: LabelTemplateInput = {
  kind: 'layout',
  name: 'every-barcode',
  dpi: 203,
  widthDots: 4000,
  heightDots: 1000,
  elements: [
    { type: 'datamatrix', x: 10, y: 10, module: 4, fields: ['gtin', 'expiry', 'lot', 'serial'] },
    { type: 'gs1-128', x: 10, y: 300, height: 40, moduleWidth: 1, fields: ['lot', 'serial'], humanReadable: false },
    { type: 'qr-digital-link', x: 10, y: 500, magnification: 3, fields: ['gtin', 'lot', 'serial', 'expiry'] },
    { type: 'text', x: 600, y: 10, height: 20, text: '{{udi}}' },
  ],
};
const rawTemplate: LabelTemplateInput = {
  kind: 'zpl',
  name: 'every-barcode-zpl',
  dpi: 203,
  widthDots: 4000,
  heightDots: 1000,
  zpl: ['^XA', '^FO10,10^BXN,4,200,,,,#^FD{{dataMatrix}}^FS', '^FO10,300^BCN,40,Y,N,N,D^FD{{gs1128:lot,serial}}^FS', '^FO600,10^FH_^FD{{lot}}|{{serial}}^FS', '^XZ'],
};

/** What a barcode field of the given kind carries; empty when the field is something else. */
const dataOf = (field: ZplField | undefined, kind: 'datamatrix' | 'code128' | 'qr') => (field?.kind === kind && 'data' in field ? field.data : '');

const elementsOf = (data: string) => {
  const result = parse(data, { ...Y, checkAssociations: false });
  if (!result.ok) throw new Error(`${result.error.message} in ${JSON.stringify(data)}`);
  return result.elements.map((e) => [e.ai, e.value]);
};

describe('every GS1 character set 82 lot and serial survives ZPL', () => {
  const layout = compileTemplate(everyBarcode, Y);
  const raw = compileTemplate(rawTemplate, Y);

  it('in DataMatrix, GS1-128, Digital Link and text, read back as a printer reads the format', () => {
    fc.assert(
      fc.property(cset82, cset82, (lot, serial) => {
        const result = layout({ gtin: '09506000134352', lot, serial, expiry: '2026-12-31' });
        if (!result.ok) throw new Error(result.error.message);
        const fields = readZplFields(result.zpl);
        const all = [
          ['01', '09506000134352'],
          ['17', '261231'],
          ['10', lot],
          ['21', serial],
        ];
        const [dm, code, qr, text] = fields;
        expect(dm).toMatchObject({ kind: 'datamatrix', gs1: true });
        expect(code).toMatchObject({ kind: 'code128', gs1: true });
        expect(elementsOf(dataOf(dm, 'datamatrix'))).toEqual(all);
        expect(elementsOf(dataOf(code, 'code128'))).toEqual(all.slice(2));
        expect(elementsOf(dataOf(qr, 'qr')).sort()).toEqual([...all].sort());
        expect(text).toEqual({ kind: 'text', hexEscape: '\\', text: `(01)09506000134352(17)261231(10)${lot}(21)${serial}` });
      }),
      { numRuns: 300 },
    );
  });

  it('in a raw ZPL template, and in text under an ^FH with the GS1 character "_"', () => {
    fc.assert(
      fc.property(cset82, cset82, (lot, serial) => {
        const result = raw({ gtin: '09506000134352', lot, serial, expiry: '2026-12-31' });
        if (!result.ok) throw new Error(result.error.message);
        const [dm, code, text] = readZplFields(result.zpl);
        expect(elementsOf(dataOf(dm, 'datamatrix')).slice(2)).toEqual([
          ['10', lot],
          ['21', serial],
        ]);
        expect(elementsOf(dataOf(code, 'code128'))).toEqual([
          ['10', lot],
          ['21', serial],
        ]);
        expect(text).toMatchObject({ kind: 'text', text: `${lot}|${serial}` });
      }),
      { numRuns: 300 },
    );
  });
});

describe('GS1-128 symbol counts', () => {
  it.each([
    // (01)(17): 12 digit pairs after start C and FNC1.
    ['010950600013435217261231', 2 + 12],
    // An odd digit left over goes to subset B.
    ['0109506000134352172612311', 2 + 12 + 2],
    ['10ABC', 2 + 5],
    // C for 10, B for AB and FNC1, C again for 2112.
    [`10AB${GS}2112`, 2 + 1 + 1 + 2 + 1 + 1 + 2],
    ['0109506000134352', 2 + 8],
  ])('%j needs at least %i symbols before the check character', (raw, symbols) => {
    expect(leastSymbols(raw)).toBe(symbols);
  });

  it('mode N spells out what it counts, and never beats the least possible', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789()>A_', GS), minLength: 2, maxLength: 40 }), (tail) => {
        const raw = `10${tail}`.replace(new RegExp(`${GS}+$`), '');
        const { data, symbols } = modeNData(raw);
        // Every invocation code and every character of subset B is one symbol; digit pairs in C are one.
        const invocations = data.match(/>./g)!.length;
        const rest = data.replace(/>./g, '');
        const inC = data.startsWith('>;') ? (data.slice(4).split('>6')[0]!.replace(/>./g, '').length / 2) : 0;
        expect(symbols).toBe(invocations + (rest.length - inC * 2) + inC);
        expect(symbols).toBeGreaterThanOrEqual(leastSymbols(raw));
      }),
    );
  });
});
