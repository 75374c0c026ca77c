import pg from 'pg';
import { runCluster } from '../server/test-support/cluster';
import { repeat, type Spread } from './report';

/**
 * Item 5 at full size: two `lotline serve` processes against one on the same PostgreSQL, the
 * same simulated handhelds and work (server/test-support/cluster.ts, which also checks every
 * invariant); the figure is applied ops per second.
 */

export const BENCH_DATABASE = 'lotline_bench';
const SCHEMA = 'lotline_two';

export async function ensureBenchDatabase(pgUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DATABASE]);
    if (found.rows.length === 0) await client.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  } finally {
    await client.end();
  }
  const url = new URL(pgUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

export interface TwoInstanceFigures {
  two_instance_ops_per_s: Spread;
  one_instance_ops_per_s: Spread;
  ratio: Spread;
  devices: number;
  ops_per_run: number;
  labels_per_run: number;
}

/** Two instances against one, the same devices and work, alternating which goes first. */
export async function measureTwoInstances(pgUrl: string, runs: number, devices: number, opsPerDevice: number, log: (line: string) => void): Promise<TwoInstanceFigures> {
  const dbUrl = await ensureBenchDatabase(pgUrl);
  let ops = 0;
  let labels = 0;
  const figures = await repeat(runs, async (run) => {
    const order = run % 2 === 0 ? [2, 1] : [1, 2];
    const rates: Record<number, number> = {};
    for (const n of order) {
      const r = await runCluster({ dbUrl, schema: SCHEMA, instances: n, devices, opsPerDevice, log });
      rates[n] = r.ops_per_s;
      ops = r.ops;
      labels = r.labels;
    }
    return { two: rates[2]!, one: rates[1]!, ratio: rates[2]! / rates[1]! };
  }, log);
  return { two_instance_ops_per_s: figures.two, one_instance_ops_per_s: figures.one, ratio: figures.ratio, devices, ops_per_run: ops, labels_per_run: labels };
}
