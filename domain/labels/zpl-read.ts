import { GS } from '../gs1';
import { paramList, zplCommands, type ZplCommand } from './zpl-commands';

/**
 * A field of a ZPL format read back the way a Zebra printer reads it: what each barcode encodes
 * (FNC1 as GS, the leading FNC1 as `gs1: true`) and what each text prints. For tests, and for
 * showing what a spooled or emulated format carries.
 */
export type ZplField =
  | { kind: 'datamatrix'; params: string[]; hexEscape: string | null; gs1: boolean; data: string }
  | { kind: 'code128'; params: string[]; hexEscape: string | null; gs1: boolean; data: string }
  | { kind: 'qr'; params: string[]; errorCorrection: string; data: string }
  | { kind: 'text'; hexEscape: string | null; text: string }
  | { kind: 'other'; command: string; data: string };

const FNC1 = '\u0001';

/** ^BX quality 200 field data: `<e>1` is FNC1, `<e><e>` the escape character itself. */
function readDataMatrix(data: string, escape: string): string {
  let out = '';
  for (let i = 0; i < data.length; i++) {
    if (data[i] !== escape) {
      out += data[i];
      continue;
    }
    const next = data[++i];
    if (next === '1') out += FNC1;
    else if (next === escape) out += escape;
    else throw new Error(`^BX escape sequence ${escape}${next ?? ''} is not FNC1`);
  }
  return out;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** ^BC mode N field data, subsets B and C, with the invocation codes of the ZPL manual. */
function readCode128ModeN(data: string): string {
  let set: 'B' | 'C';
  if (data.startsWith('>;')) set = 'C';
  else if (data.startsWith('>:')) set = 'B';
  else throw new Error('mode N data must start with >; or >: (start code C or B)');
  let out = '';
  for (let i = 2; i < data.length; ) {
    if (data[i] === '>') {
      const code = data[i + 1];
      i += 2;
      if (code === '8') out += FNC1;
      else if (code === '6' && set === 'C') set = 'B';
      else if (code === '5' && set === 'B') set = 'C';
      else if (set === 'B' && code === '0') out += '>';
      else if (set === 'B' && code === '<') out += '^';
      else if (set === 'B' && code === '=') out += '~';
      else throw new Error(`invocation code >${code ?? ''} in subset ${set} is not read here`);
    } else if (set === 'C') {
      if (!isDigit(data[i]) || !isDigit(data[i + 1])) throw new Error(`subset C needs digit pairs, found '${data.slice(i, i + 2)}'`);
      out += data.slice(i, i + 2);
      i += 2;
    } else out += data[i++];
  }
  return out;
}

/** ^BC mode D: the printer adds the leading FNC1, drops "(", ")" and spaces, reads `>8` as FNC1. */
function readCode128ModeD(data: string): string {
  const stripped = data.replace(/[() ]/g, '');
  if (/>[^8]/.test(stripped)) throw new Error('mode D data holds an invocation code other than >8');
  return FNC1 + stripped.replaceAll('>8', FNC1);
}

function readHex(data: string, indicator: string | null): string {
  if (indicator === null) return data;
  const bytes: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const pair = data.slice(i + 1, i + 3);
    if (data[i] === indicator && /^[0-9A-Fa-f]{2}$/.test(pair)) {
      bytes.push(parseInt(pair, 16));
      i += 2;
    } else bytes.push(...new TextEncoder().encode(data[i]!));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** FNC1 first means GS1; any later FNC1 is a separator, as a scanner sends it (GS). */
function gs1Data(decoded: string): { gs1: boolean; data: string } {
  const gs1 = decoded.startsWith(FNC1);
  return { gs1, data: (gs1 ? decoded.slice(1) : decoded).replaceAll(FNC1, GS) };
}

export function readField(commands: readonly ZplCommand[]): ZplField | null {
  const fd = commands.find((c) => c.prefix === '^' && c.code === 'FD');
  if (!fd) return null;
  const fh = commands.find((c) => c.prefix === '^' && c.code === 'FH');
  const hexEscape = fh ? (fh.params.trim()[0] ?? '_') : null;
  const data = readHex(fd.params.replace(/[\r\n]+$/, ''), hexEscape);
  const barcode = commands.find((c) => c.prefix === '^' && c.code.startsWith('B') && c.code !== 'BY');
  if (!barcode) return { kind: 'text', hexEscape, text: data };
  const params = paramList(barcode);
  switch (barcode.code) {
    case 'BX':
      return { kind: 'datamatrix', params, hexEscape, ...gs1Data(readDataMatrix(data, params[6] || '~')) };
    case 'BC': {
      const mode = (params[5] ?? 'N').toUpperCase() || 'N';
      const decoded = mode === 'D' ? readCode128ModeD(data) : mode === 'N' ? readCode128ModeN(data) : data;
      return { kind: 'code128', params, hexEscape, ...gs1Data(decoded) };
    }
    case 'BQ':
      return { kind: 'qr', params, errorCorrection: data[0] ?? '', data: data.slice(3) };
    default:
      return { kind: 'other', command: `^${barcode.code}`, data };
  }
}

/** The fields of a ZPL text, in order. Throws on barcode data a printer would not read as intended. */
export function readZplFields(zpl: string): ZplField[] {
  const fields: ZplField[] = [];
  let current: ZplCommand[] = [];
  for (const command of zplCommands(zpl).commands) {
    current.push(command);
    if (command.prefix === '^' && command.code === 'FS') {
      const field = readField(current);
      if (field) fields.push(field);
      current = [];
    }
  }
  return fields;
}
