import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerDoc } from '../../sync';
import { loadDemoData } from '../seed/demo';
import { json, signIn, testApp, type TestApp } from '../test-support/app';
import { onPostgres, openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, newOp, pullCollection, pushOpsAs, type Handheld } from '../test-support/handheld';
import { CHANGES_CHANNEL, parseChangeNotice } from '../sync/notify';

let t: TestDb;
let app: TestApp;
let packer: Handheld;
let watcher: Handheld;
let ssccs: string[];

const SYRINGE = '06901234000016';
const serial = (n: number) => ({ gtin: SYRINGE, lotNumber: 'S24110701', serial: `R${String(n).padStart(5, '0')}`, qty: 1 });

beforeAll(async () => {
  t = await openTestDb('containers-sync');
  app = await testApp(t.db);
  const password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  const labels = await signIn(app, 'labels', password);
  packer = await enrolAndSignIn(app, 'TC52 packer', 'clerk', password);
  watcher = await enrolAndSignIn(app, 'TC52 watcher', 'picker', password);
  const res = await app.request('/api/sscc', json('POST', { companyPrefix: '0614141', extension: 4, count: 4, purpose: 'containers replicated to handhelds' }, labels));
  ssccs = ((await res.json()) as { ssccs: string[] }).ssccs;
});
afterAll(() => t.close());

const pack = (payload: Record<string, unknown>) => pushOpsAs(app, packer, [newOp(packer, 'pack', payload)]);

async function pullAfter(checkpoint: string) {
  const res = await app.request(`/api/sync/containers/pull?limit=100${checkpoint}`, { headers: watcher.headers });
  const page = (await res.json()) as { documents: (ContainerDoc & { _deleted: boolean })[]; checkpoint: { xid: string; id: string } };
  return { docs: page.documents, next: `&xid=${page.checkpoint.xid}&id=${page.checkpoint.id}` };
}

describe(`containers replicated to handhelds (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('brings every container with its spec, parent, version and direct contents, and again whenever one changes', async () => {
    const [case1, case2, pallet] = ssccs as [string, string, string];
    const notices: string[][] = [];
    const unlisten = await t.db.listen(CHANGES_CHANNEL, (payload) => notices.push(parseChangeNotice(payload).collections));
    await pack({ parent: case1, spec: 'case-48', child: serial(1), seenParent: null });
    await pack({ parent: case1, child: serial(2), seenParent: null });
    await pack({ parent: case2, spec: 'case-48', child: { gtin: SYRINGE, lotNumber: 'S24110701', qty: 5 }, seenParent: null });
    await pack({ parent: pallet, spec: 'pallet-40', child: { sscc: case1 }, seenParent: null });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await unlisten();
    expect(notices.filter((n) => n.includes('containers'))).toHaveLength(4);

    const all = await pullCollection<ContainerDoc>(app, watcher, 'containers');
    const bySscc = new Map(all.map((d) => [d.sscc, d]));
    expect(bySscc.get(case1)).toMatchObject({
      parent: pallet,
      version: 2,
      shipped: false,
      _deleted: false,
      spec: { name: 'case-48', level: 'case', childLevels: ['unit', 'inner'], capacity: 48, mix: 'one_lot' },
      units: [
        { gtin: SYRINGE, lotNumber: 'S24110701', serial: 'R00001', qty: 1 },
        { gtin: SYRINGE, lotNumber: 'S24110701', serial: 'R00002', qty: 1 },
      ],
    });
    expect(bySscc.get(case2)?.units).toEqual([{ gtin: SYRINGE, lotNumber: 'S24110701', serial: null, qty: 5 }]);
    expect(bySscc.get(pallet)).toMatchObject({ parent: null, version: 1, units: [], spec: { name: 'pallet-40', level: 'pallet' } });

    // After the checkpoint: only what changed, the case moved off the pallet and the pallet's new version.
    const start = await pullAfter('');
    await pushOpsAs(app, packer, [newOp(packer, 'unpack', { parent: pallet, child: { sscc: case1 } })]);
    const next = await pullAfter(start.next);
    expect(next.docs.map((d) => [d.sscc, d.parent, d.version]).sort()).toEqual([[case1, null, 2], [pallet, null, 2]].sort());
    // A ship sets shipped_at: the container comes again, shipped.
    await t.db.query('UPDATE containers SET shipped_at = now() WHERE sscc = $1', [case2]);
    expect((await pullAfter(next.next)).docs.map((d) => [d.sscc, d.shipped])).toEqual([[case2, true]]);
  });
});
