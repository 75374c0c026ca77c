import { describe, expect, it } from 'vitest';
import { fill, flatten, graphicField } from './raster';
import { needsWideFont, rewriteTextFields } from './text-fields';
import { readZplFields } from './zpl-read';

const black = (bits: Uint8Array, width: number, x: number, y: number) => (bits[y * Math.ceil(width / 8) + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
const square = (x0: number, y0: number, x1: number, y1: number, clockwise = true) => {
  const points = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ] as const;
  return clockwise ? [...points] : [...points].reverse();
};

describe('drawing outlines as dots', () => {
  it('fills a square exactly: a dot is black when its centre is inside', () => {
    const bits = fill([square(2, 1, 6, 4)], 10, 6);
    const rows = Array.from({ length: 6 }, (_, y) => Array.from({ length: 10 }, (_, x) => (black(bits, 10, x, y) ? '#' : '.')).join(''));
    expect(rows).toEqual(['..........', '..####....', '..####....', '..####....', '..........', '..........']);
  });

  it('leaves the hole of a letter open (nonzero rule: the inner contour runs the other way)', () => {
    const bits = fill([square(0, 0, 9, 9), square(3, 3, 6, 6, false)], 9, 9);
    expect(black(bits, 9, 1, 1)).toBe(true);
    expect(black(bits, 9, 4, 4)).toBe(false);
    // The same inner contour running the same way adds up instead: the middle stays black.
    expect(black(fill([square(0, 0, 9, 9), square(3, 3, 6, 6)], 9, 9), 9, 4, 4)).toBe(true);
  });

  it('places font units on the label: y up in the font is y down on the label, curves end where they should', () => {
    const [contour] = flatten({
      commands: [
        { command: 'moveTo', args: [0, 0] },
        { command: 'bezierCurveTo', args: [0, 100, 100, 100, 100, 0] },
        { command: 'quadraticCurveTo', args: [50, -50, 0, 0] },
        { command: 'closePath', args: [] },
      ],
      scale: 0.1,
      x: 5,
      baseline: 20,
    });
    expect(contour![0]).toEqual([5, 20]);
    expect(contour).toContainEqual([15, 20]);
    // The top of the curve is above the baseline on the label.
    expect(Math.min(...contour!.map((p) => p[1]))).toBeCloseTo(12.5, 5);
    expect(() => flatten({ commands: [{ command: 'arcTo', args: [] }], scale: 1, x: 0, baseline: 0 })).toThrow('unknown outline command arcTo');
  });

  it('writes a ^GFA field of the bitmap, two hex digits a byte', () => {
    expect(graphicField(new Uint8Array([0xff, 0x01, 0x80, 0x00]), 2)).toBe('^GFA,4,4,2,FF018000^FS');
  });
});

describe('rewriting text fields', () => {
  const format = [
    '^XA^CI28^PW812^LL406',
    '^FO232,24^A0N,26,26^FB560,1,0,L^FH\\^FD\\E6\\B3\\A8\\E5\\B0\\84\\E5\\99\\A8 5 ml^FS',
    '^FO232,60^A0N,26,26^FH\\^FD(01)09506000134352^FS',
    '^FO24,226^BY2^BCN,50,N,N,N,D^FD(01)09506000134352(17)270331^FS',
    '^XZ',
  ].join('\n');

  it('hands each text field over with where and how it prints, and replaces only what the answer replaces', () => {
    const seen: unknown[] = [];
    const out = rewriteTextFields(format, (field) => {
      seen.push(field);
      return needsWideFont(field.text) ? `^FO${field.x},${field.y}^GFA,1,1,1,FF^FS` : null;
    });
    expect(seen).toEqual([
      { x: 232, y: 24, font: '0', height: 26, width: 26, block: { width: 560, lines: 1, align: 'L' }, text: '注射器 5 ml' },
      { x: 232, y: 60, font: '0', height: 26, width: 26, block: null, text: '(01)09506000134352' },
    ]);
    expect(out).toBe(format.replace('^FO232,24^A0N,26,26^FB560,1,0,L^FH\\^FD\\E6\\B3\\A8\\E5\\B0\\84\\E5\\99\\A8 5 ml^FS', '^FO232,24^GFA,1,1,1,FF^FS'));
    expect(readZplFields(out).filter((f) => f.kind === 'code128')).toEqual(readZplFields(format).filter((f) => f.kind === 'code128'));
  });

  it('tells text a resident font can print from text it cannot', () => {
    expect(needsWideFont('Syringe 5 ml, 25 °C, ±2')).toBe(false);
    expect(needsWideFont('注射器')).toBe(true);
    expect(needsWideFont('ＡＢＣ')).toBe(true);
  });
});
