// `npm run bench -- <name>`: runs bench/<name>.ts, which prints its table and writes
// bench/results/<name>.json.
import { existsSync } from 'node:fs';

const BENCHMARKS = ['gs1', 'sync', 'decoders', 'trace', 'labels', 'recall', 'dashboard', 'js-size', 'integration', 'packaging'];
const available = BENCHMARKS.filter((name) => existsSync(new URL(`./${name}.ts`, import.meta.url)));

const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(', ')}`);
  process.exit(2);
}
const bench = (await import(`./${name}.ts`)) as { run: (args: string[]) => Promise<void> };
await bench.run(process.argv.slice(3));
// A benchmark that missed a target it checks says so through process.exitCode.
process.exit();
