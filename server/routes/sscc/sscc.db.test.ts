import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidSscc } from '../../../domain/sscc';
import { loadDemoData } from '../../seed/demo';
import { bearer, json, signIn, testApp, type TestApp } from '../../test-support/app';
import { openTestDb, type TestDb } from '../../test-support/db';

let t: TestDb;
let app: TestApp;
let labels: string;
let picker: string;

beforeAll(async () => {
  t = await openTestDb('sscc_api');
  app = await testApp(t.db);
  const password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  labels = await signIn(app, 'labels', password);
  picker = await signIn(app, 'picker', password);
});
afterAll(() => t.close());

const issue = (body: unknown, token = labels) => app.request('/api/sscc', json('POST', body, token));
const pallet = { companyPrefix: '0614141', extension: 3, count: 3, purpose: 'pallets of shipment 发货-0007' };

describe('POST /api/sscc', () => {
  it('issues SSCCs in order under the label admin, one audit row for the run, and tells who issued each', async () => {
    const res = await issue(pallet);
    expect(res.status, await res.clone().text()).toBe(201);
    const { ssccs } = (await res.json()) as { ssccs: string[] };
    expect(ssccs).toHaveLength(3);
    for (const s of ssccs) expect(isValidSscc(s) && s.startsWith('30614141')).toBe(true);
    expect(new Set(ssccs).size).toBe(3);

    const audit = await t.db.query<{ action: string; entity_id: string; actor_name: string; after: { count: number; first: string; last: string; purpose: string } }>(
      `SELECT action, entity_id, actor_name, after FROM audit_log WHERE entity_type = 'sscc' ORDER BY seq`,
    );
    expect(audit.rows).toEqual([{ action: 'sscc.issued', entity_id: ssccs[0], actor_name: 'labels', after: expect.objectContaining({ count: 3, first: ssccs[0], last: ssccs[2], purpose: pallet.purpose }) }]);

    const found = await app.request(`/api/sscc/${ssccs[1]}`, bearer(picker));
    expect(await found.json()).toMatchObject({ sscc: ssccs[1], issuedBy: 'labels', purpose: pallet.purpose });
  });

  it('gives two people asking at once different SSCCs', async () => {
    const answers = await Promise.all([issue({ ...pallet, count: 50 }), issue({ ...pallet, count: 50 })]);
    const all = (await Promise.all(answers.map((r) => r.json() as Promise<{ ssccs: string[] }>))).flatMap((a) => a.ssccs);
    expect(all).toHaveLength(100);
    expect(new Set(all).size).toBe(100);
  });

  it.each([
    [{ ...pallet, count: 0 }, 400, 'count'],
    [{ ...pallet, count: 10_001 }, 400, 'count'],
    [{ ...pallet, extension: 10 }, 400, 'extension'],
    [{ ...pallet, companyPrefix: '06141４1' }, 400, 'companyPrefix'],
    [{ ...pallet, purpose: 'pallet \u0000 7' }, 400, 'NUL'],
    [{ ...pallet, purpose: 'pallet \ud800' }, 400, 'surrogate'],
    [{ ...pallet, purpose: '   ' }, 400, 'purpose'],
    // 0614141 is a 7-digit prefix: its first six digits are not a whole GS1 Company Prefix.
    [{ ...pallet, companyPrefix: '061414' }, 422, 'not a whole GS1 Company Prefix'],
  ])('%j is refused (%i), naming %s, and nothing is issued', async (body, status, words) => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sscc_issued');
    const res = await issue(body);
    expect(res.status).toBe(status);
    expect(await res.text()).toContain(words);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sscc_issued')).rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('is for label admins and supervision, not pickers', async () => {
    expect((await issue(pallet, picker)).status).toBe(403);
    expect((await app.request('/api/sscc', json('POST', pallet))).status).toBe(401);
  });
});

describe('GET /api/sscc/{sscc}', () => {
  it('refuses what is not an SSCC and says when Lotline did not issue one', async () => {
    expect((await app.request('/api/sscc/106141410000000010', bearer(picker))).status).toBe(400);
    const unknown = await app.request('/api/sscc/006141410000000012', bearer(picker));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('did not issue');
  });
});
