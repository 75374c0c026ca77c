import { describe, expect, it } from 'vitest';
import { readScan } from '../../domain/gs1';
import { compileTemplate, labelSize, readZplFields } from '../../domain/labels';
import { decodePng, readLabelBarcodes, renderZplToPng } from '../../printers/render';
import { loadTemplate } from '../../printers/templates';
import { textForPrinter } from './text-graphics';

const data = { gtin: '09506000134352', lot: 'S24110701', serial: 'SN0001', expiry: '2027-03-31', itemName: '一次性使用无菌注射器 5 ml（带针）' };

/** Black dots of a PNG inside a box. */
async function inkIn(png: Uint8Array, box: { x: number; y: number; w: number; h: number }): Promise<number> {
  const image = decodePng(png);
  let n = 0;
  for (let y = box.y; y < box.y + box.h; y++) for (let x = box.x; x < box.x + box.w; x++) if (image.rgba[(y * image.width + x) * 4]! < 128) n++;
  return n;
}

describe('Chinese text on a printer without a CJK font', () => {
  it('is drawn where the text was, in its block, and the label still scans', async () => {
    const template = await loadTemplate('lot-gs1');
    const made = compileTemplate(template, { referenceYear: 2026 })(data);
    if (!made.ok) throw new Error(made.error.message);
    const zpl = textForPrinter(made.zpl, { cjkFont: null });
    expect(zpl).toMatch(/\^FO232,24\^GFA,\d+,\d+,70,/);
    // Latin text stays text: the printer's own font draws it sharper than a picture.
    expect(readZplFields(zpl).filter((f) => f.kind === 'text').map((f) => ('text' in f ? f.text : ''))).toContain('(10)S24110701');
    const size = { ...labelSize(template), dpi: template.dpi };
    const png = await renderZplToPng(zpl, size);
    const blank = await renderZplToPng(made.zpl.replace(/\^FO232,24[^\n]*\n/, ''), size);
    expect(await inkIn(png, { x: 232, y: 24, w: 560, h: 30 })).toBeGreaterThan(400);
    expect(await inkIn(blank, { x: 232, y: 24, w: 560, h: 30 })).toBe(0);
    const scanned = (await readLabelBarcodes(png)).map((b) => readScan(b.scan, { referenceYear: 2026, checkAssociations: false }));
    expect(scanned.every((s) => s.ok)).toBe(true);
    expect(scanned).toHaveLength(3);
  });

  it('wraps in its block and is drawn once for a run of labels', () => {
    const field = '^XA^CI28^FO20,336^A0N,34,34^FB668,3,0,L^FH\\^FD' + '一次性使用无菌注射器'.repeat(5) + '^FS^XZ';
    const first = textForPrinter(field, { cjkFont: null });
    const graphic = /\^GFA,(\d+),\d+,(\d+),/.exec(first)!;
    // Three lines of 34 dots, and a tenth for descenders.
    expect(Number(graphic[1]) / Number(graphic[2])).toBe(3 * 34 + 4);
    expect(textForPrinter(field, { cjkFont: null })).toBe(first);
  });

  it('stays text in the printer\'s CJK font when it has one', () => {
    const field = '^XA^CI28^FO20,336^A0N,34,34^FB668,3,0,L^FH\\^FD\\E6\\B3\\A8^FS^XZ';
    expect(textForPrinter(field, { cjkFont: 'E:SIMSUN.TTF' })).toBe('^XA^CI28^FO20,336^A@N,34,34,E:SIMSUN.TTF^FB668,3,0,L^FH\\^FD\\E6\\B3\\A8^FS^XZ');
  });
});
