import { CSET82_CHARS, GS } from '../gs1';
import { leastSymbols, modeNData } from './code128';

/**
 * The ^BX escape character of our DataMatrix fields. Zebra's examples use `_`, but `_` is a GS1
 * character: a lot like `A_1B` would then need `A__1B` for the printer, which the preview
 * renderer reads as two underscores. `#` is outside GS1 character set 82, so data never needs
 * escaping and printer and preview agree.
 */
export const DATAMATRIX_ESCAPE = '#';

/** Escape characters a ^BX field may use: not GS1 data, not ZPL syntax. */
export function isSafeDataMatrixEscape(c: string): boolean {
  return c.length === 1 && c > ' ' && c < '\x7f' && !CSET82_CHARS.includes(c) && c !== '^' && c !== '~' && c !== '{' && c !== '}';
}

/** ^BX field data in GS1 mode: FNC1 first, then FNC1 wherever the element string has a GS. */
export function dataMatrixData(raw: string, escape: string = DATAMATRIX_ESCAPE): string {
  return escape + '1' + raw.replaceAll(GS, escape + '1');
}

export interface Gs1128Data {
  /** ^BC mode: D lets the printer pick subsets; N when D would corrupt the data. */
  mode: 'D' | 'N';
  data: string;
  /** Symbol characters before the check character (for the width). */
  symbols: number;
}

/**
 * ^BC field data for an element string (`raw`, GS between fields) whose elements, bracketed one
 * by one, are `bracketed`. Mode D is what Zebra documents for GS1-128: the printer adds the
 * leading FNC1, takes `>8` as the separator and prints the parentheses in the interpretation
 * line while leaving them out of the bars. It also strips "(", ")" and spaces from the data, and
 * `>` starts an invocation code: data holding any of those goes in mode N, spelled out symbol by
 * symbol (a printer's interpretation line then shows it without parentheses).
 */
export function gs1128Data(raw: string, bracketed: readonly string[]): Gs1128Data {
  if (/[()>]/.test(raw)) return { mode: 'N', ...modeNData(raw) };
  let data = '';
  let at = 0;
  for (const piece of bracketed) {
    data += piece;
    // The piece is "(AI)value"; in raw the same element is "AIvalue", then GS where one is needed.
    at += piece.length - 2;
    if (raw[at] === GS) {
      data += '>8';
      at++;
    }
  }
  return { mode: 'D', data, symbols: leastSymbols(raw) };
}
