import { beforeAll, describe, expect, it } from 'vitest';
import { CSET82_CHARS, readScan } from '../../domain/gs1';
import { compileTemplate, labelSize, type LabelTemplate } from '../../domain/labels';
import { loadTemplate } from '../templates';
import { readLabelBarcodes, renderZplToPng } from '.';

/**
 * The longest values GS1 allows print, and scan back, on every starter template: a 20-character
 * lot with a 20-character serial, drawn from every character of GS1 character set 82, or all
 * digits. A template whose GS1-128 cannot hold them splits or leaves it to the DataMatrix, as it
 * declares; the data is then still all on the label, in some barcode.
 */
const Y = { referenceYear: 2026 };
const GTIN = '09506000134352';
const STARTERS = ['lot-gs1', 'udi-nmpa', 'carton-zpl'] as const;

// Every CSET82 character, 20 at a time; ">" kept off the next-to-last place of a field (the
// preview renderer, not a printer, drops the character after an invocation code there).
const SHUFFLED = [...CSET82_CHARS].map((c, i) => ({ c, k: (i * 29) % 83 })).sort((a, b) => a.k - b.k).map((x) => x.c).join('');
const PIECES = (SHUFFLED + SHUFFLED.slice(0, 40)).match(/.{20}/g)!.map((p) => (p[18] === '>' ? p.slice(0, 18) + p[19] + p[18] : p));
const VALUES = [
  ...Array.from({ length: Math.floor(PIECES.length / 2) }, (_, i) => ({ lot: PIECES[2 * i]!, serial: PIECES[2 * i + 1]! })),
  { lot: '12345678901234567890', serial: '09876543210987654321' },
];

async function scanned(template: LabelTemplate, data: Record<string, unknown>): Promise<Map<string, string>> {
  const made = compileTemplate(template, Y)(data);
  if (!made.ok) throw new Error(made.error.message);
  const png = await renderZplToPng(made.zpl, { ...labelSize(template), dpi: template.dpi });
  const found = new Map<string, string>();
  for (const barcode of await readLabelBarcodes(png)) {
    const scan = readScan(barcode.scan, { ...Y, checkAssociations: false });
    if (!scan.ok || scan.kind !== 'gs1') throw new Error(`${barcode.format} ${JSON.stringify(barcode.scan)} is not GS1 data`);
    for (const e of scan.elements) {
      if (found.has(e.ai)) expect(found.get(e.ai), `AI ${e.ai} read twice with different values`).toBe(e.value);
      found.set(e.ai, e.value);
    }
  }
  return found;
}

describe('every GS1-valid value prints on the starter templates', () => {
  const templates: Partial<Record<(typeof STARTERS)[number], LabelTemplate>> = {};
  beforeAll(async () => {
    for (const name of STARTERS) templates[name] = await loadTemplate(name);
  });

  it('the values hold every character of GS1 character set 82, at the longest a lot and a serial may be', () => {
    expect(new Set(VALUES.flatMap((v) => [...v.lot, ...v.serial]))).toEqual(new Set(CSET82_CHARS));
    for (const v of VALUES) expect([v.lot.length, v.serial.length]).toEqual([20, 20]);
  });

  it.each(STARTERS.flatMap((name) => VALUES.map((v) => ({ name, ...v }))))('$name: lot $lot, serial $serial', async ({ name, lot, serial }) => {
    const template = templates[name]!;
    const found = await scanned(template, { gtin: GTIN, lot, serial, expiry: '2027-03-31', mfgDate: '2026-03-01', qty: 48, itemName: 'Syringe 5 ml' });
    expect(found.get('01')).toBe(GTIN);
    expect(found.get('10')).toBe(lot);
    expect(found.get('21')).toBe(serial);
    expect(found.get('17')).toBe('270331');
  });
});
