import epcTds from 'epc-tds';
import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../gs1';
import { EpcError, decodeEpc, encodeSgln, encodeSgtin, encodeSscc, normaliseEpcHex } from '.';

/** What the second implementation answers for an SGTIN. */
interface SgtinView {
  toTagURI(): string;
  getGtin(): string;
}

const withCheck = (body: string) => body + gs1CheckDigit(body);

function refusal(act: () => unknown): EpcError {
  try {
    act();
  } catch (error) {
    if (error instanceof EpcError) return error;
    throw error;
  }
  throw new Error('expected an EpcError');
}

describe('the Tag Data Standard examples (Annex E)', () => {
  it('SGTIN-96: GTIN 80614141123458 serial 6789, filter 3, is 3074257BF7194E4000001A85', () => {
    const epc = encodeSgtin('sgtin-96', { gtin: '80614141123458', serial: '6789', companyPrefixLength: 7, filter: 3 });
    expect(epc.hex).toBe('3074257BF7194E4000001A85');
    expect(epc.tagUri).toBe('urn:epc:tag:sgtin-96:3.0614141.812345.6789');
    expect(epc.pureIdentityUri).toBe('urn:epc:id:sgtin:0614141.812345.6789');
    expect(epc.elementString).toBe('(01)80614141123458(21)6789');
    expect(decodeEpc('3074257BF7194E4000001A85')).toEqual(epc);
  });

  it('SGTIN-198: serial 32a/b, filter 3, is 3674257BF6B7A659B2C2BF10…, the slash escaped in the URIs', () => {
    const gtin = withCheck('7061414112345');
    const epc = encodeSgtin('sgtin-198', { gtin, serial: '32a/b', companyPrefixLength: 7, filter: 3 });
    expect(epc.hex).toBe('3674257BF6B7A659B2C2BF1000000000000000000000000000');
    expect(epc.tagUri).toBe('urn:epc:tag:sgtin-198:3.0614141.712345.32a%2Fb');
    expect(epc.pureIdentityUri).toBe('urn:epc:id:sgtin:0614141.712345.32a%2Fb');
    expect(epc.elementString).toBe(`(01)${gtin}(21)32a/b`);
    expect(decodeEpc(epc.hex)).toEqual(epc);
  });
});

// epc-tds serves as a second opinion only where it follows the standard: it does not %-escape
// serial characters in URIs, cuts a serial at its first '.' or ':' when reading a URI, and writes an
// empty SGLN location reference as 0.
describe('every company prefix length, against a second implementation', () => {
  const lengths = [6, 7, 8, 9, 10, 11, 12];
  it.each(lengths)('SGTIN-96 and SGTIN-198 with a %i-digit company prefix', (n) => {
    const gtin = withCheck(`3${'4'.repeat(n).replace(/^4/, '9')}${'1'.repeat(12 - n)}`);
    for (const [scheme, serial] of [['sgtin-96', '274877906943'], ['sgtin-198', "A-Za-z0-9!'()*+,;=_-"]] as const) {
      const ours = encodeSgtin(scheme, { gtin, serial: serial.slice(0, 20), companyPrefixLength: n, filter: 1 });
      const theirs = epcTds.valueOf(ours.hex) as SgtinView;
      expect(theirs.toTagURI()).toBe(ours.tagUri);
      expect(theirs.getGtin()).toBe(gtin);
      expect(epcTds.fromTagURI(ours.tagUri).toHexString()).toBe(ours.hex);
    }
  });

  it.each(lengths)('SSCC-96 with a %i-digit company prefix', (n) => {
    const sscc = withCheck(`5${'6'.repeat(n).replace(/^6/, '9')}${'2'.repeat(16 - n)}`);
    const ours = encodeSscc({ sscc, companyPrefixLength: n, filter: 2 });
    expect(ours.elementString).toBe(`(00)${sscc}`);
    const theirs = epcTds.valueOf(ours.hex);
    expect(theirs.toTagURI()).toBe(ours.tagUri);
    expect(epcTds.fromTagURI(ours.tagUri).toHexString()).toBe(ours.hex);
  });

  it.each(lengths)('SGLN-96 with a %i-digit company prefix, with and without an extension', (n) => {
    const gln = withCheck(`${'8'.repeat(n).replace(/^8/, '9')}${'3'.repeat(12 - n)}`);
    for (const extension of [undefined, '1', '2199023255551']) {
      const ours = encodeSgln({ gln, extension, companyPrefixLength: n, filter: 0 });
      expect(decodeEpc(ours.hex).key.value).toBe(gln);
      if (n === 12) {
        expect(ours.tagUri).toBe(`urn:epc:tag:sgln-96:0.${gln.slice(0, 12)}..${extension ?? '0'}`);
        continue;
      }
      const theirs = epcTds.valueOf(ours.hex);
      expect(theirs.toTagURI()).toBe(ours.tagUri);
      expect(epcTds.fromTagURI(ours.tagUri).toHexString()).toBe(ours.hex);
    }
  });
});

describe('keys and serials an EPC cannot hold', () => {
  const gtin = '80614141123458';
  it.each([
    ['274877906944', '2^38, one past what SGTIN-96 holds'],
    ['0123', 'a leading zero'],
    ['12AB', 'letters'],
  ])('SGTIN-96 refuses %s (%s) and offers SGTIN-198, which takes it', (serial) => {
    const error = refusal(() => encodeSgtin('sgtin-96', { gtin, serial, companyPrefixLength: 7 }));
    expect(error.code).toBe('serial_too_big_for_96');
    expect(error.offer).toBe('sgtin-198');
    expect(error.message).toContain('SGTIN-198');
    expect(encodeSgtin('sgtin-198', { gtin, serial, companyPrefixLength: 7 }).serial).toBe(serial);
  });

  it.each([
    ['a serial of 21 characters', 'A'.repeat(21), 'serial_too_long'],
    ['an empty serial', '', 'serial_too_long'],
    ['a space', 'AB 12', 'serial_not_encodable'],
    ['a NUL', 'AB\u000012', 'serial_not_encodable'],
    ['a full-width digit', 'AB１２', 'serial_not_encodable'],
    ['a lone surrogate', 'AB\ud800', 'serial_not_encodable'],
    ['a Chinese character', '批号1', 'serial_not_encodable'],
  ])('refuses %s in any SGTIN', (_what, serial, code) => {
    expect(refusal(() => encodeSgtin('sgtin-198', { gtin, serial, companyPrefixLength: 7 })).code).toBe(code);
    expect(refusal(() => encodeSgtin('sgtin-96', { gtin, serial, companyPrefixLength: 7 })).code).toBe(code);
  });

  it('escapes the URI characters of CSET 82 in both URIs, and reads them back', () => {
    const epc = encodeSgtin('sgtin-198', { gtin, serial: 'a"b%c&d/e<f>g?h', companyPrefixLength: 7 });
    expect(epc.pureIdentityUri).toBe('urn:epc:id:sgtin:0614141.812345.a%22b%25c%26d%2Fe%3Cf%3Eg%3Fh');
    expect(decodeEpc(epc.hex).serial).toBe('a"b%c&d/e<f>g?h');
  });

  it('pads a GTIN-8 to the 14 digits the SGTIN carries', () => {
    const epc = encodeSgtin('sgtin-96', { gtin: '96385074', serial: '1', companyPrefixLength: 12 });
    expect(epc.key.value).toBe('00000096385074');
    expect(epc.tagUri).toBe('urn:epc:tag:sgtin-96:1.000009638507.0.1');
    expect((epcTds.valueOf(epc.hex) as SgtinView).getGtin()).toBe('00000096385074');
  });

  it.each([
    ['a GTIN with a wrong check digit', () => encodeSgtin('sgtin-96', { gtin: '80614141123459', serial: '1', companyPrefixLength: 7 }), 'bad_gtin'],
    ['a 5-digit company prefix', () => encodeSgtin('sgtin-96', { gtin, serial: '1', companyPrefixLength: 5 }), 'bad_prefix_length'],
    ['filter 8', () => encodeSgtin('sgtin-96', { gtin, serial: '1', companyPrefixLength: 7, filter: 8 }), 'bad_filter'],
    ['an SSCC of 17 digits', () => encodeSscc({ sscc: '10614141123456789', companyPrefixLength: 7 }), 'bad_sscc'],
    ['a GLN with a wrong check digit', () => encodeSgln({ gln: '0614141123451', companyPrefixLength: 7 }), 'bad_gln'],
    ['a GLN extension with a leading zero', () => encodeSgln({ gln: withCheck('061414112345'), extension: '01', companyPrefixLength: 7 }), 'bad_extension'],
    ['a GLN extension past 2^41-1', () => encodeSgln({ gln: withCheck('061414112345'), extension: '2199023255552', companyPrefixLength: 7 }), 'bad_extension'],
  ])('refuses %s', (_what, act, code) => {
    expect(refusal(act).code).toBe(code);
  });
});

describe('reading EPC hex as readers and wedges give it', () => {
  it.each(['3074257bf7194e4000001a85', '0x3074257BF7194E4000001A85', '3074 257B F719 4E40 0000 1A85', '3074-257B-F719-4E40-0000-1A85', '3074257BF7194E4000001A850000'])('reads %s', (input) => {
    expect(decodeEpc(input).tagUri).toBe('urn:epc:tag:sgtin-96:3.0614141.812345.6789');
  });

  it.each([
    ['too short', '3074257BF7194E40', 'bad_hex'],
    ['not hex', '3074257BF7194E4000001AZZ', 'bad_hex'],
    ['a GID-96 header', '350000000000000000000000', 'unknown_header'],
    ['reserved partition 7', '307C257BF7194E4000001A85', 'bad_partition'],
    ['an SGTIN-198 cut to 96 bits', '3674257BF6B7A659B2C2BF10', 'bad_hex'],
  ])('refuses %s', (_what, hex, code) => {
    expect(refusal(() => decodeEpc(hex)).code).toBe(code);
  });

  it('keeps the hex of the EPC alone, without the extra words', () => {
    expect(normaliseEpcHex(' 0x3074257bf7194e4000001a85 ')).toBe('3074257BF7194E4000001A85');
    expect(decodeEpc('3074257BF7194E4000001A850000').hex).toBe('3074257BF7194E4000001A85');
  });
});
