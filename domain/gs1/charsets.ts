import type { CharacterSet } from './dictionary';

// GS1 AI encodable character set 82 and 39, and the file-safe base64 set 64.
const CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
const CSET39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CSET64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function table(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}

const TABLES: Record<CharacterSet, Uint8Array> = { N: table('0123456789'), X: table(CSET82), Y: table(CSET39), Z: table(CSET64) };

export const CSET_NAMES: Record<CharacterSet, string> = { N: 'digits only', X: 'GS1 character set 82', Y: 'GS1 character set 39', Z: 'file-safe base64' };

/** Position of the first character outside the set, or -1. */
export function firstOutside(value: string, cset: CharacterSet, from = 0, to = value.length): number {
  const t = TABLES[cset];
  for (let i = from; i < to; i++) {
    const code = value.charCodeAt(i);
    if (code >= 128 || t[code] === 0) return i;
  }
  return -1;
}

export const CSET82_CHARS = CSET82;

/** FNC1 as a scanner sends it between fields: ASCII 29, group separator. */
export const GS = '\x1d';
