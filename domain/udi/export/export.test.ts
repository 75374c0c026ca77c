import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STENT } from '../test-record';
import { gudidSpl } from './gudid-spl';
import { nmpaExport } from './nmpa';

const golden = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, 'golden', name), 'utf8'));

describe('NMPA UDI database export (YY/T 1753 data items)', () => {
  it('gives the entry written by hand from the data items, package levels from the minimum sales unit out', () => {
    expect(nmpaExport(STENT, '2026-12-01')).toEqual({ ok: true, document: golden('nmpa-stent.json') });
  });

  it('does not export a record the pre-submission check finds fault with', () => {
    const result = nmpaExport({ ...STENT, nmpa: { ...STENT.nmpa, registrantName: null } }, '2026-12-01');
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ jurisdiction: 'NMPA', field: 'nmpa.registrantName', problem: 'missing' })] });
  });

  it('orders levels by what they contain, not by where they are listed', () => {
    const result = nmpaExport({ ...STENT, packages: [...STENT.packages].reverse() }, '2026-12-01');
    expect(result.ok && result.document.packages.map((p) => p.BZCPBS)).toEqual(['10614141000019', '20614141000016']);
  });
});

describe('GUDID HL7 SPL export', () => {
  const header = { documentId: '5b0c1d8e-2f3a-4c4b-9d6e-7f8091a2b3c4', setId: '0a1b2c3d-4e5f-4061-8273-948596a7b8c9', version: 2, effectiveDate: '20261201' };

  it('writes one document per Primary DI, the package levels nested inside out, as the hand-written golden file', () => {
    const result = gudidSpl(STENT, header);
    expect(result).toEqual({ ok: true, document: { fileName: '00614141000012.xml', xml: readFileSync(join(import.meta.dirname, 'golden', 'gudid-00614141000012.xml'), 'utf8') } });
  });

  it('escapes what XML would read as markup', () => {
    const result = gudidSpl({ ...STENT, brandName: 'A&B <Stent> "Plus"' }, header);
    expect(result.ok && result.document.xml).toContain('<name>A&amp;B &lt;Stent&gt; &quot;Plus&quot;</name>');
  });

  it('does not write a record GUDID would refuse', () => {
    expect(gudidSpl({ ...STENT, labelerDuns: null }, header)).toMatchObject({ ok: false, problems: [{ jurisdiction: 'GUDID', field: 'labelerDuns' }] });
  });
});
