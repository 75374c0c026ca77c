import { beforeAll, describe, expect, it } from 'vitest';
import { CSET82_CHARS, readScan } from '../../domain/gs1';
import { compileTemplate, labelSize, type LabelTemplate, type LabelTemplateInput } from '../../domain/labels';
import { loadTemplate } from '../templates';
import { decodePng, pngToGraphic, readLabelBarcodes, renderZplToPng } from '.';

/**
 * Only a decode of the rendered image proves a label: data -> ZPL -> PNG (the Zebrash renderer)
 * -> zxing-wasm -> domain/gs1, and back to the data printed.
 */
const Y = { referenceYear: 2026 };
const GTIN = '09506000134352';

type Pairs = [string, string][];
interface Decoded {
  symbology: string;
  elements: Pairs;
}

async function printAndScan(template: LabelTemplate | LabelTemplateInput, data: Record<string, unknown>): Promise<Decoded[]> {
  const made = compileTemplate(template, Y)(data);
  if (!made.ok) throw new Error(made.error.message);
  const png = await renderZplToPng(made.zpl, { ...labelSize(template), dpi: template.dpi });
  const decoded: Decoded[] = [];
  for (const barcode of await readLabelBarcodes(png)) {
    // The lot and serial half of a two-row GS1-128 is valid only next to its GTIN half.
    const scan = readScan(barcode.scan, { ...Y, checkAssociations: false });
    if (!scan.ok || scan.kind !== 'gs1') throw new Error(`${barcode.format} ${JSON.stringify(barcode.scan)} is not GS1 data`);
    decoded.push({ symbology: scan.symbology ?? '', elements: scan.elements.map((e) => [e.ai, e.value]) });
  }
  return decoded.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const sorted = (decoded: Decoded[]) => [...decoded].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

// Every GS1 character, in pieces of 13 so lot and serial of one label fit a 4-inch GS1-128.
// The order mixes them so "(", ")" and ">" (mode N) and the rest (mode D) both come up. The
// preview renderer drops a last character that follows an invocation code, so ">" is kept
// away from the next-to-last place of the last field (printers read it right; see zpl-read).
const SHUFFLED = [...CSET82_CHARS].map((c, i) => ({ c, k: (i * 37) % 83 })).sort((a, b) => a.k - b.k).map((x) => x.c).join('');
const PIECES = SHUFFLED.match(/.{1,13}/g)!;
const LABELS = Array.from({ length: Math.ceil(PIECES.length / 2) }, (_, i) => ({ lot: PIECES[2 * i]!, serial: PIECES[2 * i + 1] ?? 'S1' }));

describe('labels print and scan back as the data that went in', () => {
  const templates: Record<string, LabelTemplate> = {};
  beforeAll(async () => {
    for (const name of ['lot-gs1', 'udi-nmpa', 'carton-zpl']) templates[name] = await loadTemplate(name);
  });

  it('the test data holds every GS1 character set 82 character', () => {
    expect(new Set(LABELS.flatMap((l) => [...l.lot, ...l.serial]))).toEqual(new Set(CSET82_CHARS));
    for (const { lot, serial } of LABELS) expect([lot.at(-2), serial.at(-2)]).not.toContain('>');
  });

  it.each(LABELS)('lot-gs1 (layout): DataMatrix and both GS1-128 rows, lot $lot serial $serial', async ({ lot, serial }) => {
    const decoded = await printAndScan(templates['lot-gs1']!, { gtin: GTIN, lot, serial, expiry: '2027-03-31' });
    expect(decoded).toEqual(
      sorted([
        {
          symbology: ']d2',
          elements: [
            ['01', GTIN],
            ['17', '270331'],
            ['10', lot],
            ['21', serial],
          ],
        },
        {
          symbology: ']C1',
          elements: [
            ['01', GTIN],
            ['17', '270331'],
          ],
        },
        {
          symbology: ']C1',
          elements: [
            ['10', lot],
            ['21', serial],
          ],
        },
      ]),
    );
  }, 30_000);

  it.each(LABELS)('udi-nmpa (layout, 300 dpi): QR code with the Digital Link, lot $lot serial $serial', async ({ lot, serial }) => {
    const [qr, ...others] = await printAndScan(templates['udi-nmpa']!, { gtin: GTIN, lot, serial, expiry: '2027-03-31', mfgDate: '2025-03-01', itemName: '一次性使用无菌注射器' });
    expect(others).toEqual([]);
    expect(qr!.symbology).toBe(']Q1');
    expect(qr!.elements.sort()).toEqual(
      (
        [
          ['01', GTIN],
          ['10', lot],
          ['21', serial],
          ['17', '270331'],
          ['11', '250301'],
        ] as Pairs
      ).sort(),
    );
  }, 30_000);

  it.each(LABELS)('carton-zpl (raw ZPL): DataMatrix with a count, GS1-128 of GTIN and expiry, then of the lot, lot $lot', async ({ lot, serial }) => {
    const decoded = await printAndScan(templates['carton-zpl']!, { gtin: GTIN, lot, serial, expiry: '2027-03-31', qty: 48, itemName: 'Syringe 5 ml ^~' });
    expect(decoded).toEqual(
      sorted([
        {
          symbology: ']d2',
          elements: [
            ['01', GTIN],
            ['17', '270331'],
            ['10', lot],
            ['21', serial],
            ['30', '48'],
          ],
        },
        {
          symbology: ']C1',
          elements: [
            ['01', GTIN],
            ['17', '270331'],
          ],
        },
        { symbology: ']C1', elements: [['10', lot]] },
      ]),
    );
  }, 30_000);

  it('an image element (PNG converted to ^GFA) prints the picture exactly', async () => {
    const dataMatrixOnly: LabelTemplateInput = {
      kind: 'layout',
      name: 'dm-only',
      dpi: 203,
      widthDots: 240,
      heightDots: 240,
      elements: [{ type: 'datamatrix', x: 20, y: 20, module: 6, fields: ['gtin', 'lot', 'serial'] }],
    };
    const made = compileTemplate(dataMatrixOnly, Y)({ gtin: GTIN, lot: 'IMG_1', serial: 'A"B', expiry: '2027-03-31' });
    if (!made.ok) throw new Error(made.error.message);
    const picture = await renderZplToPng(made.zpl, { widthDots: 240, heightDots: 240, dpi: 203 });
    expect(decodePng(picture)).toMatchObject({ width: 240, height: 240 });
    const { widthDots, heightDots, ...graphic } = pngToGraphic(picture);
    expect([widthDots, heightDots]).toEqual([240, 240]);

    const withImage: LabelTemplateInput = { ...dataMatrixOnly, name: 'image-only', elements: [{ type: 'image', x: 0, y: 0, graphic }] };
    const decoded = await printAndScan(withImage, { gtin: GTIN, lot: 'OTHER', expiry: '2027-03-31' });
    expect(decoded).toEqual([
      {
        symbology: ']d2',
        elements: [
          ['01', GTIN],
          ['10', 'IMG_1'],
          ['21', 'A"B'],
        ],
      },
    ]);
  }, 30_000);
});
