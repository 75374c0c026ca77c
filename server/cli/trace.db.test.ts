import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLotline } from '../test-support/process';

// A real process on an embedded data directory holding the demo plant.
// The audit key and checkpoints live beside the data directory: both inside one temporary root.
const root = mkdtempSync(join(tmpdir(), 'lotline-trace-'));
const dataDir = join(root, 'data');
const env = { DATA_DIR: dataDir, DATABASE_URL: '', LOTLINE_ADMIN_PASSWORD: 'trace-admin-pw' };
beforeAll(async () => {
  const seeded = await runLotline(['seed'], env);
  expect(seeded.code).toBe(0);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lotline trace', () => {
  it('traces a component forward to the finished lot and the customer', async () => {
    const result = await runLotline(['trace', 'PP2410A'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Forward trace of lot PP2410A (GTIN 06901234000115');
    expect(result.stdout).toMatch(/S24110701 {2}06901234000016 {2}Sterile syringe 5 ml {2}released/);
    expect(result.stdout).toMatch(/SH-DEMO-001 {2}DIST-BJ {2}北京医药分销有限公司 {2}lot S24110701 {2}100/);
  });

  it('traces a finished lot backward to its supplier lots, as JSON', async () => {
    const result = await runLotline(['trace', 'S24110701', '--backward', '--json'], env);
    expect(result.code).toBe(0);
    const trace = JSON.parse(result.stdout) as { lots: { lotNumber: string; supplierLot: string | null; depth: number }[] };
    expect(trace.lots.filter((l) => l.depth === 1).map((l) => [l.lotNumber, l.supplierLot])).toEqual([
      ['PP2410A', 'NB-77812'],
      ['RB2409C', 'SZ-2409-33'],
    ]);
  });

  it('says clearly when the lot is unknown (exit 1) or the usage is wrong (exit 2)', async () => {
    const unknown = await runLotline(['trace', 'NO-SUCH-LOT'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe("lotline trace: No lot 'NO-SUCH-LOT'.\n");
    expect(unknown.stdout).toBe('');
    const usage = await runLotline(['trace', 'PP2410A', '--depth', 'deep'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--depth must be 1 to 50');
  });
});
