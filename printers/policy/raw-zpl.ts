import { zplText, type ZplTemplate } from '../../domain/labels';
import { labelSizeProblem, type Dpi } from './label-limits';

/**
 * A raw ZPL template may draw a label and nothing else. A print job means "these labels, once
 * each, on this printer as it is set up": a template must not change how many labels come out,
 * change or reset the printer, store or recall formats and graphics whose content the approved
 * template does not show, or ask the printer things (its answers would be read as the spool's
 * in-band ~HS confirmation). Commands are allowed by name; everything else is refused with the
 * reason for its family, so a label exported from a designer with set-up commands in it fails
 * with a message that says which command to take out.
 */
const DRAWING = new Set([
  // format, fields and positions
  'XA', 'XZ', 'FO', 'FT', 'FD', 'FS', 'FH', 'FB', 'FR', 'FW', 'FP', 'FV', 'FX', 'LH', 'PW', 'LL', 'PO', 'PM', 'CI', 'CF', 'BY', 'TB', 'PA',
  // graphics drawn inline
  'GB', 'GC', 'GD', 'GE', 'GF', 'GS',
]);
const isFont = (code: string) => /^A[0-9A-Z@]$/.test(code);
const isBarcode = (code: string) => /^B[0-9A-Z]$/.test(code) && code !== 'BY';

const FAMILIES: [RegExp, string][] = [
  [/^\^(PQ|SN|SF)$/, 'changes how many labels a job prints or numbers them on the printer; the spool sets the quantity and the serials'],
  [/^\^(DF|XF|FN|IS|IL|IM|ID|XG|HF|TO|CM|DL|DB|DT|DU|DY|DG)$|^~(DG|DY|DB|DE|DN|DS|DT|DU|EG)$/, 'stores, recalls or deletes formats, graphics or fonts in the printer; the approved template must hold everything it prints (use ^GFA for graphics)'],
  [/^[\^~]H[A-Z]$/, 'asks the printer a question; its answer would be read as the spool\'s print confirmation'],
  [/^\^(N[A-Z]|W[A-Z]|K[A-Z])$|^~(N[A-Z]|W[A-Z]|K[A-Z])$/, 'changes the printer\'s network, wireless, name, password or clock settings'],
  [/^[\^~]J[A-Z]$/, 'resets, cancels, reprints, calibrates or reconfigures the printer'],
  [/^\^(M[A-Z]|S[A-Z]|C[A-Z]|P[A-Z]|J[A-Z])$|^~(S[A-Z]|T[A-Z]|P[A-Z]|R[A-Z]|M[A-Z])$/, 'changes the printer\'s set-up (media, darkness, speed, mode, units, encoding, memory or clock) for every job after this one; set it on the printer'],
];

function reasonFor(name: string): string {
  for (const [pattern, reason] of FAMILIES) if (pattern.test(name)) return reason;
  return name.startsWith('~') ? 'is an immediate printer control command' : 'is not a label-drawing command';
}

/** Every command in a raw template that would change what a job means, named, with why. */
export function rawZplProblems(template: Pick<ZplTemplate, 'zpl'>): string[] {
  const text = zplText(template as ZplTemplate);
  const problems: string[] = [];
  const seen = new Set<string>();
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  for (const match of text.matchAll(/[\^~]([A-Za-z0-9@]{2})/g)) {
    // Field data can hold neither ^ nor ~ (they end it), so every match here is a command.
    const code = match[1]!.toUpperCase();
    const name = `${match[0][0]}${code}`;
    const allowed = match[0][0] === '^' && (DRAWING.has(code) || isFont(code) || isBarcode(code));
    if (allowed || seen.has(name)) continue;
    seen.add(name);
    problems.push(`line ${lineOf(match.index)}: ${name} ${reasonFor(name)}`);
  }
  return problems;
}

/** ^PW and ^LL in a raw template set the printed size; they must fit the printer too. */
export function rawZplSizeProblems(template: Pick<ZplTemplate, 'zpl'>, dpi: Dpi): string[] {
  const text = zplText(template as ZplTemplate);
  const width = /\^PW(\d+)/i.exec(text);
  const length = /\^LL(\d+)/i.exec(text);
  const problem = labelSizeProblem({ widthDots: width ? Number(width[1]) : 1, heightDots: length ? Number(length[1]) : 1 }, dpi);
  return problem ? [`^PW/^LL: ${problem}`] : [];
}
