import { describe, expect, it } from 'vitest';
import { GS, encodeRaw } from '../gs1';
import { TemplateError, compileTemplate } from './compile';
import type { LabelTemplateInput } from './template';
import { readZplFields } from './zpl-read';

const Y = { referenceYear: 2026 };
const data = { gtin: '09506000134352', lot: 'ABC123', expiry: '2026-12-31', serial: 'S1' };

const lotLabel: LabelTemplateInput = {
  kind: 'layout',
  name: 'lot-test',
  dpi: 203,
  widthIn: 4,
  heightIn: 2,
  elements: [
    { type: 'datamatrix', x: 24, y: 24, module: 5, fields: ['gtin', 'expiry', 'lot', 'serial'] },
    { type: 'text', id: 'lot', x: 232, y: 24, height: 26, text: 'LOT {{lot}}' },
    { type: 'text', id: 'serial', x: 232, y: 60, height: 26, text: 'SN {{serial}}' },
    { type: 'text', id: 'name', x: 232, y: 96, height: 26, text: '{{itemName}}', maxWidth: 560, maxLines: 2 },
    { type: 'gs1-128', x: 24, y: 226, height: 50, fields: ['gtin', 'expiry'] },
    { type: 'gs1-128', x: 24, y: 316, height: 50, fields: ['lot', 'serial'] },
  ],
};

const make = compileTemplate(lotLabel, Y);
const zplOf = (input: Record<string, unknown>, maker = make) => {
  const result = maker(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.zpl;
};
/** Each field of a format as its own text, so assertions can look at one field. */
const fieldsOf = (zpl: string) => zpl.split('^FS').slice(0, -1).map((f) => f.trim());

describe('compileTemplate: layout to ZPL', () => {
  const zpl = zplOf(data);

  it('is one format, UTF-8, sized to the label', () => {
    expect(zpl.startsWith('^XA\n^CI28^PW812^LL406^LH0,0\n')).toBe(true);
    expect(zpl.endsWith('^XZ\n')).toBe(true);
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
  });

  it('writes GS1 DataMatrix at quality 200 in GS1 mode, FNC1 after the lot because a serial follows', () => {
    const dm = fieldsOf(zpl).find((f) => f.includes('^BX'))!;
    expect(dm).toContain('^BXN,5,200,,,,#^FD');
    expect(dm.endsWith('^FD#101095060001343521726123110ABC123#121S1')).toBe(true);
  });

  it('puts no separator after the last field or after fields of predefined length', () => {
    const withoutSerial = fieldsOf(zplOf({ ...data, serial: undefined })).find((f) => f.includes('^BX'))!;
    expect(withoutSerial.endsWith('^FD#101095060001343521726123110ABC123')).toBe(true);
  });

  it('writes GS1-128 in mode D with >8 after a variable-length field that is not last', () => {
    const codes = fieldsOf(zpl).filter((f) => f.includes('^BC'));
    expect(codes).toEqual(['^FO24,226^BY2^BCN,50,N,N,N,D^FD(01)09506000134352(17)261231', '^FO24,316^BY2^BCN,50,N,N,N,D^FD(10)ABC123>8(21)S1']);
  });

  it('switches GS1-128 to mode N when the lot holds parentheses or ">", which mode D would change', () => {
    const code = fieldsOf(zplOf({ ...data, lot: 'A(1)>2' })).filter((f) => f.includes('^BC'))[1]!;
    expect(code).toBe('^FO24,316^BY2^BCN,50,N,N,N,N^FD>:>810A(1)>02>821S1');
  });

  it('never combines ^FH with a barcode, so no hex escape touches GS1 data', () => {
    for (const field of fieldsOf(zplOf({ ...data, lot: 'A_1F', serial: '_5F', itemName: '注射器' }))) {
      if (/\^B[XCQ]/.test(field)) expect(field).not.toContain('^FH');
    }
  });

  it('escapes ^, ~, the hex indicator and non-ASCII in text, and prints the HRI under GS1-128', () => {
    const fields = fieldsOf(zplOf({ ...data, itemName: '注射器 ^~\\ 5ml' }));
    expect(fields).toContain('^FO232,96^A0N,26,26^FB560,2,0,L^FH\\^FD\\E6\\B3\\A8\\E5\\B0\\84\\E5\\99\\A8 \\5E\\7E\\5C 5ml');
    expect(fields).toContain('^FO24,372^A0N,20,20^FH\\^FD(10)ABC123(21)S1');
  });

  it('leaves off a text line whose field the label lacks', () => {
    const zplNoSerial = zplOf({ ...data, serial: undefined });
    expect(zplNoSerial).not.toContain('SN ');
    expect(zplNoSerial).toContain('^FDLOT ABC123^FS');
  });

  it('gives the same ZPL for the same data', () => {
    expect(zplOf(data)).toBe(zpl);
    expect(compileTemplate(lotLabel, Y)(data)).toEqual({ ok: true, zpl });
  });

  it('carries in each barcode exactly the element string domain/gs1 builds', () => {
    const barcodes = readZplFields(zpl).flatMap((f) => (f.kind === 'datamatrix' || f.kind === 'code128' ? [{ gs1: f.gs1, data: f.data }] : []));
    const raw = (elements: { ai: string; value: string }[]) => {
      const r = encodeRaw(elements, { ...Y, checkAssociations: false });
      return r.ok ? r.value : r.error.message;
    };
    expect(barcodes).toEqual([
      { gs1: true, data: `01095060001343521726123110ABC123${GS}21S1` },
      { gs1: true, data: raw([{ ai: '01', value: data.gtin }, { ai: '17', value: '261231' }]) },
      { gs1: true, data: raw([{ ai: '10', value: 'ABC123' }, { ai: '21', value: 'S1' }]) },
    ]);
  });

  it('refuses data before making ZPL, naming the field', () => {
    expect(make({ ...data, lot: 'ABC 123' })).toEqual({ ok: false, error: { field: 'lot', message: "lot: ' ' at position 4 is not allowed (GS1 character set 82)" } });
  });

  it('refuses a GS1-128 that would run off the label, naming the field to shorten', () => {
    const result = make({ ...data, lot: 'ABCDEFGHIJKLMNOPQRST', serial: 'abcdefghijklmnopqrst' });
    expect(result).toEqual({ ok: false, error: { field: 'lot', message: 'lot: the GS1-128 of lot, serial is at least 1082 dots wide and runs off the 812-dot label from x=24' } });
  });

  it('refuses a GS1-128 over the 48 characters GS1 allows', () => {
    const oneBarcode = compileTemplate({ ...lotLabel, elements: [{ type: 'gs1-128', x: 0, y: 0, height: 50, moduleWidth: 1, fields: ['gtin', 'expiry', 'lot', 'serial'] }] }, Y);
    expect(oneBarcode({ ...data, lot: 'ABCDEFGHIJKLMNOPQRS', serial: 'S1234' })).toEqual({
      ok: false,
      error: { field: 'lot', message: 'lot: the GS1-128 of gtin, expiry, lot, serial would hold 53 characters, GS1 allows 48; shorten lot or split the barcode' },
    });
  });

  it('narrows, splits or leaves off a GS1-128 that would run off the label, as the template declares', () => {
    const long = { ...data, lot: 'ABCDEFGHIJKLMNOPQRST', serial: 'abcdefghijklmnopqrst' };
    const withOverflow = (overflow: Record<string, unknown>, moduleWidth = 2) =>
      compileTemplate({ ...lotLabel, dpi: 300, widthDots: 1800, heightDots: 600, widthIn: undefined, heightIn: undefined, elements: [...lotLabel.elements.slice(0, 5), { type: 'gs1-128', x: 24, y: 316, height: 50, moduleWidth, fields: ['lot', 'serial'], overflow }] }, Y);
    const code128 = (zpl: string) => readZplFields(zpl).filter((f) => f.kind === 'code128').map((f) => ('data' in f ? f.data : ''));

    // 300 dpi: 3 dots is 0.254 mm, still a GS1 X-dimension.
    const narrowed = zplOf(long, withOverflow({ shrinkTo: 3 }, 4));
    expect(narrowed).toContain('^FO24,316^BY3^BC');
    expect(code128(narrowed)).toContain(`10ABCDEFGHIJKLMNOPQRST${GS}21abcdefghijklmnopqrst`);

    const split = zplOf(long, withOverflow({ split: { dy: 100 } }, 4));
    expect(code128(split).slice(-2)).toEqual(['10ABCDEFGHIJKLMNOPQRST', '21abcdefghijklmnopqrst']);
    expect(split).toContain('^FO24,416^BY4^BC');

    const omitted = zplOf(long, withOverflow({ omit: true }, 4));
    expect(code128(omitted).some((d) => d.startsWith('10'))).toBe(false);
    // The DataMatrix still carries it all.
    expect(readZplFields(omitted).find((f) => f.kind === 'datamatrix')).toMatchObject({ data: `01095060001343521726123110ABCDEFGHIJKLMNOPQRST${GS}21abcdefghijklmnopqrst` });

    // Short data fits as one symbol at the declared width, whatever the overflow says.
    expect(code128(zplOf(data, withOverflow({ split: { dy: 100 } }, 4))).slice(-1)).toEqual([`10ABC123${GS}21S1`]);
  });

  it('throws TemplateError for a template that fails its check', () => {
    expect(() => compileTemplate({ ...lotLabel, elements: [{ type: 'text', x: 0, y: 0, height: 20, text: '{{nope}}' }] })).toThrow(TemplateError);
  });
});

describe('compileTemplate: raw ZPL', () => {
  const carton = compileTemplate(
    {
      kind: 'zpl',
      name: 'carton-test',
      dpi: 203,
      widthIn: 4,
      heightIn: 3,
      zpl: [
        '^XA',
        '^FO30,30^A0N,36,36^FH\\^FD{{itemName}}^FS',
        '^FO30,90^A0N,28,28^FH^FDLOT {{lot}}^FS',
        '^FO580,30^BXN,6,200,,,,#^FD{{dataMatrix:gtin,expiry,lot}}^FS',
        '^FO30,300^BY2^BCN,110,Y,N,N,D^FD{{gs1128:gtin,lot}}^FS',
        '^FO30,450^BQN,2,4^FDQA,{{digitalLink:gtin,lot}}^FS',
        '^XZ',
      ],
    },
    Y,
  );

  it('fills the placeholders and keeps everything else as written', () => {
    expect(zplOf({ ...data, itemName: '注射器' }, carton)).toBe(
      [
        '^XA',
        '^FO30,30^A0N,36,36^FH\\^FD\\E6\\B3\\A8\\E5\\B0\\84\\E5\\99\\A8^FS',
        '^FO30,90^A0N,28,28^FH^FDLOT ABC123^FS',
        '^FO580,30^BXN,6,200,,,,#^FD#101095060001343521726123110ABC123^FS',
        '^FO30,300^BY2^BCN,110,Y,N,N,D^FD(01)09506000134352(10)ABC123^FS',
        '^FO30,450^BQN,2,4^FDQA,https://id.gs1.org/01/09506000134352/10/ABC123^FS',
        '^XZ',
      ].join('\n'),
    );
  });

  it('escapes a lot for the ^FH indicator of its field, and rewrites ^BC to mode N for parentheses', () => {
    const zpl = zplOf({ ...data, lot: 'A_5F(1)' }, carton);
    expect(zpl).toContain('^FH^FDLOT A_5F5F(1)^FS');
    expect(zpl).toContain('^BCN,110,Y,N,N,N^FD>;>8010950600013435210>6A_5F(1)^FS');
  });
});
