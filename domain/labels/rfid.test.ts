import { describe, expect, it } from 'vitest';
import { decodeEpc } from '../epc';
import { TemplateError, compileTemplate } from './compile';
import { judgeReadBack, readBackAnswer, takeReadBack, withRfid } from './rfid';
import type { LabelTemplateInput } from './template';

const Y = { referenceYear: 2026 };
const unit = { gtin: '06901234000054', lot: 'L1', expiry: '2027-06-30' };
const rfidLabel = (rfid: Record<string, unknown>): LabelTemplateInput => ({
  kind: 'layout',
  name: 'rfid-test',
  dpi: 203,
  widthIn: 4,
  heightIn: 2,
  rfid,
  elements: [{ type: 'text', x: 20, y: 20, height: 30, text: 'SN {{serial}}' }],
});
const made = (template: LabelTemplateInput, data: Record<string, unknown>, prefixLengthOf?: (gtin14: string) => number) => {
  const result = compileTemplate(template, { ...Y, ...(prefixLengthOf ? { prefixLengthOf } : {}) })(data);
  if (!result.ok) throw new Error(result.error.message);
  return result;
};

describe('RFID labels: the unit EPC written and read back', () => {
  it.each([
    ['a serial of digits SGTIN-96 can hold', '26000000001', 'sgtin-96', 24],
    ['a serial with letters', 'SN-42', 'sgtin-198', 52],
    ['a serial with a leading zero', '0042', 'sgtin-198', 52],
    ['a serial over 2^38', '274877906944', 'sgtin-198', 52],
  ])('%s goes in as %s', (_, serial, scheme, hexDigits) => {
    const label = made(rfidLabel({ companyPrefixLength: 7 }), { ...unit, serial });
    expect(label.epc).toHaveLength(hexDigits);
    const epc = decodeEpc(label.epc!);
    expect(epc.scheme).toBe(scheme);
    expect(epc.serial).toBe(serial);
    expect(epc.key.value).toBe(unit.gtin);
  });

  it('sets up the tag, writes it, reads it into a field and returns it to the host, before the label itself', () => {
    const label = made(rfidLabel({ companyPrefixLength: 7 }), { ...unit, serial: '26000000001' });
    const lines = label.zpl.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '^XA',
      '^RS8,,,1,N',
      `^RFW,H,,,A^FD${label.epc}^FS`,
      '^FN1^RFR,H^FS',
      '^FH_^HV1,24,EPC[,]_0D_0A,L^FS',
    ]);
    expect(label.zpl.match(/\^XA/g)).toHaveLength(1);
    expect(label.zpl).toContain('SN 26000000001');
  });

  it('takes the company prefix length from the server when the template does not fix it', () => {
    const asked: string[] = [];
    const label = made(rfidLabel({}), { ...unit, serial: '7' }, (gtin14) => (asked.push(gtin14), 7));
    expect(asked).toEqual([unit.gtin]);
    expect(decodeEpc(label.epc!).companyPrefix).toBe('6901234');
  });

  it.each([
    ['no serial', {}, undefined, 'serial'],
    ['no company prefix length anywhere', { serial: '1' }, undefined, 'gtin'],
    ['a prefix the table does not know', { serial: '1' }, () => { throw new Error('unknown prefix'); }, 'gtin'],
  ])('refuses a label with %s, naming the field', (_, extra, prefixLengthOf, field) => {
    const result = compileTemplate(rfidLabel({}), { ...Y, ...(prefixLengthOf ? { prefixLengthOf } : {}) })({ ...unit, ...extra });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe(field);
  });

  it('refuses a template whose RFID setup is out of range', () => {
    expect(() => compileTemplate(rfidLabel({ retries: 9, filter: 8 }))).toThrow(TemplateError);
    expect(() => compileTemplate(rfidLabel({ antenna: 'A' }))).toThrow(/unknown property antenna/);
  });

  it('leaves labels without an RFID setup as they were', () => {
    const { rfid: _, ...plain } = rfidLabel({}) as LabelTemplateInput & { rfid: unknown };
    const result = made(plain as LabelTemplateInput, { ...unit, serial: '1' });
    expect(result.epc).toBeUndefined();
    expect(result.zpl).not.toContain('^RF');
  });

  it('puts the commands after ^XA of a raw ZPL format too', () => {
    expect(withRfid('^XA^FO1,1^FDx^FS^XZ', 'AB')).toBe('^XA^RS8,,,1,N\n^RFW,H,,,A^FDAB^FS\n^FN1^RFR,H^FS\n^FH_^HV1,2,EPC[,]_0D_0A,L^FS\n^FO1,1^FDx^FS^XZ');
  });
});

describe('judging the read-back', () => {
  const written = '3035A537C80001460DB88401';
  it.each([
    ['the EPC written', readBackAnswer(written), 'encoded'],
    ['the EPC written in lower case', readBackAnswer(written.toLowerCase()), 'encoded'],
    ['the EPC with zero words past it', readBackAnswer(`${written}0000`), 'encoded'],
    ["the previous label's EPC", readBackAnswer('3035A537C80001460DB88400'), 'wrong_tag'],
    ['nothing (no tag: VOID printed)', readBackAnswer(''), 'no_tag'],
    ['an EPC too short', readBackAnswer(written.slice(0, 20)), 'bad_answer'],
    ['an EPC too long', readBackAnswer(`${written}1234`), 'bad_answer'],
    ['garbage', readBackAnswer('ZZ#!'), 'bad_answer'],
    ['no header', `${written}\r\n`, 'bad_answer'],
  ])('%s reads as %s', (_, answer, verdict) => {
    expect(judgeReadBack(written, answer).verdict).toBe(verdict);
  });

  it('takes one answer off a stream and keeps what follows', () => {
    expect(takeReadBack('EPC[AB')).toBeNull();
    expect(takeReadBack('EPC[AB]\r\n\x02rest')).toEqual({ answer: 'EPC[AB]', rest: '\x02rest' });
  });
});
