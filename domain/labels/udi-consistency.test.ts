import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProductionIdentifiers } from '../udi';
import { checkTemplate } from './check-template';
import { TemplateError } from './compile';
import type { LabelTemplate, LabelTemplateInput } from './template';
import { describeMismatch, publicationRefusedBy, templateIdentifiers, udiMismatches, type LabelDataPresence, type TemplateIdentifiers } from './udi-consistency';

function checked(input: unknown): LabelTemplate {
  const result = checkTemplate(input);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.template;
}
const starter = (name: string) => checked(JSON.parse(readFileSync(new URL(`../../printers/templates/${name}.json`, import.meta.url), 'utf8')));

/** b: barcode ('L' listed, 'U' unlisted, '-' none), t: text; in the order mfg, expiry, lot, serial. */
function carriage(spec: string): TemplateIdentifiers {
  const [mfg, exp, lot, ser] = spec.split(' ').map((s) => ({ barcode: s[0] === 'L' ? ('listed' as const) : s[0] === 'U' ? ('unlisted' as const) : null, text: s[1] === 't' }));
  return { manufactureDate: mfg!, expiry: exp!, lot: lot!, serial: ser! };
}
const pis = (mfg: boolean, expiry: boolean, lot: boolean, serial: boolean): ProductionIdentifiers => ({ manufactureDate: mfg, expiry, lot, serial });
const given: LabelDataPresence = { manufactureDate: 'given', expiry: 'given', lot: 'given', serial: 'given' };

const zpl = (...lines: string[]): LabelTemplateInput => ({ kind: 'zpl', name: 'raw-test', dpi: 203, widthIn: 4, heightIn: 3, zpl: ['^XA', ...lines, '^XZ'] });
const layout = (elements: unknown[]) => ({ kind: 'layout', name: 'layout-test', dpi: 203, widthIn: 4, heightIn: 2, elements });

describe('templateIdentifiers', () => {
  it.each([
    // The starter templates shipped in printers/templates.
    ['lot-gs1', '-- Lt Lt Lt'],
    ['lot-rfid', '-- Lt Lt Lt'],
    // The NMPA label's only barcode is its QR Digital Link.
    ['udi-nmpa', 'Lt Lt Lt Lt'],
    // {{udi}} prints every identifier as text; no barcode carries (11).
    ['carton-zpl', '-t Lt Lt Lt'],
  ])('starter template %s carries %s', (name, spec) => {
    expect(templateIdentifiers(starter(name))).toEqual(carriage(spec));
  });

  it.each<[string, LabelTemplateInput, string]>([
    ['a bare {{dataMatrix}} carries whatever the data holds', zpl('^FO10,10^BXN,5,200,,,,#^FD{{dataMatrix}}^FS'), 'U- U- U- U-'],
    ['a listed barcode outranks a bare one', zpl('^FO10,10^BXN,5,200,,,,#^FD{{dataMatrix}}^FS', '^FO10,300^BY2^BCN,90,Y,N,N,D^FD{{gs1128:gtin,lot}}^FS'), 'U- U- L- U-'],
    ['GS1-128 fields', zpl('^FO10,10^BY2^BCN,90,Y,N,N,D^FD{{gs1128:gtin,expiry}}^FS'), '-- L- -- --'],
    ['a Digital Link in ^BQ is a barcode', zpl('^FO10,10^BQN,2,4^FDQA,{{digitalLink:gtin,lot,serial}}^FS'), '-- -- L- L-'],
    ['a Digital Link printed as text is for people', zpl('^FO10,10^A0N,20,20^FD{{digitalLink:gtin,lot}}^FS'), '-- -- -t --'],
    ['HRI lines only', zpl('^FO10,10^A0N,20,20^FD{{udi10}} {{udi21}} {{expiryYymmdd}} {{mfgDate}}^FS'), '-t -t -t -t'],
    ['GTIN and item name carry no production identifier', zpl('^FO10,10^BY2^BCN,90,Y,N,N,D^FD{{gs1128:gtin}}^FS', '^FO10,200^A0N,20,20^FH\\^FD{{itemName}}^FS'), '-- -- -- --'],
  ])('raw ZPL: %s', (_, template, spec) => {
    expect(templateIdentifiers(checked(template))).toEqual(carriage(spec));
  });

  it('a layout reads its barcode elements and text placeholders; an RFID inlay carries the serial', () => {
    const plain = checked(
      layout([
        { type: 'gs1-128', x: 10, y: 10, height: 50, fields: ['gtin', 'mfgDate'] },
        { type: 'text', x: 10, y: 100, height: 20, text: 'LOT {{lot}} 批号 {{udi10}}' },
      ]),
    );
    expect(templateIdentifiers(plain)).toEqual(carriage('L- -- -t --'));
    expect(templateIdentifiers({ ...plain, rfid: { epc: 'sgtin', filter: 1, retries: 1 } })).toEqual(carriage('L- -- -t L-'));
  });

  it('refuses a template that would not pass the save check rather than guess', () => {
    const broken = { kind: 'zpl', name: 'broken', dpi: 203, widthIn: 4, heightIn: 2, zpl: '^XA^FO0,0^BXN,5,200^FD{{dataMatrix}}^FS^XZ' } as const;
    expect(() => templateIdentifiers(broken)).toThrow(TemplateError);
  });
});

describe('udiMismatches', () => {
  it.each<[string, string, ProductionIdentifiers, Partial<LabelDataPresence>, { code: string; ai: string; field: string; found: string }[]]>([
    ['agreement', 'L- L- L- L-', pis(true, true, true, true), {}, []],
    ['a barcode carries (21) the record does not declare', 'L- L- L- L-', pis(true, true, true, false), {}, [{ code: 'carried_not_declared', ai: '21', field: 'serial', found: 'in a barcode' }]],
    ['the record declares (11) no barcode carries', '-- L- L- --', pis(true, true, true, false), {}, [{ code: 'declared_not_carried', ai: '11', field: 'manufactureDate', found: 'not on the label' }]],
    ['the lot printed as text only is not carried', '-- L- -t --', pis(false, true, true, false), {}, [{ code: 'declared_not_carried', ai: '10', field: 'lot', found: 'human-readable only' }]],
    ['the data has no serial for a declared one', 'L- L- L- L-', pis(true, true, true, true), { serial: 'missing' }, [{ code: 'declared_not_carried', ai: '21', field: 'serial', found: 'no value in the label data' }]],
    ['an undeclared field the data lacks is not carried', 'L- L- L- L-', pis(true, true, true, false), { serial: 'missing' }, []],
    ['both directions at once, in GS1 order', 'L- -- L- --', pis(false, true, true, false), {}, [
      { code: 'carried_not_declared', ai: '11', field: 'manufactureDate', found: 'in a barcode' },
      { code: 'declared_not_carried', ai: '17', field: 'expiry', found: 'not on the label' },
    ]],
    ['a bare barcode follows the data: given', 'U- U- U- U-', pis(false, true, true, false), {}, [
      { code: 'carried_not_declared', ai: '11', field: 'manufactureDate', found: 'in a barcode' },
      { code: 'carried_not_declared', ai: '21', field: 'serial', found: 'in a barcode' },
    ]],
    ['a bare barcode follows the data: missing', 'U- U- U- U-', pis(false, true, true, false), { manufactureDate: 'missing', serial: 'missing' }, []],
    ['a bare barcode is not judged before the data is known', 'U- U- U- U-', pis(false, true, true, true), { manufactureDate: 'unknown', serial: 'unknown' }, []],
    ['a listed field is meant to be there, known or not', 'L- L- L- --', pis(false, true, true, false), { manufactureDate: 'unknown' }, [{ code: 'carried_not_declared', ai: '11', field: 'manufactureDate', found: 'in a barcode' }]],
    ['a declared field a listed barcode carries passes while unknown', 'L- L- L- --', pis(true, true, true, false), { manufactureDate: 'unknown' }, []],
  ])('%s', (_, spec, declared, data, expected) => {
    const found = udiMismatches(carriage(spec), declared, { ...given, ...data });
    expect(found).toEqual(expected.map((m) => ({ ...m, expected: m.code === 'carried_not_declared' ? 'not carried' : 'carried' })));
  });

  it('a starter template against a record without serials names (21)', () => {
    const [mismatch] = udiMismatches(templateIdentifiers(starter('lot-gs1')), pis(false, true, true, false), given);
    expect(mismatch).toEqual({ code: 'carried_not_declared', ai: '21', field: 'serial', expected: 'not carried', found: 'in a barcode' });
    expect(describeMismatch(mismatch!)).toBe('the label carries (21) serial number in a barcode, but the DI record does not declare it');
  });

  it.each([
    ['not on the label', 'the DI record declares (11) manufacture date, but no barcode on the label carries it'],
    ['human-readable only', 'the DI record declares (11) manufacture date, but the label prints it as text only, in no barcode'],
    ['no value in the label data', 'the DI record declares (11) manufacture date, but the label data has no value for it'],
  ] as const)('describes %s', (found, text) => {
    expect(describeMismatch({ code: 'declared_not_carried', ai: '11', field: 'manufactureDate', expected: 'carried', found })).toBe(text);
  });
});

describe('publicationRefusedBy', () => {
  it.each([
    [false, ['NMPA', 'EUDAMED', 'GUDID'], ['EUDAMED', 'GUDID', 'NMPA']],
    [true, ['NMPA', 'EUDAMED', 'GUDID'], []],
    [false, [], []],
    [false, ['NMPA'], ['NMPA']],
  ] as const)('published %s under %j refuses for %j', (published, rule, refused) => {
    expect(publicationRefusedBy(published, rule)).toEqual(refused);
  });
});
