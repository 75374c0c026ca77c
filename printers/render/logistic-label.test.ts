import { describe, expect, it } from 'vitest';
import { readScan } from '../../domain/gs1';
import { logisticLabelZpl, type LogisticDpi, type LogisticLabelInput, type LogisticSize } from '../../domain/labels';
import { readLabelBarcodes, renderZplToPng } from '.';

/** The logistic label proved as the others are: data -> ZPL -> PNG -> zxing-wasm -> domain/gs1. */
const pallet: LogisticLabelInput = {
  sscc: '106141410000000019',
  shipFrom: { name: 'Suzhou Medical Devices Co.', address: ['88 Xinghu St', 'Suzhou 215000'] },
  shipTo: { name: 'Sinopharm Beijing', address: ['Beijing DC, Dock 4'] },
  content: { gtin: '06901234000016', count: 480, lot: 'S24110701', expiry: '2029-06-30' },
  reference: 'SO-1042',
};

async function printAndScan(input: LogisticLabelInput, size: LogisticSize, dpi: LogisticDpi): Promise<string[][]> {
  const made = logisticLabelZpl(input, { size, dpi });
  if (!made.ok) throw new Error(`${made.field}: ${made.message}`);
  const png = await renderZplToPng(made.zpl, { widthDots: made.widthDots, heightDots: made.heightDots, dpi });
  // Top to bottom, as readLabelBarcodes gives them.
  return (await readLabelBarcodes(png)).map((barcode) => {
    expect(barcode.format).toBe('Code128');
    const scan = readScan(barcode.scan, { referenceYear: 2026, checkAssociations: false });
    if (!scan.ok || scan.kind !== 'gs1') throw new Error(`${JSON.stringify(barcode.scan)} is not GS1-128`);
    return scan.elements.map((e) => `(${e.ai})${e.value}`);
  });
}

describe('the logistic label scans back', () => {
  it.each([
    ['4x6', 203],
    ['4x6', 300],
    ['a6', 203],
    ['a6', 300],
  ] as const)('%s at %i dpi: content, then the SSCC lowest', async (size, dpi) => {
    const scanned = await printAndScan(pallet, size, dpi);
    expect(scanned.at(-1)).toEqual(['(00)106141410000000019']);
    expect(scanned.flat().sort()).toEqual(['(00)106141410000000019', '(02)06901234000016', '(10)S24110701', '(17)290630', '(37)480']);
  });

  it('a lot of GS1 punctuation, mode N in the printer, reads back as typed', async () => {
    const lot = '(A)>B%&/-1';
    const scanned = await printAndScan({ ...pallet, content: { gtin: '06901234000016', count: 480, lot } }, '4x6', 203);
    expect(scanned.flat()).toContain(`(10)${lot}`);
    expect(scanned.at(-1)).toEqual(['(00)106141410000000019']);
  });
});
