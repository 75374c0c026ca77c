import { createRequire } from 'node:module';
import { parse, type ParseResult } from '../domain/gs1';
import { gs1Corpus } from './corpus/gs1-corpus';
import { agreesWithRuling, referee, type ParserOutcome } from './gs1-referee';
import { printTable, repeat, runsOption, spreadCell, spreadFigures, writeResults } from './report';

interface PeerItem {
  ai: string;
  raw: string;
}
type PeerParse = (input: string) => { parsedCodeItems: PeerItem[] };

const require = createRequire(import.meta.url);
const { parseBarcode } = require('gs1-barcode-parser-mod') as { parseBarcode: PeerParse };

type Outcome = ParserOutcome;

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

/** Strings per second over the whole corpus, one pass after a warm-up. */
function throughput(fn: (s: string) => unknown, inputs: string[]): number {
  for (const s of inputs) fn(s); // warm-up: let the JIT settle
  const start = process.hrtime.bigint();
  for (const s of inputs) fn(s);
  return inputs.length / (Number(process.hrtime.bigint() - start) / 1e9);
}

type Side = 'lotline' | 'peer' | 'neither';

/** Which side the dictionary's rules agree with, and the rule that decides it, worked out for this input. */
function judge(input: string, l: Outcome, p: Outcome): { right: Side; rule: string; why: string } {
  const ruling = referee(input);
  const right: Side = agreesWithRuling(l, ruling) ? 'lotline' : agreesWithRuling(p, ruling) ? 'peer' : 'neither';
  if (ruling.valid) return { right, rule: 'valid', why: `valid per the dictionary: ${ruling.elements.join('')}` };
  return { right, rule: ruling.rule, why: ruling.why };
}

export async function run(args: string[]): Promise<void> {
  const runs = runsOption(args);
  const corpus = gs1Corpus();
  const inputs = corpus.map((c) => c.input);
  console.log(`GS1 parse: ${inputs.length.toLocaleString('en-US')} strings, ${new Set(corpus.map((c) => c.kind)).size} kinds; ${runs} runs, sides alternating`);

  const rates = await repeat(runs, async (run) => {
    // Alternate which parser goes first, so neither always meets a cold or a warm machine.
    const first = run % 2 === 0 ? 'lotline' : 'peer';
    const a = throughput(first === 'lotline' ? (s) => parse(s) : peer, inputs);
    const b = throughput(first === 'lotline' ? peer : (s) => parse(s), inputs);
    const [lotlinePerS, peerPerS] = first === 'lotline' ? [a, b] : [b, a];
    return { lotline_per_s: lotlinePerS, peer_per_s: peerPerS, ratio: lotlinePerS / peerPerS };
  }, (line) => console.log(line));

  const disagreements: { input: string; kind: string; right: Side; rule: string; why: string }[] = [];
  for (const { input, kind } of corpus) {
    const l = lotline(input);
    const p = peer(input);
    const same = l.valid === p.valid && (!l.valid || (p.valid && l.elements.join() === p.elements.join()));
    if (!same) disagreements.push({ input: JSON.stringify(input).slice(1, -1), kind, ...judge(input, l, p) });
  }

  printTable(`Throughput, strings/s: median (min–max) of ${runs} runs`, ['parser', 'strings/s', 'validates'], [
    ['lotline domain/gs1', spreadCell(rates.lotline_per_s, 0), 'check digits, sets, dates, lengths, pairings'],
    ['gs1-barcode-parser-mod 1.2.1', spreadCell(rates.peer_per_s, 0), 'AI lengths only'],
    ['ratio lotline/peer (per run)', spreadCell(rates.ratio, 3), ''],
  ]);

  const tally = new Map<string, number>();
  for (const d of disagreements) tally.set(`${d.kind}|${d.rule}|${d.right}`, (tally.get(`${d.kind}|${d.rule}|${d.right}`) ?? 0) + 1);
  const bySide = (side: Side) => disagreements.filter((d) => d.right === side).length;
  printTable(
    `Disagreements: ${disagreements.length} of ${inputs.length}; right per the dictionary's rules (computed for each): lotline ${bySide('lotline')}, peer ${bySide('peer')}, neither ${bySide('neither')}`,
    ['count', 'corpus kind', 'rule that decides', 'right'],
    [...tally.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => [n, ...k.split('|')]),
  );
  console.log('\nEvery disagreement, with the rule:');
  for (const d of disagreements) console.log(`  [${d.right}] ${d.input}  -- ${d.rule}: ${d.why}`);

  const file = writeResults('gs1', {
    ...spreadFigures('lotline_per_s', rates.lotline_per_s, 0),
    ...spreadFigures('peer_per_s', rates.peer_per_s, 0),
    ...spreadFigures('ratio', rates.ratio, 3),
    runs,
    disagreements: disagreements.length,
    disagreements_right_lotline: bySide('lotline'),
    disagreements_right_peer: bySide('peer'),
    disagreements_right_neither: bySide('neither'),
    corpus_size: inputs.length,
    disagreement_samples: disagreements.slice(0, 50),
  });
  console.log(`\nwrote ${file}`);
}
