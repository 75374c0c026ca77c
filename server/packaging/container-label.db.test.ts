import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../domain/gs1';
import { readZplFields } from '../../domain/labels';
import { composeSscc } from '../../domain/sscc';
import type { ContainerDoc, OpProblem } from '../../sync';
import { registerPrinter } from '../printing/printers';
import { loadDemoData } from '../seed/demo';
import { testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, newOp, pullCollection, pushOpsAs, type Handheld } from '../test-support/handheld';

let t: TestDb;
let app: TestApp;
let packer: Handheld;

const SYRINGE = '06901234000016';
const PRINTER = 'RELABEL-ZT411';

beforeAll(async () => {
  t = await openTestDb('container_label');
  app = await testApp(t.db);
  const password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  packer = await enrolAndSignIn(app, 'TC52 relabel', 'clerk', password);
  await registerPrinter(t.db, { name: PRINTER, host: '127.0.0.1', port: 9197, dpi: 203 });
});
afterAll(() => t.close());

const serial = (n: number) => ({ gtin: SYRINGE, lotNumber: 'S24110701', serial: `RL${n}`, qty: 1 });

async function newCase(): Promise<string> {
  const res = await app.request('/api/logistics/device-ssccs', { method: 'POST', headers: packer.headers, body: JSON.stringify({ count: 1 }) });
  return ((await res.json()) as { ssccs: string[] }).ssccs[0]!;
}

async function outcomeOf(id: string) {
  const row = await t.db.query<{ status: string; outcome: { message: string; problems?: OpProblem[] } }>('SELECT status, outcome FROM ops WHERE id = $1', [id]);
  return row.rows[0]!;
}

const causeOf = async (id: string) => (await outcomeOf(id)).outcome.problems?.[0]?.params.cause;

async function labelRow(sscc: string) {
  const r = await t.db.query<{ version: number; label_version: number | null; label_verified_version: number | null; label_verified_op: string | null }>(
    'SELECT version, label_version, label_verified_version, label_verified_op FROM containers WHERE sscc = $1',
    [sscc],
  );
  return r.rows[0];
}

/** Every GS1 element the label's barcodes carry, read back from its ZPL as a scanner would. */
function elementsOnLabel(zpl: string): string[] {
  return readZplFields(zpl)
    .flatMap((f) => (f.kind === 'code128' && 'data' in f ? [f.data] : []))
    .flatMap((data) => {
      const read = parse(data, { referenceYear: 2026, checkAssociations: false });
      if (!read.ok) throw new Error(read.error.message);
      return read.elements.map((e) => `(${e.ai})${e.value}`);
    });
}

describe('a changed container reprints its label and the reprint is verified', () => {
  it('after an unpack, the reprint drawn for the new version carries the new count; the verify scan is recorded for that version', async () => {
    const sscc = await newCase();
    const first = [
      newOp(packer, 'print_sscc', { sscc, printer: PRINTER }),
      newOp(packer, 'pack', { parent: sscc, spec: 'case-48', child: serial(1), seenParent: null }),
      newOp(packer, 'pack', { parent: sscc, child: serial(2), seenParent: null }),
      newOp(packer, 'pack', { parent: sscc, child: serial(3), seenParent: null }),
    ];
    await pushOpsAs(app, packer, first);
    // The first label was drawn before anything was packed: no container yet, so nothing remembers it.
    expect(await labelRow(sscc)).toMatchObject({ version: 3, label_version: null, label_verified_version: null });

    const unpack = newOp(packer, 'unpack', { parent: sscc, child: serial(3) });
    const reprint = newOp(packer, 'print_sscc', { sscc, printer: PRINTER, forVersion: 4 });
    await pushOpsAs(app, packer, [unpack, reprint]);
    expect(await outcomeOf(reprint.id)).toMatchObject({ status: 'applied', outcome: { message: `logistic label of ${sscc} queued on ${PRINTER}` } });
    const job = await t.db.query<{ zpl: string; sscc: string; data: { forVersion: number; drawnVersion: number; content: { count: number } } }>('SELECT zpl, sscc, data FROM print_jobs WHERE op_id = $1', [reprint.id]);
    expect(job.rows).toHaveLength(1);
    expect(job.rows[0]!.data).toMatchObject({ forVersion: 4, drawnVersion: 4, content: { count: 2 } });
    const on = elementsOnLabel(job.rows[0]!.zpl);
    expect(on).toEqual(expect.arrayContaining([`(00)${sscc}`, `(02)${SYRINGE}`, '(37)2', '(10)S24110701']));
    expect(on).not.toContain('(37)3');
    expect(await labelRow(sscc)).toMatchObject({ version: 4, label_version: 4, label_verified_version: null });

    const verified = newOp(packer, 'label_verified', { sscc, version: 4 });
    await pushOpsAs(app, packer, [verified]);
    expect(await outcomeOf(verified.id)).toMatchObject({ status: 'applied' });
    expect(await labelRow(sscc)).toMatchObject({ label_version: 4, label_verified_version: 4, label_verified_op: verified.id });
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'label.%'`, [sscc]);
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['label.sscc_requested', 'label.sscc_requested', 'label.sscc_verified']);

    // Handhelds learn both versions with the container, so the Pack screen and the lookup show them offline.
    const pulled = (await pullCollection<ContainerDoc>(app, packer, 'containers')).find((c) => c.sscc === sscc);
    expect(pulled).toMatchObject({ version: 4, labelVersion: 4, labelVerifiedVersion: 4 });

    // An older verification arriving late does not take the newer one back; a version never made is refused.
    const late = newOp(packer, 'label_verified', { sscc, version: 2 });
    const future = newOp(packer, 'label_verified', { sscc, version: 9 });
    await pushOpsAs(app, packer, [late, future]);
    expect(await labelRow(sscc)).toMatchObject({ label_verified_version: 4, label_verified_op: verified.id });
    expect(await causeOf(future.id)).toBe('unknown_version');
  });

  it('draws what the container holds at sync time when it has moved on since the handheld asked, and says so', async () => {
    const sscc = await newCase();
    const ops = [
      newOp(packer, 'pack', { parent: sscc, spec: 'case-48', child: serial(11), seenParent: null }),
      newOp(packer, 'print_sscc', { sscc, printer: PRINTER, forVersion: 1 }),
      newOp(packer, 'pack', { parent: sscc, child: serial(12), seenParent: null }),
    ];
    await pushOpsAs(app, packer, ops.slice(0, 1));
    // Another pack reaches the server before the reprint asked at version 1.
    await pushOpsAs(app, packer, [ops[2]!]);
    await pushOpsAs(app, packer, [ops[1]!]);
    expect((await outcomeOf(ops[1]!.id)).outcome.message).toContain('drawn for version 2: the handheld asked for 1');
    const job = await t.db.query<{ zpl: string; data: { forVersion: number; drawnVersion: number } }>('SELECT zpl, data FROM print_jobs WHERE op_id = $1', [ops[1]!.id]);
    expect(job.rows[0]!.data).toMatchObject({ forVersion: 1, drawnVersion: 2 });
    expect(elementsOnLabel(job.rows[0]!.zpl)).toContain('(37)2');
    expect(await labelRow(sscc)).toMatchObject({ version: 2, label_version: 2 });
  });

  it('refuses a reprint or a verification of a container Lotline does not know, spooling nothing', async () => {
    const emptySscc = await newCase();
    const ops = [
      newOp(packer, 'print_sscc', { sscc: emptySscc, printer: PRINTER, forVersion: 1 }),
      newOp(packer, 'print_sscc', { sscc: composeSscc(9, '6901234', 434343n), printer: PRINTER, forVersion: 1 }),
      newOp(packer, 'label_verified', { sscc: emptySscc, version: 0 }),
      newOp(packer, 'print_sscc', { sscc: emptySscc, printer: PRINTER, forVersion: 0 }),
      newOp(packer, 'label_verified', { sscc: emptySscc, version: 2 ** 53 }),
    ];
    await pushOpsAs(app, packer, ops);
    const causes = [];
    for (const op of ops) {
      const o = await outcomeOf(op.id);
      expect(o.status).toBe('rejected');
      causes.push(o.outcome.problems?.[0]?.params.cause ?? o.outcome.message);
    }
    expect(causes.slice(0, 3)).toEqual(['unknown_container', 'sscc_not_issued', 'unknown_container']);
    expect(String(causes[3])).toContain('forVersion');
    expect(String(causes[4])).toContain('version');
    const jobs = await t.db.query('SELECT 1 FROM print_jobs WHERE op_id = ANY($1::uuid[])', [ops.map((o) => o.id)]);
    expect(jobs.rows).toHaveLength(0);
  });

  it('the same reprint pushed twice at once spools one label', async () => {
    const sscc = await newCase();
    await pushOpsAs(app, packer, [newOp(packer, 'pack', { parent: sscc, spec: 'case-48', child: serial(21), seenParent: null })]);
    const reprint = newOp(packer, 'print_sscc', { sscc, printer: PRINTER, forVersion: 1 });
    await Promise.all([pushOpsAs(app, packer, [reprint]), pushOpsAs(app, packer, [reprint])]);
    const jobs = await t.db.query('SELECT 1 FROM print_jobs WHERE sscc = $1', [sscc]);
    expect(jobs.rows).toHaveLength(1);
    expect(await labelRow(sscc)).toMatchObject({ label_version: 1 });
  });
});
