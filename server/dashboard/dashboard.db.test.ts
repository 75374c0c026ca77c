import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DASHBOARD_SETTINGS, addDays, toScaled, type PlaceFigure } from '../../domain/dashboard';
import { LOT_STATUSES } from '../../domain/lots';
import { plantToday } from '../clock';
import { postMoves } from '../ledger';
import { loadDemoData } from '../seed/demo';
import { ADMIN_PASSWORD, bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, newOp, pushOpsAs } from '../test-support/handheld';
import { compactStockFigures, readStockDashboard, readStockDashboardDirect, type StockDashboard } from '.';

/**
 * The dashboard's promise: its maintained figures equal a query straight over the balances at
 * the same moment, whatever happened to the stock, lots, costs and places; every figure opens
 * onto exactly its rows; and bad settings are refused with nothing written.
 */

let t: TestDb;
let app: TestApp;
let password: string;
const tokens: Record<string, string> = {};
const today = plantToday();

beforeAll(async () => {
  t = await openTestDb('dashboard');
  app = await testApp(t.db);
  tokens.admin = await signIn(app, 'admin', ADMIN_PASSWORD);
});
afterAll(() => t.close());

/** A GET as the supervisor, as `token`, or with no session when token is ''. */
async function get<T>(path: string, token: string | undefined = tokens.supervisor): Promise<{ status: number; body: T }> {
  const res = await app.request(path, token ? bearer(token) : {});
  return { status: res.status, body: (await res.json()) as T };
}
const summary = async (query = 'site=MAIN', token?: string) => {
  const res = await get<{ dashboard: StockDashboard }>(`/api/dashboard/stock?${query}`, token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.dashboard;
};
/** Every location row of a warehouse's summary, page by page. */
async function locationsAll(warehouse: string, limit: number, token?: string): Promise<PlaceFigure[]> {
  const rows: PlaceFigure[] = [];
  let after = '';
  for (let pages = 0; pages < 100_000; pages++) {
    const d = await summary(`site=MAIN&warehouse=${warehouse}&limit=${limit}${after}`, token);
    expect(d.byLocation!.rows.length).toBeLessThanOrEqual(limit);
    rows.push(...d.byLocation!.rows);
    if (!d.byLocation!.next) return rows;
    after = `&after=${encodeURIComponent(d.byLocation!.next)}`;
  }
  throw new Error('too many pages');
}
/** The figures without the token: what must equal between the maintained and the direct read. */
const figuresOf = ({ asOf: _asOf, ...rest }: StockDashboard) => rest;

interface Page {
  rows: { qty: string; value: string | null; lotId: string; locationId: string }[];
  next: string | null;
  asOf: string;
  changed: boolean | null;
}

/** Every row behind a figure, page by page. */
async function drillAll(query: string, limit: number): Promise<Page['rows']> {
  const rows: Page['rows'] = [];
  let after = '';
  for (let pages = 0; pages < 100_000; pages++) {
    const res = await get<Page>(`/api/dashboard/stock/rows?site=MAIN&limit=${limit}&${query}${after}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows.length).toBeLessThanOrEqual(limit);
    rows.push(...res.body.rows);
    if (!res.body.next) return rows;
    after = `&after=${res.body.next}`;
  }
  throw new Error('too many pages');
}

describe('an empty database', () => {
  it('answers zeros, every bucket listed, nothing to drill into', async () => {
    tokens.supervisor = tokens.admin!; // no demo users yet
    const d = await summary();
    expect(d.onHand).toEqual({ qty: '0', value: '0', uncostedQty: '0', rows: 0 });
    expect(d.expiry.map((b) => b.key)).toEqual(['expired', '0-30', '31-90', '91-180', '181+', 'none']);
    expect(d.ageing).toHaveLength(DEFAULT_DASHBOARD_SETTINGS.ageingBands.length);
    expect(d.byLocation).toBeNull();
    expect((await summary('site=MAIN&warehouse=MAIN')).byLocation).toEqual({ rows: [], next: null });
    expect(d.negative).toEqual({ qty: '0', rows: 0 });
    expect(d.settings.version).toBe(0);
    expect(await drillAll('figure=on_hand', 7)).toEqual([]);
  });
});

describe('with the demo plant', () => {
  beforeAll(async () => {
    password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
    for (const user of ['supervisor', 'qa', 'clerk', 'labels']) tokens[user] = await signIn(app, user, password);
    await t.db.query(`UPDATE items SET standard_cost = 12.3456 WHERE gtin = (SELECT min(gtin) FROM items)`);
    await t.db.query(`INSERT INTO warehouses (code, name, site_code) VALUES ('A', 'Warehouse A', 'MAIN'), ('B', 'Warehouse B', 'MAIN')`);
    await t.db.query(`UPDATE locations SET warehouse_code = 'A' WHERE code LIKE 'A-%'`);
  });

  it('refuses callers without a session (401) or the role (403), and hides values from those who may not see them', async () => {
    expect((await get('/api/dashboard/stock?site=MAIN', '')).status).toBe(401);
    expect((await get('/api/dashboard/stock/rows?figure=on_hand', '')).status).toBe(401);
    expect((await get('/api/dashboard/stock/rows.csv?figure=on_hand', '')).status).toBe(401);
    expect((await get('/api/dashboard/stock?site=MAIN', tokens.labels)).status).toBe(403);
    expect((await get('/api/dashboard/stock/rows.xlsx?figure=on_hand', tokens.labels)).status).toBe(403);
    expect((await app.request('/api/dashboard/settings', json('PUT', { site: 'MAIN', version: 0, ...DEFAULT_DASHBOARD_SETTINGS }, tokens.qa))).status).toBe(403);
    const seen = await summary('site=MAIN', tokens.supervisor);
    expect(seen.costVisible).toBe(true);
    expect(toScaled(seen.onHand.value!, 7)).toBeGreaterThan(0n);
    for (const token of [tokens.clerk, tokens.qa]) {
      const d = await summary('site=MAIN', token);
      expect(d.costVisible).toBe(false);
      expect(d.onHand.qty).toBe(seen.onHand.qty);
      const places = (await summary('site=MAIN&warehouse=MAIN', token)).byLocation!.rows;
      expect(places.length).toBeGreaterThan(0);
      expect([d.onHand.value, ...d.byWarehouse.map((w) => w.value), ...places.map((l) => l.value), ...d.expiry.map((b) => b.value)].every((v) => v === null)).toBe(true);
      const page = await get<Page>('/api/dashboard/stock/rows?site=MAIN&figure=on_hand&limit=5', token);
      expect(page.body.rows.every((r) => r.value === null)).toBe(true);
    }
  });

  it('gives a site with no stock zeros, and asks which site once there are several', async () => {
    await t.db.query(`INSERT INTO sites (code, name) VALUES ('EAST', 'East plant')`);
    await t.db.query(`INSERT INTO warehouses (code, name, site_code) VALUES ('E1', 'East warehouse', 'EAST')`);
    const east = await summary('site=EAST');
    expect(east.onHand.rows).toBe(0);
    expect(east.byWarehouse).toEqual([]);
    const unnamed = await get<{ error: { code: string; details: { field: string } } }>('/api/dashboard/stock');
    expect(unnamed.status).toBe(422);
    expect(unnamed.body.error).toMatchObject({ code: 'site_required', details: { field: 'site' } });
    expect((await get('/api/dashboard/stock?site=NOWHERE')).status).toBe(404);
    expect((await get('/api/dashboard/stock?site=%EF%BC%A1')).status).toBe(400); // a full-width A is not a site code
  });

  it.each([
    ['overlapping expiry bands', { expiryBands: [{ from: 0, to: 30 }, { from: 30, to: null }] }, 'expiryBands', 'overlap'],
    ['a gap between ageing bands', { ageingBands: [{ from: 0, to: 30 }, { from: 45, to: null }] }, 'ageingBands', 'gap'],
    ['bands that do not rise', { expiryBands: [{ from: 0, to: 30 }, { from: 31, to: 10 }, { from: 11, to: null }] }, 'expiryBands', 'not_increasing'],
    ['a dead-stock limit of 0 days', { deadStockDays: 0 }, 'deadStockDays', 'out_of_range'],
  ])('refuses %s with 422 naming the field, and writes nothing', async (_, change, field, code) => {
    const res = await app.request('/api/dashboard/settings', json('PUT', { site: 'MAIN', version: 0, ...DEFAULT_DASHBOARD_SETTINGS, ...change }, tokens.supervisor));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { field: string; problems: { field: string; code: string }[] } } };
    expect(body.error.code).toBe('invalid_settings');
    expect(body.error.details.field).toBe(field);
    expect(body.error.details.problems).toContainEqual(expect.objectContaining({ field, code }));
    expect((await get<{ settings: { version: number } }>('/api/dashboard/settings?site=MAIN')).body.settings.version).toBe(0);
  });

  it('saves a site’s settings audited, refuses a stale version, and draws the buckets by them', async () => {
    const expiryBands = [{ from: 0, to: 7 }, { from: 8, to: 60 }, { from: 61, to: null }];
    const body = { site: 'MAIN', version: 0, ...DEFAULT_DASHBOARD_SETTINGS, expiryBands, nearExpiryDays: 60 };
    const saved = await app.request('/api/dashboard/settings', json('PUT', body, tokens.supervisor));
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { settings: { version: number } }).settings.version).toBe(1);
    expect((await app.request('/api/dashboard/settings', json('PUT', body, tokens.supervisor))).status).toBe(409);
    const audit = await t.db.query<{ entity_id: string }>(`SELECT entity_id FROM audit_log WHERE action = 'dashboard.settings'`);
    expect(audit.rows).toEqual([{ entity_id: 'MAIN' }]);
    const d = await summary();
    expect(d.expiry.map((b) => b.key)).toEqual(['expired', '0-7', '8-60', '61+', 'none']);
    expect((await summary('site=EAST')).expiry.map((b) => b.key)).toEqual(['expired', '0-30', '31-90', '91-180', '181+', 'none']);
  });

  describe('after random stock ops, status changes, cost and place changes', () => {
    it('keeps the figures equal to the direct query, on several seeds', async () => {
      const lots = (await t.db.query<{ id: string }>('SELECT id FROM lots ORDER BY id')).rows.map((r) => r.id);
      const locations = (await t.db.query<{ id: string; code: string }>('SELECT id, code FROM locations ORDER BY code')).rows;
      const items = (await t.db.query<{ id: string }>('SELECT id FROM items ORDER BY id')).rows.map((r) => r.id);
      const step = fc.oneof(
        fc.record({ kind: fc.constant('move' as const), lot: fc.constantFrom(...lots), from: fc.option(fc.constantFrom(...locations), { nil: null }), to: fc.option(fc.constantFrom(...locations), { nil: null }), qty: fc.integer({ min: 1, max: 500_000 }).map((n) => n / 1000) }),
        fc.record({ kind: fc.constant('status' as const), lot: fc.constantFrom(...lots), status: fc.constantFrom(...LOT_STATUSES), heldDays: fc.integer({ min: 0, max: 90 }) }),
        fc.record({ kind: fc.constant('dates' as const), lot: fc.constantFrom(...lots), expiresIn: fc.option(fc.integer({ min: -400, max: 400 }), { nil: null }), madeAgo: fc.option(fc.integer({ min: -5, max: 800 }), { nil: null }) }),
        // One statement over several lots, some changing only status and some their dates too: a
        // recall's hold is the first, a relabelling the second, and one statement may carry both.
        fc.record({ kind: fc.constant('many' as const), held: fc.uniqueArray(fc.constantFrom(...lots), { maxLength: 6 }), redated: fc.uniqueArray(fc.constantFrom(...lots), { maxLength: 3 }), status: fc.constantFrom(...LOT_STATUSES), expiresIn: fc.integer({ min: -400, max: 400 }) }),
        fc.record({ kind: fc.constant('idle' as const), lot: fc.constantFrom(...lots), days: fc.integer({ min: 0, max: 400 }) }),
        fc.record({ kind: fc.constant('cost' as const), item: fc.constantFrom(...items), cost: fc.option(fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 10_000), { nil: null }) }),
        fc.record({ kind: fc.constant('place' as const), location: fc.constantFrom(...locations), warehouse: fc.constantFrom('MAIN', 'A', 'B', 'E1') }),
        fc.constant({ kind: 'compact' as const }),
      );
      type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;
      const apply = async (s: Step) => {
        switch (s.kind) {
          case 'move':
            if (!s.from && !s.to) return;
            await t.db.transaction((tx) => postMoves(tx, [{ lotId: s.lot, fromLocationId: s.from?.id ?? null, toLocationId: s.to?.id ?? null, qty: s.qty, reason: 'test' }]));
            return;
          case 'status':
            await t.db.query('UPDATE lots SET status = $2 WHERE id = $1', [s.lot, s.status]);
            await t.db.query(`UPDATE lots SET status_since = now() - make_interval(days => $2) WHERE id = $1`, [s.lot, s.heldDays]);
            return;
          case 'dates':
            await t.db.query('UPDATE lots SET expires_on = $2::date, manufactured_on = $3::date WHERE id = $1', [s.lot, s.expiresIn === null ? null : addDays(today, s.expiresIn), s.madeAgo === null ? null : addDays(today, -s.madeAgo)]);
            return;
          case 'many':
            await t.db.query(
              `UPDATE lots SET status = CASE WHEN id = ANY($1::uuid[]) THEN $3 ELSE status END,
                               expires_on = CASE WHEN id = ANY($2::uuid[]) THEN $4::date ELSE expires_on END
                WHERE id = ANY($1::uuid[]) OR id = ANY($2::uuid[])`,
              [s.held, s.redated, s.status, addDays(today, s.expiresIn)],
            );
            return;
          case 'idle':
            await t.db.query(`UPDATE stock_balances SET updated_at = now() - make_interval(days => $2) WHERE lot_id = $1`, [s.lot, s.days]);
            return;
          case 'cost':
            await t.db.query('UPDATE items SET standard_cost = $2 WHERE id = $1', [s.item, s.cost]);
            return;
          case 'place':
            await t.db.query('UPDATE locations SET warehouse_code = $2 WHERE id = $1', [s.location.id, s.warehouse]);
            return;
          case 'compact':
            await compactStockFigures(t.db);
            return;
        }
      };
      for (const seed of [1, 2, 3, 4]) {
        await fc.assert(
          fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
            for (const s of steps) await apply(s);
            for (const site of ['MAIN', 'EAST']) {
              for (const warehouse of [undefined, 'A', 'MAIN']) {
                const query = { site, warehouse, today, costVisible: true };
                expect(figuresOf(await readStockDashboard(t.db, query))).toEqual(figuresOf(await readStockDashboardDirect(t.db, query)));
              }
              // A later page of locations too, from a cursor the first page gave.
              const first = await readStockDashboard(t.db, { site, warehouse: 'MAIN', today, costVisible: true, limit: 7 });
              if (first.byLocation!.next) {
                const query = { site, warehouse: 'MAIN', today, costVisible: true, limit: 7, after: first.byLocation!.next };
                expect(figuresOf(await readStockDashboard(t.db, query))).toEqual(figuresOf(await readStockDashboardDirect(t.db, query)));
              }
            }
          }),
          { seed, numRuns: 6 },
        );
      }
      const negatives = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM stock_balances b JOIN locations l ON l.id = b.location_id JOIN warehouses w ON w.code = l.warehouse_code WHERE b.qty < 0 AND w.site_code = 'MAIN'`);
      expect((await summary()).negative.rows).toBe(negatives.rows[0]!.n);
    });

    it('opens every figure onto exactly its rows, at page sizes 1, 7, 500 and 5000', async () => {
      const d = await summary();
      const figures: [string, { qty: string; rows: number }][] = [
        ['figure=on_hand', d.onHand],
        ['figure=near_expiry', d.nearExpiry],
        ['figure=dead_stock', d.deadStock],
        ['figure=long_hold', d.longHolds],
        ['figure=negative', d.negative],
        ...d.expiry.map((b): [string, { qty: string; rows: number }] => [`figure=expiry&bucket=${encodeURIComponent(b.key)}`, b]),
        ...d.ageing.map((b): [string, { qty: string; rows: number }] => [`figure=ageing&bucket=${encodeURIComponent(b.key)}`, b]),
        ...d.byWarehouse.map((p): [string, { qty: string; rows: number }] => [`figure=on_hand&warehouse=${p.warehouse}&status=${p.status}`, p]),
      ];
      for (const warehouse of new Set(d.byWarehouse.map((w) => w.warehouse))) {
        for (const p of await locationsAll(warehouse, 500)) figures.push([`figure=on_hand&location=${p.location}&status=${p.status}`, p]);
      }
      expect(figures.filter(([q]) => q.includes('location=')).length).toBeGreaterThan(7);
      expect(d.onHand.rows).toBeGreaterThan(7);
      expect(d.negative.rows + d.longHolds.rows + d.deadStock.rows).toBeGreaterThan(0);
      for (const [n, [query, figure]] of figures.entries()) {
        const limit = [1, 7, 500, 5000][n % 4]!;
        const rows = await drillAll(query, limit);
        expect([query, rows.length, rows.reduce((s, r) => s + toScaled(r.qty, 3), 0n)]).toEqual([query, figure.rows, toScaled(figure.qty, 3)]);
        expect(new Set(rows.map((r) => `${r.lotId}.${r.locationId}`)).size).toBe(rows.length);
      }
      const all = await drillAll('figure=on_hand', 1);
      expect(all).toEqual(await drillAll('figure=on_hand', 5000));
    });

    it('lists a warehouse’s locations only when asked, paged at 1, 7, 500 and 5000, each page adding up to the warehouse', async () => {
      const site = await summary();
      expect(site.byLocation).toBeNull();
      for (const warehouse of new Set(site.byWarehouse.map((w) => w.warehouse))) {
        const whole = await locationsAll(warehouse, 5000);
        for (const limit of [1, 7, 500]) expect(await locationsAll(warehouse, limit)).toEqual(whole);
        const codes = whole.map((p) => p.location!);
        expect(codes).toEqual([...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        const own = await summary(`site=MAIN&warehouse=${warehouse}`);
        expect(own.byWarehouse.every((w) => w.warehouse === warehouse)).toBe(true);
        for (const w of own.byWarehouse) {
          const at = whole.filter((p) => p.status === w.status);
          expect([w.status, at.reduce((s, p) => s + toScaled(p.qty, 3), 0n), at.reduce((s, p) => s + p.rows, 0)]).toEqual([w.status, toScaled(w.qty, 3), w.rows]);
        }
      }
    });

    it('refuses a locations cursor it did not give out, or one without its warehouse, and page sizes out of range', async () => {
      const cases: [string, number, string][] = [
        ['warehouse=MAIN&after=nope', 400, 'invalid_request'],
        ['warehouse=MAIN&after=A-01~everything', 400, 'invalid_request'],
        ['warehouse=MAIN&after=A-01%00~released', 400, 'invalid_text'],
        ['after=A-01~released', 422, 'invalid_request'],
        ['warehouse=MAIN&limit=0', 400, 'invalid_request'],
        ['warehouse=MAIN&limit=5001', 400, 'invalid_request'],
      ];
      for (const [query, status, code] of cases) {
        const res = await get<{ error: { code: string } }>(`/api/dashboard/stock?site=MAIN&${query}`);
        expect([query, res.status, res.body.error.code]).toEqual([query, status, code]);
      }
    });

    it('refuses a bucket the site does not have, a bucket on a figure without them, and a forged cursor or token', async () => {
      const cases: [string, number, string][] = [
        ['figure=expiry&bucket=0-30', 422, 'unknown_bucket'],
        ['figure=expiry', 422, 'bucket_required'],
        ['figure=on_hand&bucket=0-7', 422, 'invalid_request'],
        ['figure=on_hand&after=nope', 400, 'invalid_request'],
        ['figure=on_hand&asOf=2025-01-01~1:2:x', 400, 'invalid_request'],
        ['figure=on_hand&limit=0', 400, 'invalid_request'],
        ['figure=on_hand&limit=5001', 400, 'invalid_request'],
        ['figure=everything', 400, 'invalid_request'],
      ];
      for (const [query, status, code] of cases) {
        const res = await get<{ error: { code: string } }>(`/api/dashboard/stock/rows?site=MAIN&${query}`);
        expect([query, res.status, res.body.error.code]).toEqual([query, status, code]);
      }
    });
  });

  it('says a figure changed since the summary it was opened from, and shows the new rows', async () => {
    const before = await summary();
    const places = (await summary('site=MAIN&warehouse=A')).byLocation!.rows;
    const cell = places.find((p) => p.location === 'A-01-01' && p.status === 'released') ?? places[0]!;
    const query = `figure=on_hand&location=${cell.location}&status=${cell.status}&asOf=${encodeURIComponent(before.asOf)}`;
    const unchanged = await get<Page>(`/api/dashboard/stock/rows?site=MAIN&${query}`);
    expect(unchanged.body.changed).toBe(false);
    expect(unchanged.body.rows).toHaveLength(cell.rows);

    // A stock op from a handheld, through the op log like any other.
    const device = await enrolAndSignIn(app, 'H-dash', 'clerk', password);
    const lot = (await t.db.query<{ gtin: string; lot_number: string }>(`SELECT i.gtin, l.lot_number FROM lots l JOIN items i ON i.id = l.item_id WHERE l.status = $1 ORDER BY l.lot_number LIMIT 1`, [cell.status])).rows[0]!;
    const op = newOp(device, 'receive', { gtin: lot.gtin, lotNumber: lot.lot_number, qty: 5, locationCode: cell.location });
    expect((await pushOpsAs(app, device, [op]))[0]?.status ?? 'applied').not.toBe('rejected');
    const after = await get<Page>(`/api/dashboard/stock/rows?site=MAIN&${query}`);
    expect(after.body.changed).toBe(true);
    expect(after.body.asOf).not.toBe(before.asOf);
    const now = await summary();
    const newCell = (await summary('site=MAIN&warehouse=A')).byLocation!.rows.find((p) => p.location === cell.location && p.status === cell.status)!;
    expect(after.body.rows.reduce((s, r) => s + toScaled(r.qty, 3), 0n)).toBe(toScaled(newCell.qty, 3));
    expect(figuresOf(now)).toEqual(figuresOf(await readStockDashboardDirect(t.db, { site: 'MAIN', today, costVisible: true })));
    // A new calendar day moves the buckets: a token from yesterday has changed.
    const yesterday = before.asOf.replace(/^\d{4}-\d{2}-\d{2}/, addDays(today, -1));
    expect((await get<Page>(`/api/dashboard/stock/rows?site=MAIN&figure=on_hand&limit=1&asOf=${encodeURIComponent(yesterday)}`)).body.changed).toBe(true);
  });
});
