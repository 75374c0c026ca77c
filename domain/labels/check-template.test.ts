import { describe, expect, it } from 'vitest';
import { checkTemplate } from './check-template';

const layout = (elements: unknown[], extra: Record<string, unknown> = {}) => ({ kind: 'layout', name: 'test', dpi: 203, widthDots: 812, heightDots: 406, elements, ...extra });
const zpl = (lines: string[]) => ({ kind: 'zpl', name: 'test', dpi: 203, widthIn: 4, heightIn: 2, zpl: lines });
const problems = (template: unknown) => {
  const result = checkTemplate(template);
  return result.ok ? [] : result.problems;
};

describe('checkTemplate: layouts', () => {
  it('accepts a layout and fills in the defaults', () => {
    const result = checkTemplate(layout([{ type: 'gs1-128', x: 10, y: 10, height: 50, fields: ['gtin'] }]));
    expect(result).toMatchObject({ ok: true, template: { elements: [{ moduleWidth: 2, humanReadable: true }] } });
  });

  it.each([
    ['an unknown field', [{ type: 'text', x: 0, y: 0, height: 20, text: 'LOT {{lott}}' }], ['elements[0] (text): {{lott}} is not a label field']],
    ['an unclosed placeholder', [{ type: 'text', x: 0, y: 0, height: 20, text: 'LOT {{lot' }], ['elements[0] (text): a "{{" or "}}" that is not part of a {{field}} placeholder']],
    [
      'barcode data in a text',
      [{ type: 'text', id: 'dm', x: 0, y: 0, height: 20, text: '{{dataMatrix}}' }],
      ["elements[0] (text 'dm'): barcode data ({{dataMatrix}}, {{gs1128}}, {{digitalLink}}) belongs in barcode elements"],
    ],
    ['an element off the label', [{ type: 'datamatrix', x: 900, y: 0, module: 5, fields: ['gtin'] }], ['elements[0] (datamatrix): starts at 900,0, outside the 812x406-dot label']],
    ['a box running off the label', [{ type: 'box', x: 700, y: 10, width: 200, height: 50 }], ['elements[0] (box): ends at 900,60, outside the 812x406-dot label']],
    ['a Digital Link without GTIN', [{ type: 'qr-digital-link', x: 0, y: 0, magnification: 4, fields: ['lot'] }], ['elements[0] (qr-digital-link): a Digital Link needs gtin, its primary key']],
    ['a field the GS1 barcode cannot carry', [{ type: 'datamatrix', x: 0, y: 0, module: 5, fields: ['itemName'] }], [expect.stringMatching(/^elements\[0\]\.fields\[0\]: /)]],
    ['an unknown element type', [{ type: 'circle', x: 0, y: 0 }], [expect.stringMatching(/^elements\[0\]/)]],
    ['maxLines without maxWidth', [{ type: 'text', x: 0, y: 0, height: 20, text: 'x', maxLines: 2 }], ['elements[0] (text): maxLines needs maxWidth to wrap in']],
    [
      'two elements with one id',
      [
        { type: 'text', id: 'a', x: 0, y: 0, height: 20, text: 'x' },
        { type: 'text', id: 'a', x: 0, y: 30, height: 20, text: 'y' },
      ],
      ["elements[1] (text 'a'): id 'a' is used twice"],
    ],
    [
      'a GS1-128 shrinking under the GS1 minimum X-dimension',
      [{ type: 'gs1-128', x: 0, y: 0, height: 50, fields: ['lot'], overflow: { shrinkTo: 1 } }],
      ['elements[0] (gs1-128): overflow.shrinkTo 1 dots is 0.125 mm at 203 dpi, under the GS1 minimum X-dimension of 0.250 mm'],
    ],
    [
      'a split second symbol drawn over the first',
      [{ type: 'gs1-128', x: 0, y: 0, height: 50, fields: ['lot', 'serial'], overflow: { split: { dy: 40 } } }],
      ['elements[0] (gs1-128): overflow.split.dy 40 would draw the second symbol over the first (a row is 76 dots)'],
    ],
    [
      'a split second symbol off the label',
      [{ type: 'gs1-128', x: 0, y: 300, height: 50, fields: ['lot', 'serial'], overflow: { split: { dy: 90 } } }],
      ['elements[0] (gs1-128): overflow.split puts the second symbol off the 406-dot label'],
    ],
    [
      'leaving a GS1-128 off with no DataMatrix to carry its data',
      [
        { type: 'datamatrix', x: 0, y: 0, module: 5, fields: ['gtin', 'lot'] },
        { type: 'gs1-128', x: 0, y: 200, height: 50, fields: ['lot', 'serial'], overflow: { omit: true } },
      ],
      ['elements[1] (gs1-128): overflow.omit needs a DataMatrix on the label that carries lot, serial'],
    ],
  ])('refuses %s, saying where', (_case, elements, expected) => {
    expect(problems(layout(elements))).toEqual(expected);
  });

  it('wants the size once, in one unit', () => {
    expect(problems(layout([{ type: 'text', x: 0, y: 0, height: 20, text: 'x' }], { widthIn: 4, heightIn: 2 }))).toEqual([
      'size: give the label size once, as widthDots/heightDots, widthIn/heightIn or widthMm/heightMm',
    ]);
    expect(problems({ ...layout([{ type: 'text', x: 0, y: 0, height: 20, text: 'x' }]), heightDots: undefined })).toEqual(['size: heightDots is missing']);
  });

  it('refuses a dpi a Zebra head does not have, and unknown properties', () => {
    expect(problems(layout([{ type: 'text', x: 0, y: 0, height: 20, text: 'x' }], { dpi: 200, colour: 'red' }))).toEqual([
      'dpi: must be 203, 300 or 600',
      'template: unknown property colour',
    ]);
  });
});

describe('checkTemplate: raw ZPL', () => {
  const dm = '^FO20,20^BXN,5,200,,,,#^FD{{dataMatrix}}^FS';

  it('accepts placeholders in field data and finds nothing wrong', () => {
    expect(problems(zpl(['^XA', dm, '^FO20,200^BCN,50,Y,N,N,D^FD{{gs1128:gtin,expiry}}^FS', '^FO300,20^A0N,30,30^FH\\^FD{{itemName}}^FS', '^FO300,60^A0N,30,30^FDLOT {{lot}}^FS', '^XZ']))).toEqual([]);
  });

  it.each([
    ['an ^XA never closed', ['^XA', dm], ['^XA at line 1 is never closed by ^XZ']],
    ['a format opened inside another', ['^XA', '^XA', dm, '^XZ'], ['^XA at line 2 opens a format inside the one opened at line 1 (missing ^XZ?)']],
    ['an ^XZ without ^XA', [dm.replace('^FO', '^XA^FO'), '^XZ', '^XZ'], ['^XZ at line 3 closes a format that was never opened with ^XA']],
    ['a field outside any format', ['^XA^XZ', dm], ['^FO at line 2 is outside ^XA..^XZ']],
    ['no format at all', ['~SD15'], ['no label format: the ZPL needs ^XA ... ^XZ']],
    ['text before the first command', ['hello ^XA^XZ'], ["line 1: 'hello' comes before the first ZPL command"]],
    ['a change of the command character', ['^XA^CC+', '+XZ'], ['line 1: ^CC changes ZPL\'s command characters; templates must keep ^ and ~']],
    ['an unknown placeholder', ['^XA', '^FO1,1^FD{{colour}}^FS', '^XZ'], ['line 2: {{colour}} is not a label field']],
    ['a placeholder outside field data', ['^XA', '^FO{{qty}},10^FDx^FS', '^XZ'], ['line 2: {{qty}} is outside field data: placeholders go in ^FD']],
    ['DataMatrix below quality 200', ['^XA', '^FO20,20^BXN,5,0,,,,#^FD{{dataMatrix}}^FS', '^XZ'], ["line 2: {{dataMatrix}}: ^BX at line 2 has quality '0'; GS1 DataMatrix needs 200 (printers default to ECC 000)"]],
    [
      'an underscore escape (a GS1 character)',
      ['^XA', '^FO20,20^BXN,5,200,,,,_^FD{{dataMatrix}}^FS', '^XZ'],
      ["line 2: {{dataMatrix}}: ^BX at line 2 needs an escape character that is not GS1 data (7th parameter, e.g. ^BXN,5,200,,,,#); '_' can appear in lots and serials"],
    ],
    [
      'no escape character',
      ['^XA', '^FO20,20^BXN,5,200^FD{{dataMatrix}}^FS', '^XZ'],
      ["line 2: {{dataMatrix}}: ^BX at line 2 needs an escape character that is not GS1 data (7th parameter, e.g. ^BXN,5,200,,,,#); '' is missing"],
    ],
    ['^FH in a DataMatrix field', ['^XA', '^FO20,20^BXN,5,200,,,,#^FH^FD{{dataMatrix}}^FS', '^XZ'], ["line 2: {{dataMatrix}}: ^FH in a barcode field would rewrite '_' in the data; remove it"]],
    ['barcode data with other text', ['^XA', '^FO20,20^BXN,5,200,,,,#^FDX{{dataMatrix}}^FS', '^XZ'], ['line 2: {{dataMatrix}} must be the whole field data (^FD{{dataMatrix}}^FS)']],
    ['DataMatrix data under ^BC', ['^XA', '^FO20,20^BCN,50^FD{{dataMatrix}}^FS', '^XZ'], ['line 2: {{dataMatrix}} needs a ^BX barcode in its field']],
    ['GS1-128 in mode A', ['^XA', '^FO20,20^BCN,50,Y,N,N,A^FD{{gs1128}}^FS', '^XZ'], ["line 2: {{gs1128}}: ^BC at line 2 is in mode 'A'; GS1-128 needs mode D (N is chosen for data D would change)"]],
    ['a lot inside a Code 128', ['^XA', '^FO20,20^BCN,50^FD{{lot}}^FS', '^XZ'], ['line 2: {{lot}} is inside a ^BC barcode: barcodes take {{dataMatrix}}, {{gs1128}} or {{digitalLink}}']],
    ['free text without ^FH', ['^XA', '^FO20,20^A0N,30,30^FD{{itemName}}^FS', '^XZ'], ['line 2: {{itemName}} is free text: its field needs ^FH so ^, ~ and non-ASCII characters are escaped']],
    ['a field list on a text field', ['^XA', '^FO20,20^FD{{lot:gtin}}^FS', '^XZ'], ['line 2: {{lot}} takes no field list']],
    ['a field list naming no GS1 field', ['^XA', '^FO20,20^BCN,50^FD{{gs1128:gtin,colour}}^FS', '^XZ'], ["line 2: {{gs1128:gtin,colour}}: 'colour' is not a GS1 field (gtin, mfgDate, expiry, lot, serial, qty)"]],
  ])('refuses %s, saying where and what', (_case, lines, expected) => {
    expect(problems(zpl(lines))).toEqual(expected);
  });
});
