import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Prints rows as an aligned table, the way every benchmark here reports. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  console.log(`\n${title}`);
  cells.forEach((r, n) => {
    console.log(r.map((c, i) => String(c).padEnd(widths[i]!)).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 3);
}

export function writeResults(name: string, figures: Record<string, unknown>): string {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL(`${name}.json`, dir);
  writeFileSync(file, `${JSON.stringify({ ...figures, measured_at: new Date().toISOString() }, null, 2)}\n`);
  return file.pathname;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The fewest repeats a figure may rest on: one run on a shared machine proves little. */
export const MIN_RUNS = 5;

/** A measure repeated: its median (the figure a target is judged on), its min and max, and every run. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function spread(runs: number[]): Spread {
  if (runs.length === 0) throw new Error('no runs to summarise');
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs: [...runs] };
}

/**
 * Runs `measure` `runs` times (at least MIN_RUNS) and summarises each figure it returns. The run
 * number is passed in so a benchmark can alternate which side of a comparison goes first.
 */
export async function repeat<K extends string>(runs: number, measure: (run: number) => Promise<Record<K, number>>, log?: (line: string) => void): Promise<Record<K, Spread>> {
  if (!Number.isInteger(runs) || runs < MIN_RUNS) throw new Error(`a measure is repeated at least ${MIN_RUNS} times (asked for ${runs})`);
  const collected = new Map<K, number[]>();
  for (let run = 0; run < runs; run++) {
    const figures = await measure(run);
    for (const [key, value] of Object.entries(figures) as [K, number][]) {
      if (!collected.has(key)) collected.set(key, []);
      collected.get(key)!.push(value);
    }
    log?.(`  run ${run + 1}/${runs}: ${Object.entries(figures).map(([k, v]) => `${k} ${formatNumber(v as number)}`).join(', ')}`);
  }
  return Object.fromEntries([...collected].map(([key, values]) => [key, spread(values)])) as Record<K, Spread>;
}

const rounded = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** The keys a results file keeps for one measure: `<key>` (the median), `<key>_min`, `<key>_max`. */
export function spreadFigures(key: string, s: Spread | null, places = 3): Record<string, number | null> {
  if (s === null) return { [key]: null, [`${key}_min`]: null, [`${key}_max`]: null };
  return { [key]: rounded(s.median, places), [`${key}_min`]: rounded(s.min, places), [`${key}_max`]: rounded(s.max, places) };
}

/** One table cell: "median (min–max)". */
export function spreadCell(s: Spread | null, places = 1): string {
  if (s === null) return 'n/a';
  const f = (n: number) => (Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : n.toFixed(places));
  return `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

/** A command-line option `--name value` or `--name=value`. */
export function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  if (at !== -1) return args[at + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** `--runs N` (default MIN_RUNS), refused below MIN_RUNS. */
export function runsOption(args: readonly string[]): number {
  const runs = Number(option(args, 'runs') ?? MIN_RUNS);
  if (!Number.isInteger(runs) || runs < MIN_RUNS) throw new Error(`--runs must be a whole number of at least ${MIN_RUNS}`);
  return runs;
}

/**
 * Writes the figures of the parts of a benchmark that ran over those already in its results file,
 * so a part re-run on its own (`--only`) keeps the others' figures.
 */
export function mergeResults(name: string, figures: Record<string, unknown>): string {
  return writeResults(name, { ...readResults(name), ...figures });
}

/** The figures a benchmark wrote last time; none when it has not run here. */
export function readResults(name: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(new URL(`./results/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
