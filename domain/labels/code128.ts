import { GS } from '../gs1';

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * GS1-128 field data for ZPL mode N, where the printer encodes exactly what it is told: start in
 * subset C with FNC1 (`>;>8`), digit pairs while they last, then subset B (`>6`) to the end.
 * Subset B writes `>` as `>0`; GS becomes FNC1 (`>8`). It never switches back to C: `>5` is
 * the one code the label preview renderer gets wrong, and a longer symbol is the lesser harm.
 * Returns the data and the symbol characters it makes (start and FNC1 included).
 */
export function modeNData(raw: string): { data: string; symbols: number } {
  // The leading run subset C can take: digit pairs, and FNC1 between them.
  let run = 0;
  let pairs = 0;
  for (;;) {
    if (raw[run] === GS) run++;
    else if (isDigit(raw[run]) && isDigit(raw[run + 1])) {
      run += 2;
      pairs++;
    } else break;
  }
  // The preview renderer drops a lone last character after an invocation code (here `>6`);
  // giving subset B one more pair costs a symbol and keeps the preview true.
  if (pairs > 0 && raw.length - run === 1 && raw[run - 1] !== GS) {
    run -= 2;
    pairs--;
  }
  // One pair in C costs as much as two characters in B, and B alone is the simpler symbol.
  const useC = pairs >= 2;
  let data = useC ? '>;>8' : '>:>8';
  let symbols = 2;
  let i = 0;
  if (useC) {
    for (; i < run; symbols++) {
      if (raw[i] === GS) {
        data += '>8';
        i++;
      } else {
        data += raw.slice(i, i + 2);
        i += 2;
      }
    }
    if (i < raw.length) {
      data += '>6';
      symbols++;
    }
  }
  for (; i < raw.length; i++, symbols++) {
    const c = raw[i]!;
    data += c === GS ? '>8' : c === '>' ? '>0' : c;
  }
  return { data, symbols };
}

/**
 * The fewest symbol characters any printer can use for the element string (start and FNC1
 * included), mixing subsets B and C freely: what mode D can at best achieve.
 */
export function leastSymbols(raw: string): number {
  const n = raw.length;
  // inB[i] / inC[i]: fewest symbols that encode raw[0, i) and end in subset B / C.
  const inB = new Array<number>(n + 1).fill(Infinity);
  const inC = new Array<number>(n + 1).fill(Infinity);
  inB[0] = 2;
  inC[0] = 2;
  for (let i = 0; i <= n; i++) {
    inB[i] = Math.min(inB[i]!, inC[i]! + 1);
    inC[i] = Math.min(inC[i]!, inB[i]! + 1);
    if (i === n) break;
    inB[i + 1] = Math.min(inB[i + 1]!, inB[i]! + 1);
    if (raw[i] === GS) inC[i + 1] = Math.min(inC[i + 1]!, inC[i]! + 1);
    else if (isDigit(raw[i]) && isDigit(raw[i + 1])) inC[i + 2] = Math.min(inC[i + 2]!, inC[i]! + 1);
  }
  return Math.min(inB[n]!, inC[n]!);
}

/** Width in dots of a Code 128 symbol: 11 modules a character, plus check character and stop. */
export const code128Dots = (symbols: number, moduleWidth: number) => ((symbols + 1) * 11 + 13) * moduleWidth;
