import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPglite, type Db } from '../db';
import type { RecallCase, RecallScope } from '../recall';
import { loadDemoData } from '../seed/demo';
import { schemaUrl } from '../test-support/cluster';
import { json, signIn, testApp } from '../test-support/app';
import { openTestDb } from '../test-support/db';
import { runLotline } from '../test-support/process';

// Real `lotline recall` processes on the demo plant with one open recall case: on an embedded
// data directory, or on an own schema of the PostgreSQL in DATABASE_URL when the db suite runs there.
const root = mkdtempSync(join(tmpdir(), 'lotline-recall-cli-'));
let env: Record<string, string>;
let caseNumber: string;
let qaPassword: string;

beforeAll(async () => {
  let db: Db;
  if (process.env.DATABASE_URL) {
    const t = await openTestDb('cli_recall');
    db = t.db;
    env = { DATABASE_URL: schemaUrl(t.postgres!.url, t.postgres!.schema) };
  } else {
    const dataDir = join(root, 'data');
    mkdirSync(dataDir, { recursive: true });
    db = await openPglite(join(dataDir, 'pg'));
    await migrate(db);
    env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  }
  try {
    const password = (await loadDemoData(db, { password: 'recall-cli-pass-1' })).password!;
    qaPassword = password;
    const app = await testApp(db);
    const qa = await signIn(app, 'qa', password);
    // The mask lot, received as supplier lot XT0518, is recalled; the syringe family stays free.
    const made = await app.request(
      '/api/recalls',
      json('POST', { reason: 'mask filter layer delaminates', healthHazard: 'reduced filtration', classes: { fda: 'II', nmpa: 2 }, depth: 'user', strategy: 'return and destroy', effectiveness: { level: 'C' }, jurisdictions: ['US', 'CN'], scope: { kind: 'supplier_lot', supplierLot: 'XT0518' } }, qa),
    );
    expect(made.status).toBe(201);
    const draft = ((await made.json()) as { case: RecallCase }).case;
    caseNumber = draft.number;
    const opened = await app.request(`/api/recalls/${draft.id}/open`, json('POST', { meaning: 'approved', reason: 'recall board 12/1', password, version: draft.version }, qa));
    expect(opened.status).toBe(200);
  } finally {
    await db.close();
  }
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lotline recall scope', () => {
  it('prints the lots, stock, consignees and the mass balance', async () => {
    const result = await runLotline(['recall', 'scope', 'PP2410A'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Recall scope of lot PP2410A of GTIN 06901234000115');
    expect(result.stdout).toContain('Lots: 2 (2 to be put on recall hold when the case opens)');
    expect(result.stdout).toMatch(/ {4}S24110701 {2}06901234000016 {2}Sterile syringe 5 ml {2}released\n/);
    expect(result.stdout).toContain('  DIST-BJ  北京医药分销有限公司  shipped 100  returned 0  outstanding 100');
    expect(result.stdout).toContain('Mass balance: 16,900 of 16,900 accounted for (100.0 %)\n  every lot balances\n');
  });

  it('answers by serial or supplier lot too, as JSON', async () => {
    const bySupplierLot = await runLotline(['recall', 'scope', '--supplier-lot', 'SZ-2409-33', '--json'], env);
    expect(bySupplierLot.code).toBe(0);
    const scope = JSON.parse(bySupplierLot.stdout) as RecallScope;
    expect(scope.lots.map((l) => [l.lotNumber, l.depth])).toEqual([
      ['RB2409C', 0],
      ['S24110701', 1],
    ]);
    expect(scope.consignees.map((c) => [c.code, c.outstanding])).toEqual([['DIST-BJ', 100]]);
    expect(scope.balance.lots.find((l) => l.lotId === scope.lots[1]!.id)).toMatchObject({ broughtIn: 2400, balanced: true });

    const bySerial = await runLotline(['recall', 'scope', '--serial', 'NO-SUCH-SERIAL', '--gtin', '06901234000016'], env);
    expect(bySerial.code).toBe(1);
    expect(bySerial.stderr).toBe('lotline recall: No lot holds serial NO-SUCH-SERIAL of GTIN 06901234000016.\n');
  });

  it('refuses an unknown lot and a lot another open case holds (exit 1)', async () => {
    const unknown = await runLotline(['recall', 'scope', 'NO-SUCH-LOT'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe("lotline recall: No lot 'NO-SUCH-LOT'. Nothing to recall.\n");
    expect(unknown.stdout).toBe('');
    const held = await runLotline(['recall', 'scope', 'M2405K'], env);
    expect(held.code).toBe(1);
    expect(held.stderr).toBe(`lotline recall: Lot M2405K is already held by open recall ${caseNumber}.\n`);
  });
});

describe('lotline recall list and show', () => {
  it('lists the cases, filtered by state', async () => {
    const all = await runLotline(['recall', 'list'], env);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(new RegExp(`^${caseNumber} {2}recall {2}open {2}\\d{4}-\\d\\d-\\d\\d {2}qa {2}FDA II, NMPA 2 {2}mask filter layer delaminates\\n$`));
    const drafts = await runLotline(['recall', 'list', '--state', 'draft', '--json'], env);
    expect(drafts.code).toBe(0);
    expect(JSON.parse(drafts.stdout)).toEqual({ cases: [] });
  });

  it('shows one case with its signed opening and the scope it froze', async () => {
    const shown = await runLotline(['recall', 'show', caseNumber], env);
    expect(shown.stderr).toBe('');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`Recall ${caseNumber}: open`);
    expect(shown.stdout).toMatch(/ {2}\S+ {2}draft -> open {2}approved by .+: recall board 12\/1\n/);
    expect(shown.stdout).toContain('Frozen scope: 1 lot(s), 0 consignee(s), 0 shipment line(s); 5,000 of 5,000 accounted for (100.0 %)');
    expect(shown.stdout).toContain('  M2405K  ');
    const asJson = JSON.parse((await runLotline(['recall', 'show', caseNumber, '--json'], env)).stdout) as { case: RecallCase; scope: { lots: { lotNumber: string; statusBefore: string }[] } };
    expect(asJson.case.state).toBe('open');
    expect(asJson.scope.lots.map((l) => [l.lotNumber, l.statusBefore])).toEqual([['M2405K', 'on_hold']]);

    const missing = await runLotline(['recall', 'show', 'RC19990001'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('lotline recall: No recall case RC19990001.\n');
  });
});

describe('lotline recall usage', () => {
  it.each([
    [[], 'say scope, list, show or drill'],
    [['open', 'RC1'], "unknown subcommand 'open'"],
    [['scope'], 'give one lot, or --serial, or --supplier-lot'],
    [['scope', 'PP2410A', '--supplier-lot', 'X'], 'give one lot, or --serial, or --supplier-lot'],
    [['scope', 'PP2410A', '--gtin', '123'], '--gtin must be 14 digits'],
    [['list', '--state', 'shut'], '--state must be one of draft, open, recovering, closed, cancelled'],
    [['show'], 'give exactly one case number'],
  ])('recall %j exits 2 saying %s', async (args, message) => {
    const result = await runLotline(['recall', ...args], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`lotline recall: ${message}`);
    expect(result.stdout).toBe('');
  });
});

describe('lotline recall drill', () => {
  it('runs a mock recall of a lot and prints the stopwatch and the % accounted for', async () => {
    const result = await runLotline(['recall', 'drill', '--lot', 'PP2410A', '--user', 'qa'], { ...env, LOTLINE_PASSWORD: qaPassword });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Mock recall MR\d{8} of lot PP2410A\n/);
    expect(result.stdout).toMatch(/ {2}scope ready +\d+(\.\d)? m?s {2}\(2 lot\(s\)\)\n/);
    expect(result.stdout).toMatch(/ {2}consignee list +\d+(\.\d)? m?s {2}\(\d+ consignee\(s\), \d+ shipment line\(s\)\)\n/);
    expect(result.stdout).toMatch(/ {2}mass balance +\d+(\.\d)? m?s\n/);
    expect(result.stdout).toMatch(/Accounted for: [\d,.]+ of [\d,.]+ \(100\.00 %\): PASS \(pass band 99\.5-101\.5 %\)\n/);
    const listed = await runLotline(['recall', 'list', '--drills'], env);
    expect(listed.stdout).toMatch(/MR\d{8} {2}drill {2}draft/);
  });

  it('refuses a drill without --lot, or under a wrong password, writing nothing', async () => {
    const usage = await runLotline(['recall', 'drill', '--user', 'qa'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('recall drill needs --lot <lot>');
    const before = (await runLotline(['recall', 'list', '--drills', '--json'], env)).stdout;
    const wrong = await runLotline(['recall', 'drill', '--lot', 'PP2410A', '--user', 'qa'], { ...env, LOTLINE_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect((await runLotline(['recall', 'list', '--drills', '--json'], env)).stdout).toBe(before);
  });
});
