import { describe, expect, it } from 'vitest';
import { onPostgres } from '../test-support/db';
import { runCluster } from '../test-support/cluster';

/**
 * Two server processes on one PostgreSQL with handhelds split across them, every fifth batch sent
 * again through the other instance, labels printed on two emulated printers. runCluster throws on
 * the first broken invariant: an op stored twice or left queued, balances that differ from the
 * ledger, a produced lot number or a serial given twice, a label printed twice or not at all, a
 * device whose balances or ops differ from the server's. The benchmark runs the same at plant size.
 * PGlite belongs to one process, so this needs PostgreSQL; on PGlite the suite says so.
 */
describe.skipIf(!onPostgres())('two server instances on one PostgreSQL (PostgreSQL only: PGlite belongs to one process)', () => {
  it('applies every op once, numbers and prints once, and every device converges', async () => {
    const lines: string[] = [];
    const run = await runCluster({ dbUrl: process.env.DATABASE_URL!, schema: 'lotline_test_two_instances', instances: 2, devices: 6, opsPerDevice: 200, log: (line) => lines.push(line) });
    expect(run.ops).toBe(1200);
    expect(run.labels).toBe(48);
    expect(lines.join('\n')).toMatch(/all 6 devices converged/);
  }, 240_000);
});
