import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import { TEXT_HEX_INDICATOR, fill, flatten, graphicField, hexEscapeText, needsWideFont, rewriteTextFields, type TextFieldLayout } from '../../domain/labels';

/**
 * Text a printer cannot draw (Chinese item names on a printer without a CJK font) is drawn here,
 * in the Noto Sans SC the PDFs embed, and sent as a ^GFA picture in the text's place. With a CJK
 * font on the printer (its profile names it, e.g. E:SIMSUN.TTF) the text stays text in that font.
 */
const FONT_URL = new URL('../pdf/fonts/NotoSansSC-Regular.otf', import.meta.url);
let font: Font | undefined;
const cjkFont = () => (font ??= create(readFileSync(FONT_URL)));

// A 10,000-label run prints the same item name 10,000 times: draw it once.
const drawn = new Map<string, string>();
const MAX_DRAWN = 2000;

/** The lines the text takes in its block: broken at spaces where it can, else between characters. */
function wrap(f: Font, text: string, scale: number, width: number | null, lines: number): string[] {
  if (width === null) return [text];
  const out: string[] = [];
  let line = '';
  const measure = (s: string) => f.layout(s).positions.reduce((sum, p) => sum + p.xAdvance, 0) * scale;
  for (const char of [...text]) {
    if (line !== '' && measure(line + char) > width) {
      const space = line.lastIndexOf(' ');
      if (char !== ' ' && space > 0) {
        out.push(line.slice(0, space));
        line = line.slice(space + 1);
      } else {
        out.push(line);
        line = '';
      }
      if (out.length === lines) return out;
    }
    if (!(line === '' && char === ' ')) line += char;
  }
  if (line !== '') out.push(line);
  return out.slice(0, lines);
}

/** ^FO + ^GFA of one text field, drawn as its layout asks. */
export function textAsGraphic(field: TextFieldLayout): string {
  const key = JSON.stringify([field.text, field.height, field.block]);
  const known = drawn.get(key);
  if (known) return `^FO${field.x},${field.y}${known}`;
  const f = cjkFont();
  // The field height is the em, as a printer's font 0 fills its height; ideographs sit between
  // about -0.12 and 0.88 em, so the baseline goes at 0.86 of each line and descenders get a
  // tenth of the height below the last.
  const scale = field.height / f.unitsPerEm;
  const lines = wrap(f, field.text, scale, field.block?.width ?? null, field.block?.lines ?? 1);
  const runs = lines.map((l) => f.layout(l));
  const lineWidths = runs.map((r) => r.positions.reduce((sum, p) => sum + p.xAdvance, 0) * scale);
  const width = Math.max(1, Math.ceil(field.block?.width ?? Math.max(...lineWidths)));
  const height = Math.max(1, lines.length * field.height + Math.ceil(field.height / 10));
  const contours = runs.flatMap((run, i) => {
    const align = field.block?.align ?? 'L';
    let pen = align === 'C' ? (width - lineWidths[i]!) / 2 : align === 'R' ? width - lineWidths[i]! : 0;
    const baseline = i * field.height + 0.86 * field.height;
    return run.glyphs.flatMap((glyph, g) => {
      const p = run.positions[g]!;
      const placed = flatten({ commands: glyph.path.commands, scale, x: pen + p.xOffset * scale, baseline: baseline - p.yOffset * scale });
      pen += p.xAdvance * scale;
      return placed;
    });
  });
  const graphic = graphicField(fill(contours, width, height), Math.ceil(width / 8));
  if (drawn.size >= MAX_DRAWN) drawn.clear();
  drawn.set(key, graphic);
  return `^FO${field.x},${field.y}${graphic}`;
}

export interface TextPrinter {
  /** A font file on the printer with CJK glyphs (E:SIMSUN.TTF); null when it has none. */
  cjkFont: string | null;
}

/**
 * The format as this printer can print it: text its resident fonts lack is set in the printer's
 * CJK font when it has one, else drawn here as a picture. Text it can print stays as written.
 */
export function textForPrinter(zpl: string, printer: TextPrinter): string {
  return rewriteTextFields(zpl, (field) => {
    if (!needsWideFont(field.text) || field.font.includes(':')) return null;
    if (!printer.cjkFont) return textAsGraphic(field);
    const block = field.block ? `^FB${field.block.width},${field.block.lines},0,${field.block.align}` : '';
    return `^FO${field.x},${field.y}^A@N,${field.height},${field.width},${printer.cjkFont}${block}^FH${TEXT_HEX_INDICATOR}^FD${hexEscapeText(field.text)}^FS`;
  });
}
