import { paramList, zplCommands, type ZplCommand } from './zpl-commands';
import { readField } from './zpl-read';

/** A text field of a format as the printer would lay it out. */
export interface TextFieldLayout {
  x: number;
  y: number;
  /** The ^A font: `0`, a letter, or a font file such as E:SIMSUN.TTF (from ^A@). */
  font: string;
  height: number;
  width: number;
  /** ^FB: the block the text wraps in. */
  block: { width: number; lines: number; align: 'L' | 'C' | 'R' | 'J' } | null;
  text: string;
}

function layoutOf(commands: readonly ZplCommand[], text: string): TextFieldLayout | null {
  const fo = commands.findLast((c) => c.code === 'FO');
  const font = commands.findLast((c) => c.prefix === '^' && c.code[0] === 'A' && c.code !== 'A');
  if (!fo || !font) return null;
  const [x, y] = paramList(fo).map(Number);
  const p = paramList(font);
  // ^A0N,h,w or ^A@N,h,w,E:FONT.TTF: the code's second character is the font.
  const name = font.code[1] === '@' ? (p[3] ?? '') : font.code[1]!;
  const height = Number(p[1]);
  const width = Number(p[2] || p[1]);
  const fb = commands.findLast((c) => c.code === 'FB');
  const b = fb ? paramList(fb) : null;
  const block = b ? { width: Number(b[0]), lines: Number(b[1] || 1), align: (['L', 'C', 'R', 'J'].includes(b[3] ?? '') ? b[3] : 'L') as 'L' | 'C' | 'R' | 'J' } : null;
  if (![x, y, height, width].every(Number.isFinite)) return null;
  return { x: x!, y: y!, font: name, height, width, block, text };
}

/**
 * Rewrites the text fields of a format: `rewrite` gets each one's layout and text and answers
 * the ZPL to put in its place (from its ^FO to its ^FS), or null to keep it. Barcodes and
 * everything else stay as written.
 */
export function rewriteTextFields(zpl: string, rewrite: (field: TextFieldLayout) => string | null): string {
  let out = '';
  let kept = 0;
  let current: ZplCommand[] = [];
  for (const command of zplCommands(zpl).commands) {
    current.push(command);
    if (!(command.prefix === '^' && command.code === 'FS')) continue;
    const field = readField(current);
    const fo = current.findLast((c) => c.code === 'FO');
    if (field?.kind === 'text' && fo) {
      const layout = layoutOf(current, field.text);
      const replacement = layout ? rewrite(layout) : null;
      if (replacement !== null) {
        out += zpl.slice(kept, fo.start) + replacement;
        // The ^FS itself; a line break after it stays.
        kept = command.start + 3;
      }
    }
    current = [];
  }
  return out + zpl.slice(kept);
}

/** Whether a printer's resident fonts lack some character of the text (anything past Latin-1). */
export const needsWideFont = (text: string) => /[^\u0000-\u00ff]/u.test(text);
