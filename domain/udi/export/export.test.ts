import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STENT } from '../test-record';
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
