import { GS, encodeDigitalLink, gtinCheckDigit } from '../../domain/gs1';

/** mulberry32: a small seeded generator, so the corpus is the same on every run and machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LOT_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789-/.';

export interface CorpusEntry {
  input: string;
  kind: string;
}

/** Scans as they come off real labels: UDI DataMatrix, GS1-128 logistics, retail weights, Digital Links, and misprints. */
export function gs1Corpus(size = 12_000, seed = 20261123): CorpusEntry[] {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const digits = (n: number) => Array.from({ length: n }, () => int(10)).join('');
  const gtin = (indicator = '0') => {
    const body = `${indicator}${6 + int(4)}${digits(11)}`;
    return body + gtinCheckDigit(body);
  };
  const sscc = () => {
    const body = `${int(10)}${digits(16)}`;
    return body + gtinCheckDigit(body);
  };
  const lot = () => Array.from({ length: 3 + int(10) }, () => LOT_CHARS[int(LOT_CHARS.length)]).join('');
  const date = () => `${String(24 + int(8)).padStart(2, '0')}${String(1 + int(12)).padStart(2, '0')}${String(int(29)).padStart(2, '0')}`;
  const aim = () => [']d2', ']C1', ']Q3', ''][int(4)]!;
  const out: CorpusEntry[] = [];
  while (out.length < size) {
    const r = rnd();
    if (r < 0.3) out.push({ kind: 'gtin+expiry+lot', input: `${aim()}01${gtin()}17${date()}10${lot()}` });
    else if (r < 0.42) out.push({ kind: 'udi gtin+serial+expiry+lot', input: `]d201${gtin()}11${date()}17${date()}10${lot()}${GS}21${lot()}` });
    else if (r < 0.5) out.push({ kind: 'sscc', input: `]C100${sscc()}` });
    else if (r < 0.58) out.push({ kind: 'weight', input: `]C101${gtin()}310${int(6)}${digits(6)}15${date()}` });
    else if (r < 0.63) out.push({ kind: 'weight+price', input: `]C101${gtin('9')}310${int(6)}${digits(6)}3922${digits(2 + int(5))}` });
    else if (r < 0.7) out.push({ kind: 'sscc+count', input: `]C100${sscc()}02${gtin()}37${1 + int(500)}` });
    else if (r < 0.78) {
      const dl = encodeDigitalLink([{ ai: '01', value: gtin() }, { ai: '10', value: lot() }, { ai: '17', value: date() }]);
      out.push({ kind: 'digital link', input: dl.ok ? dl.value : '' });
    } else if (r < 0.83) {
      const g = gtin();
      out.push({ kind: 'bad check digit', input: `]d201${g.slice(0, 13)}${(Number(g[13]) + 1 + int(8)) % 10}17${date()}10${lot()}` });
    } else if (r < 0.87) out.push({ kind: 'bad date', input: `]d201${gtin()}17${String(24 + int(8))}${13 + int(80)}0110${lot()}` });
    else if (r < 0.9) out.push({ kind: 'bad character', input: `]d201${gtin()}10${lot()} ${lot()}` });
    else if (r < 0.93) out.push({ kind: 'truncated gtin', input: `]d201${gtin().slice(0, 10 + int(4))}` });
    else if (r < 0.96) out.push({ kind: 'lot without its gtin', input: `]d210${lot()}${GS}17${date()}` });
    else out.push({ kind: 'serial without separator', input: `]d201${gtin()}21${lot()}10${lot()}` });
  }
  return out.filter((e) => e.input.length > 0);
}
