import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium';
import { startE2eServer, type E2eServer } from '../e2e/support/server';
import { ensurePwaBuilt } from '../server/cli/pwa-build';
import { percentile } from './report';
import { SYNC_VERSION } from '../sync';

/** What a handheld browser measures: scan-to-saved on the Receive screen, and a first full sync. */

async function post<T>(server: E2eServer, path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Enrols a new handheld, signs the clerk in on the page, and returns the device's token. */
async function enrolledPage(server: E2eServer, page: Page): Promise<string> {
  const admin = (await post<{ token: string }>(server, '/api/auth/login', { username: 'admin', password: server.adminPassword })).token;
  const device = await post<{ token: string }>(server, '/api/devices', { name: `bench ${Date.now()}` }, { authorization: `Bearer ${admin}` });
  await page.goto(server.url);
  await page.evaluate((token) => localStorage.setItem('lotline.device', JSON.stringify({ token })), device.token);
  await page.reload();
  await page.locator('input[name=username]').fill('clerk');
  await page.locator('input[name=password]').fill(server.demoPassword);
  await page.locator('button[type=submit]').click();
  await page.waitForSelector('[data-testid=pending-count]');
  return device.token;
}

// Plain JavaScript: the runner's transpiler would wrap named functions in helpers the page lacks.
const SCAN_AND_WAIT = `(async () => {
  const data = __DATA__, lot = __LOT__;
  const start = performance.now();
  const shown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const list = document.querySelector('[data-testid=op-list]');
      if (list && list.textContent.includes(lot)) { observer.disconnect(); resolve(); }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  for (const ch of [...data, 'Enter']) window.dispatchEvent(new KeyboardEvent('keydown', { key: ch === '\\x1d' ? 'GroupSeparator' : ch }));
  await shown;
  return performance.now() - start;
})()`;

/** Wedge scans of carton labels with a count (37), each saved at once: dispatch to "shown in the list". */
export async function measureScanLatency(scans = 200, throttle = 4): Promise<{ p50: number; p95: number; throttle: number }> {
  await ensurePwaBuilt();
  const server = await startE2eServer();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'en-US' });
    const page = await context.newPage();
    await enrolledPage(server, page);
    await page.goto(`${server.url}/#/receive`);
    // The location first, retried until the first pull has brought the locations.
    for (let i = 0; i < 60; i++) {
      await page.evaluate("for (const key of [...'RCV-01', 'Enter']) window.dispatchEvent(new KeyboardEvent('keydown', { key }))");
      if ((await page.locator('[data-testid=location]').count()) > 0) break;
      await page.waitForTimeout(500);
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const times: number[] = [];
    for (let i = 0; i < scans; i++) {
      const lot = `B${String(i).padStart(5, '0')}`;
      const data = `]d20106901234000016172912311${'0'}${lot}\x1d3712`;
      const ms = (await page.evaluate(SCAN_AND_WAIT.replace('__DATA__', JSON.stringify(data)).replace('__LOT__', JSON.stringify(lot)))) as number;
      times.push(ms);
    }
    return { p50: percentile(times, 50), p95: percentile(times, 95), throttle };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/*
 * The floor under a first sync: every page of lots and balances fetched from the same server in
 * the same page, both collections at once, pages of 5,000, parsed and dropped. What the server,
 * the network and JSON cost before the device keeps anything.
 */
const FETCH_FLOOR = `(async () => {
  const headers = __HEADERS__;
  const pullAll = async (name) => {
    let checkpoint = null;
    for (;;) {
      const query = new URLSearchParams({ limit: '5000' });
      if (checkpoint) { query.set('xid', checkpoint.xid); query.set('id', checkpoint.id); }
      const response = await fetch('/api/sync/' + name + '/pull?' + query, { headers });
      if (!response.ok) throw new Error(name + ': ' + response.status);
      const page = await response.json();
      if (page.documents.length < 5000 || !page.checkpoint) return;
      checkpoint = page.checkpoint;
    }
  };
  const start = performance.now();
  await Promise.all([pullAll('lots'), pullAll('balances')]);
  return (performance.now() - start) / 1000;
})()`;

/*
 * The floor under the earlier design, one IndexedDB record per document: the same number of records written straight into
 * IndexedDB from the same page, in pages of 5,000, lots and balances side by side, with the
 * indexes the app's RxDB collections keep (the primary key, RxDB's own three, and the schema's).
 * No network, no server, no RxDB or Dexie: what the browser itself costs.
 */
const INDEXEDDB_FLOOR = `(async () => {
  const lots = __LOTS__, balances = __BALANCES__, page = 5000;
  const id = () => Math.random().toString(16).slice(2, 10) + '-' + Math.random().toString(16).slice(2, 14) + '-' + Math.random().toString(16).slice(2, 14);
  const open = (name, indexes) => new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => { const store = request.result.createObjectStore('docs', { keyPath: 'id' }); for (const [n, path] of indexes) store.createIndex(n, path); };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rxdb = [['d', ['_deleted', 'id']], ['l', ['_meta.lwt', 'id']], ['t', '_meta.lwt']];
  const meta = () => ({ _deleted: '0', _rev: '1-abcdefghij', _meta: { lwt: Date.now() }, _attachments: {} });
  const lot = (i) => ({ id: id(), itemId: id(), gtin: '06901234000016', lotNumber: 'G' + String(i).padStart(6, '0'), status: 'released', expiresOn: '2027-01-01', manufacturedOn: null, supplier: null, supplierLot: null, origin: 'received', ...meta() });
  const balance = () => ({ id: id(), lotId: id(), locationId: id(), qty: 10, ...meta() });
  const fill = async (db, count, make) => {
    for (let done = 0; done < count; done += page) {
      const docs = Array.from({ length: Math.min(page, count - done) }, (_, i) => make(done + i));
      await new Promise((resolve, reject) => { const tx = db.transaction('docs', 'readwrite'); const store = tx.objectStore('docs'); for (const d of docs) store.put(d); tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    }
  };
  const stamp = Date.now();
  const lotDb = await open('floor-lots-' + stamp, [...rxdb, ['g', ['_deleted', 'gtin', 'lotNumber', 'id']]]);
  const balanceDb = await open('floor-balances-' + stamp, [...rxdb, ['o', ['_deleted', 'lotId', 'id']], ['c', ['_deleted', 'locationId', 'id']]]);
  const start = performance.now();
  await Promise.all([fill(lotDb, lots, lot), fill(balanceDb, balances, balance)]);
  return (performance.now() - start) / 1000;
})()`;

/** A fresh handheld pulls a plant's worth of lots and balances into IndexedDB. */
export async function measureInitialSync(lots = 50_000, balancesPerLot = 2): Promise<{ seconds: number; reopenSeconds: number; fetchFloorSeconds: number; recordFloorSeconds: number; lots: number; balances: number }> {
  await ensurePwaBuilt();
  const { startBenchServer } = await import('./sync-ingest');
  const setup = await startBenchServer('pglite', '');
  const browser = await launchChromium();
  try {
    const db = setup.server.db;
    await db.query(
      `INSERT INTO lots (item_id, lot_number, expires_on, origin, status)
       SELECT (SELECT id FROM items WHERE sku = 'SYR-5ML'), 'G' || lpad(g::text, 6, '0'), date '2027-01-01' + (g % 700), 'received', 'released'
         FROM generate_series(1, $1::int) g`,
      [lots],
    );
    await db.query(
      `INSERT INTO stock_balances (lot_id, location_id, qty)
       SELECT l.id, loc.id, 10 FROM lots l
         CROSS JOIN (SELECT id FROM locations WHERE code IN ('A-01-01', 'A-01-02', 'B-02-01') ORDER BY code LIMIT $1) loc
        WHERE l.lot_number LIKE 'G%'`,
      [balancesPerLot],
    );
    const counts = await db.query<{ lots: number; balances: number }>('SELECT (SELECT count(*)::int FROM lots) AS lots, (SELECT count(*)::int FROM stock_balances) AS balances');
    const expected = counts.rows[0]!;
    const server = { url: setup.server.url, adminPassword: 'bench-admin-pw', demoPassword: setup.password, stop: async () => undefined };
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'en-US' });
    const page = await context.newPage();
    const started = performance.now();
    const deviceToken = await enrolledPage(server, page);
    await page.goto(`${setup.server.url}/#/settings`);
    // The app's CSP forbids eval, so poll with plain evaluations rather than waitForFunction.
    const done = `document.querySelector('[data-testid=count-lots]')?.textContent === '${expected.lots}' && document.querySelector('[data-testid=count-balances]')?.textContent === '${expected.balances}'`;
    const deadline = Date.now() + 300_000;
    while (!(await page.evaluate(done))) {
      if (Date.now() > deadline) throw new Error('initial sync did not finish in 300 s');
      await page.waitForTimeout(250);
    }
    const seconds = (performance.now() - started) / 1000;
    // A handheld restarted with a plant's data: how long until its screens know every lot again.
    const reopened = performance.now();
    await page.reload();
    while (!(await page.evaluate(done))) {
      if (Date.now() > deadline) throw new Error('the reopened app did not show its lots in 300 s');
      await page.waitForTimeout(50);
    }
    const reopenSeconds = (performance.now() - reopened) / 1000;
    const session = await post<{ token: string }>(server, '/api/auth/login', { username: 'clerk', password: server.demoPassword }, { 'x-lotline-device': deviceToken });
    const headers = { authorization: `Bearer ${session.token}`, 'x-lotline-device': deviceToken, 'x-lotline-sync-version': String(SYNC_VERSION), 'x-lotline-app-version': '0.1.0' };
    const fetchFloorSeconds = (await page.evaluate(FETCH_FLOOR.replace('__HEADERS__', JSON.stringify(headers)))) as number;
    const recordFloorSeconds = (await page.evaluate(INDEXEDDB_FLOOR.replace('__LOTS__', String(expected.lots)).replace('__BALANCES__', String(expected.balances)))) as number;
    return { seconds, reopenSeconds, fetchFloorSeconds, recordFloorSeconds, lots: expected.lots, balances: expected.balances };
  } finally {
    await browser.close();
    await setup.close();
  }
}
