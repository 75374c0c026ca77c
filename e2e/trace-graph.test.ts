import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { autoView, traceModel, visibleGraph, type TraceAnswer } from '../domain/trace';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { typeLikeAPerson } from './support/keys';
import { apiCall, apiToken, openConsole } from './support/session';

const env = e2eEnvironment();
const SHOTS = join(tmpdir(), 'lotline-trace-graph');

const SYRINGE = '06901234000016';
const INFUSION_SET = '06901234000023';
const CATHETER = '06901234000054';
const BARREL = '06901234000115';
const SYRINGE_LOTS = 240;
const SETS = 60;

/**
 * A recall-sized genealogy booked the way the plant books it, as ops pushed by an enrolled
 * handheld: 240 syringe lots made from the demo's barrel lot PP2410A, 60 infusion-set lots each
 * made from two of them, and a serialized catheter lot whose serial CV-0001 ships to a hospital.
 */
async function bookGenealogy(): Promise<{
  qa: string;
  rootId: string;
  catheterId: string;
}> {
  const server = env.server();
  const admin = await apiToken(server, 'admin', server.adminPassword);
  const enrolled = await apiCall<{ device: { id: string }; token: string }>(server, '/api/devices', { body: { name: 'Line 2 scanner' }, token: admin });
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-lotline-device': enrolled.token,
    },
    body: JSON.stringify({ username: 'clerk', password: server.demoPassword }),
  });
  const { token, user } = (await login.json()) as {
    token: string;
    user: { id: string };
  };
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
    'x-lotline-device': enrolled.token,
    'x-lotline-sync-version': '1',
  };
  const push = async (ops: { type: string; payload: unknown }[]) => {
    for (let i = 0; i < ops.length; i += 50) {
      const rows = ops.slice(i, i + 50).map((op) => ({
        assumedMasterState: null,
        newDocumentState: {
          id: randomUUID(),
          type: op.type,
          deviceId: enrolled.device.id,
          userId: user.id,
          deviceTime: new Date().toISOString(),
          payload: op.payload,
          status: 'queued',
          outcome: null,
          appliedAt: null,
          _deleted: false,
        },
      }));
      const res = await fetch(`${server.url}/api/sync/ops/push`, {
        method: 'POST',
        headers,
        body: JSON.stringify(rows),
      });
      if (!res.ok) throw new Error(`push: ${res.status} ${await res.text()}`);
    }
  };
  const syringe = (i: number) => `E2E${String(i).padStart(4, '0')}`;
  const made = {
    expiresOn: '2029-12-31',
    manufacturedOn: '2026-11-20',
    locationCode: 'PRD-L1',
  };
  await push(
    Array.from({ length: SYRINGE_LOTS }, (_, i) => ({
      type: 'produce',
      payload: {
        ...made,
        gtin: SYRINGE,
        lotNumber: syringe(i + 1),
        qty: 10,
        components: [
          {
            gtin: BARREL,
            lotNumber: 'PP2410A',
            qty: 10,
            fromLocationCode: 'A-01-01',
          },
        ],
      },
    })),
  );
  await push(
    Array.from({ length: SETS }, (_, i) => ({
      type: 'produce',
      payload: {
        ...made,
        gtin: INFUSION_SET,
        lotNumber: `K${String(i + 1).padStart(4, '0')}`,
        qty: 5,
        components: [2 * i + 1, 2 * i + 2].map((n) => ({
          gtin: SYRINGE,
          lotNumber: syringe(n),
          qty: 5,
          fromLocationCode: 'PRD-L1',
        })),
      },
    })),
  );
  await push([
    {
      type: 'produce',
      payload: {
        ...made,
        gtin: CATHETER,
        lotNumber: 'CVC-E2E',
        qty: 2,
        serials: ['CV-0001', 'CV-0002'],
        components: [
          {
            gtin: BARREL,
            lotNumber: 'PP2410A',
            qty: 1,
            fromLocationCode: 'A-01-01',
          },
        ],
      },
    },
  ]);

  // Only released lots ship: QA releases the catheter lot and two sets under a signature first.
  const qa = await apiToken(server, 'qa', server.demoPassword);
  const lotOf = async (lotNumber: string) => (await apiCall<{ lots: { id: string; version: number }[] }>(server, `/api/lots?lotNumber=${lotNumber}`, { token: qa })).lots[0]!;
  for (const lotNumber of ['CVC-E2E', 'K0001', 'K0002']) {
    const lot = await lotOf(lotNumber);
    await apiCall(server, `/api/lots/${lot.id}/status`, {
      token: qa,
      body: {
        to: 'released',
        meaning: 'released',
        reason: 'Batch record reviewed',
        password: server.demoPassword,
        version: lot.version,
      },
    });
  }
  await push([
    {
      type: 'ship',
      payload: {
        customerCode: 'HOSP-SH1',
        shipmentNumber: 'SH-E2E-1',
        lines: [
          {
            gtin: CATHETER,
            lotNumber: 'CVC-E2E',
            qty: 1,
            fromLocationCode: 'PRD-L1',
            serial: 'CV-0001',
          },
        ],
      },
    },
    {
      type: 'ship',
      payload: {
        customerCode: 'EXPORT-EU',
        shipmentNumber: 'SH-E2E-2',
        lines: [
          {
            gtin: INFUSION_SET,
            lotNumber: 'K0001',
            qty: 5,
            fromLocationCode: 'PRD-L1',
          },
        ],
      },
    },
    {
      type: 'ship',
      payload: {
        customerCode: 'DIST-BJ',
        shipmentNumber: 'SH-E2E-3',
        lines: [
          {
            gtin: INFUSION_SET,
            lotNumber: 'K0002',
            qty: 5,
            fromLocationCode: 'PRD-L1',
          },
        ],
      },
    },
  ]);
  return {
    qa,
    rootId: (await lotOf('PP2410A')).id,
    catheterId: (await lotOf('CVC-E2E')).id,
  };
}

const attr = async (page: Page, name: string) => page.getByTestId('trace-graph').getAttribute(name);
/** The nodes the chart instance holds, once it has drawn the graph the page asked for. */
const drawnNodes = async (page: Page) => Number((await attr(page, 'data-drawn-nodes')) ?? -1);

async function traceFrom(page: Page, lot: string, serial = '') {
  await page.getByTestId('trace-lot').fill('');
  await page.getByTestId('trace-lot').click();
  await typeLikeAPerson(page, lot);
  await page.getByTestId('trace-serial').fill(serial);
  await page.getByTestId('trace-run').click();
}

describe('the trace graph at recall size', () => {
  let booked: Awaited<ReturnType<typeof bookGenealogy>>;
  let forward: TraceAnswer;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    booked = await bookGenealogy();
    forward = await apiCall<TraceAnswer>(env.server(), `/api/lots/${booked.rootId}/trace?direction=forward`, { token: booked.qa });
  }, 240_000);

  it('the API reaches every lot booked', () => {
    // PP2410A, the demo's finished lot, 240 syringe lots, 60 sets, the catheter lot.
    expect(forward.lots).toHaveLength(1 + 1 + SYRINGE_LOTS + SETS + 1);
  });

  it('opens folded by item within its node budget, unfolds a group and a level, finds a lot folded away; axe and screenshots at 1280x900', async () => {
    const { context, page } = await openConsole(env.browser(), env.server(), 'qa', { page: 'trace' });
    try {
      await traceFrom(page, 'PP2410A');
      const model = traceModel(forward);
      const opening = visibleGraph(model, autoView(model));
      await expect.poll(() => drawnNodes(page), { timeout: 30_000 }).toBe(opening.nodes.length);
      expect(Number(await attr(page, 'data-node-count'))).toBe(opening.nodes.length);
      expect(opening.nodes.length).toBeLessThan(20);
      await page.screenshot({ path: join(SHOTS, 'folded-1280.png') });

      // Grouping off draws every lot: hundreds of nodes, laid out and drawn.
      await page.getByTestId('trace-group').click();
      await expect.poll(() => drawnNodes(page), { timeout: 60_000 }).toBe(visibleGraph(model, { ...autoView(model), groupByItem: false }).nodes.length);
      expect(await drawnNodes(page)).toBeGreaterThan(300);
      await page.screenshot({ path: join(SHOTS, 'unfolded-1280.png') });

      // Cut at level 1: the sets fold away into the syringe lots' "beyond" counts.
      await page.getByTestId('trace-levels').click();
      await page.locator('.ant-select-item-option').filter({ hasText: 'Up to level 1' }).click();
      await expect
        .poll(() => drawnNodes(page), { timeout: 30_000 })
        .toBe(
          visibleGraph(model, {
            ...autoView(model),
            groupByItem: false,
            levels: 1,
          }).nodes.length,
        );
      await expect.poll(() => page.getByTestId('trace-graph-count').textContent()).toContain(`${SETS} lot(s) beyond level 1 are folded`);

      // Back to groups; a search for a set lot opens the level and pulls the lot and its path out of their groups.
      await page.getByTestId('trace-group').click();
      const grouped = await expect.poll(() => drawnNodes(page), {
        timeout: 30_000,
      });
      await grouped.toBeLessThan(20);
      await page.getByTestId('trace-search').locator('input').click();
      await typeLikeAPerson(page, 'K0042');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('trace-search-result').textContent()).toContain('K0042 (lot number)');
      const k42 = forward.lots.find((l) => l.lotNumber === 'K0042')!;
      await expect.poll(() => attr(page, 'data-focus'), { timeout: 30_000 }).toBe(k42.id);
      await expect.poll(() => page.getByTestId('node-K0042').count()).toBe(1);
      // K0042 was made from E2E0083 and E2E0084; the path shows the one the walk came by.
      expect(await page.getByTestId('node-E2E0083').count()).toBe(1);
      // The hit sits at the middle of the drawing (below the legend): a click there opens its history.
      const canvas = (await page.locator('.trace-graph-canvas').boundingBox())!;
      await page.waitForTimeout(300);
      await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2 + 18);
      await expect.poll(() => page.locator('.ant-drawer-title').textContent(), { timeout: 10_000 }).toContain('K0042');
      await expect.poll(() => page.getByTestId('lot-timeline').count(), { timeout: 10_000 }).toBe(1);
      await page.screenshot({ path: join(SHOTS, 'lot-drawer-1280.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);

      // Nothing found, and an empty search, each say so.
      await page.getByTestId('trace-search').locator('input').fill('');
      await page.getByTestId('trace-search').locator('input').click();
      await typeLikeAPerson(page, 'NOPE-42');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('trace-search-result').textContent()).toBe('Nothing in this trace matches “NOPE-42”.');
      await page.getByTestId('trace-search').locator('input').fill('');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('trace-search-result').textContent()).toBe('Type what to find.');

      // A group opens from its drawer, a page of lots at a time.
      await page.getByTestId('trace-fold').click();
      await expect.poll(() => drawnNodes(page), { timeout: 30_000 }).toBe(opening.nodes.length);
      const folded = await drawnNodes(page);
      await page.screenshot({ path: join(SHOTS, 'search-1280.png') });
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      await openGroup(page, `group:1:${SYRINGE}`);
      await expect.poll(() => drawnNodes(page), { timeout: 30_000 }).toBe(folded + 50);
    } finally {
      await context.close();
    }
  }, 300_000);

  it('shows a serial’s path from the lot holding it to the hospital it went to, as a path and a graph', async () => {
    const { context, page } = await openConsole(env.browser(), env.server(), 'qa', { page: 'trace' });
    try {
      await traceFrom(page, 'CVC-E2E', 'CV-0001');
      await expect.poll(() => page.getByTestId('serial-path').locator('[data-testid=serial-step]').count(), { timeout: 30_000 }).toBe(2);
      const steps = await page.getByTestId('serial-path').locator('[data-testid=serial-step]').allTextContents();
      expect(steps[0]).toContain('CVC-E2E');
      expect(steps[1]).toContain('SH-E2E-1');
      expect(steps[1]).toContain('HOSP-SH1');
      expect(steps[1]).toContain('serial CV-0001');
      await expect.poll(() => drawnNodes(page), { timeout: 30_000 }).toBe(2);
      expect(await page.getByTestId('node-HOSP-SH1').count()).toBe(1);
      // The other serial of the lot went nowhere.
      await traceFrom(page, 'CVC-E2E', 'CV-0002');
      await expect
        .poll(() => page.getByTestId('serial-path').textContent(), {
          timeout: 30_000,
        })
        .toContain('Serial CV-0002 went nowhere further from lot CVC-E2E.');
      // A serial GS1 does not allow is refused before asking.
      await page.getByTestId('trace-serial').fill('CV 0001');
      await page.getByTestId('trace-run').click();
      await expect.poll(() => page.locator('.ant-form-item-explain-error').textContent()).toContain('only the characters GS1 allows');
      await page.getByTestId('trace-serial').fill('CV-0001');
      await page.getByTestId('trace-run').click();
      await expect.poll(() => page.getByTestId('serial-path').locator('[data-testid=serial-step]').count(), { timeout: 30_000 }).toBe(2);
      await page.screenshot({
        path: join(SHOTS, 'serial-1280.png'),
        fullPage: true,
      });
      // The pointer still rests on the Trace button, in Ant Design's lighter hover shade.
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits a phone: tools above the graph, nothing sideways, at 360x640', async () => {
    const { context, page } = await openConsole(env.browser(), env.server(), 'qa', { page: 'trace', context: { viewport: { width: 360, height: 640 } } });
    try {
      await traceFrom(page, 'PP2410A');
      await expect.poll(() => drawnNodes(page), { timeout: 30_000 }).toBeGreaterThan(0);
      await page.getByTestId('trace-graph').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'graph-360.png') });
      await page.screenshot({
        path: join(SHOTS, 'page-360.png'),
        fullPage: true,
      });
      const search = await page.getByTestId('trace-search').boundingBox();
      const canvas = await page.locator('.trace-graph-canvas').boundingBox();
      expect(search!.y + search!.height).toBeLessThanOrEqual(canvas!.y);
      expect(canvas!.x + canvas!.width).toBeLessThanOrEqual(360);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** Opens a group's drawer from the graph's node list (the keyboard's way in) and lays its first page of lots out. */
async function openGroup(page: Page, groupId: string) {
  const list = page.getByTestId('trace-node-list');
  if (!(await list.isVisible())) await page.getByRole('button', { name: /Nodes in the graph/ }).click();
  await page.getByTestId(`node-${groupId}`).getByRole('button').click();
  await page.getByTestId('trace-group-open').click();
}
