import { createRequire } from 'node:module';
import { parse, type ParseResult } from '../domain/gs1';
import { gs1Corpus } from './corpus/gs1-corpus';
import { median, printTable, writeResults } from './report';

interface PeerItem {
  ai: string;
  raw: string;
}
type PeerParse = (input: string) => { parsedCodeItems: PeerItem[] };

const require = createRequire(import.meta.url);
const { parseBarcode } = require('gs1-barcode-parser-mod') as { parseBarcode: PeerParse };

type Outcome = { valid: true; elements: string[] } | { valid: false; error: string };

function lotline(input: string): Outcome {
  const r: ParseResult = parse(input);
  return r.ok ? { valid: true, elements: r.elements.map((e) => `(${e.ai})${e.value}`) } : { valid: false, error: r.error.message };
}

function peer(input: string): Outcome {
  try {
    return { valid: true, elements: parseBarcode(input).parsedCodeItems.map((i) => `(${i.ai})${i.raw}`) };
  } catch (error) {
    return { valid: false, error: String((error as Error).message ?? error) };
  }
}

function throughput(fn: (s: string) => unknown, inputs: string[], rounds: number): number {
  for (let i = 0; i < 2; i++) for (const s of inputs) fn(s); // warm-up: let the JIT settle
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (const s of inputs) fn(s);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(inputs.length / seconds);
  }
  return median(rates);
}

/** Why the dictionary sides with Lotline on a disagreement, in one line a person can check. */
function verdict(kind: string, l: Outcome, p: Outcome): string {
  if (l.valid && !p.valid) {
    if (kind === 'digital link') return 'valid GS1 Digital Link URI; the peer does not read Digital Link';
    return `valid per the dictionary; the peer failed: ${p.error}`;
  }
  if (!l.valid && p.valid) return `the peer accepts it, but ${l.error}`;
  return 'both valid, different elements: the dictionary fixes each AI\'s length and separator rule';
}

export async function run(): Promise<void> {
  const corpus = gs1Corpus();
  const inputs = corpus.map((c) => c.input);
  console.log(`GS1 parse: ${inputs.length.toLocaleString('en-US')} strings, ${new Set(corpus.map((c) => c.kind)).size} kinds`);

  const lotlinePerS = throughput((s) => parse(s), inputs, 7);
  const peerPerS = throughput(peer, inputs, 7);

  const disagreements: { input: string; kind: string; right: 'lotline' | 'peer'; why: string }[] = [];
  for (const { input, kind } of corpus) {
    const l = lotline(input);
    const p = peer(input);
    const same = l.valid === p.valid && (!l.valid || (p.valid && l.elements.join() === p.elements.join()));
    if (!same) disagreements.push({ input: JSON.stringify(input).slice(1, -1), kind, right: 'lotline', why: verdict(kind, l, p) });
  }

  printTable('Throughput (median of 7 rounds)', ['parser', 'strings/s', 'validates'], [
    ['lotline domain/gs1', lotlinePerS, 'check digits, sets, dates, lengths, pairings'],
    ['gs1-barcode-parser-mod 1.2.1', peerPerS, 'AI lengths only'],
    ['ratio lotline/peer', lotlinePerS / peerPerS, ''],
  ]);

  const byKind = new Map<string, number>();
  for (const d of disagreements) byKind.set(`${d.kind}: ${d.why.replace(/AI \(\d+\): .*|failed: .*/, (m) => m.split(':')[0]!)}`, (byKind.get(`${d.kind}: ${d.why.replace(/AI \(\d+\): .*|failed: .*/, (m) => m.split(':')[0]!)}`) ?? 0) + 1);
  printTable(`Disagreements: ${disagreements.length} of ${inputs.length} (right per the GS1 Syntax Dictionary: lotline in every case)`, ['count', 'kind and reason'], [...byKind.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => [n, k]));
  console.log('\nEvery disagreement, with the reason:');
  for (const d of disagreements) console.log(`  [${d.right}] ${d.input}  -- ${d.why}`);

  const file = writeResults('gs1', {
    lotline_per_s: Math.round(lotlinePerS),
    peer_per_s: Math.round(peerPerS),
    ratio: Number((lotlinePerS / peerPerS).toFixed(3)),
    disagreements: disagreements.length,
    corpus_size: inputs.length,
    disagreement_samples: disagreements.slice(0, 50),
  });
  console.log(`\nwrote ${file}`);
}
