import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo';
import { testApp, type TestApp } from '../test-support/app';
import { onPostgres, openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, ledgerMatchesBalances, newOp, pushOpsAs, type Handheld, type OpState } from '../test-support/handheld';

/**
 * A managed PostgreSQL restarts for patches and fails over; an administrator ends sessions with
 * pg_terminate_backend. The server must not crash, pushes must still be answered and applied
 * once, and live sync must come back by itself and tell devices to pull what they may have
 * missed. Only a server with connections to lose can show this: on PGlite the suite says so.
 */

const SYRINGE = '06901234000016';

let t: TestDb;
let app: TestApp;
let password: string;

/** Ends every connection this test's server holds, the way a restart or an administrator would. */
async function terminateServerConnections(): Promise<number> {
  const admin = new pg.Client({ connectionString: t.postgres!.url });
  await admin.connect();
  try {
    const r = await admin.query<{ ended: boolean }>('SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()', [t.postgres!.schema]);
    return r.rows.filter((row) => row.ended).length;
  } finally {
    await admin.end();
  }
}

/** Reads a device's change stream in the background and keeps every event name it saw. */
function watch(device: Handheld): { events: string[]; stop(): Promise<void> } {
  const events: string[] = [];
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const done = (async () => {
    const res = await app.request('/api/sync/stream', { headers: device.headers });
    reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done: ended } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (ended) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(frame)?.[1];
        if (name) events.push(`${name}${/"collections":\[([^\]]*)\]/.exec(frame)?.[1] ? `:${/"collections":\[([^\]]*)\]/.exec(frame)![1]}` : ''}`);
      }
    }
  })();
  return {
    events,
    async stop() {
      await reader?.cancel();
      await done.catch(() => undefined);
    },
  };
}

const until = async (check: () => boolean, what: string | (() => string), ms = 20_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe.skipIf(!onPostgres())('database connections lost under load (PostgreSQL only: PGlite has no connections to lose)', () => {
  beforeAll(async () => {
    t = await openTestDb('db_blips');
    app = await testApp(t.db);
    password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  });
  afterAll(() => t?.close());

  it('answers every push, applies each op once, and tells streams to resync once it listens again', async () => {
    const clerk = await enrolAndSignIn(app, 'TC52 blip clerk', 'clerk', password);
    const watcher = await enrolAndSignIn(app, 'TC52 blip watcher', 'picker', password);
    const stream = watch(watcher);
    await until(() => stream.events.includes('resync'), 'the stream to open');

    const sent: OpState[] = [];
    const failures: string[] = [];
    let terminated = 0;
    let unavailable = 0;
    const load = (async () => {
      for (let i = 0; i < 40; i++) {
        const batch = Array.from({ length: 5 }, (_, n) => newOp(clerk, 'receive', { gtin: SYRINGE, lotNumber: `BLIP-${i}-${n}`, qty: 10, locationCode: 'RCV-01' }));
        sent.push(...batch);
        // As a handheld does: a 503 (database unavailable) is tried again after a moment.
        for (let attempt = 1; ; attempt++) {
          const res = await app.request('/api/sync/ops/push', { method: 'POST', headers: clerk.headers, body: JSON.stringify(batch.map((d) => ({ assumedMasterState: null, newDocumentState: d }))) });
          if (res.status === 503 && attempt < 10) {
            unavailable++;
            await new Promise((resolve) => setTimeout(resolve, 100));
            continue;
          }
          if (res.status !== 200) failures.push(`${res.status} ${await res.text()}`);
          break;
        }
      }
    })();
    const mark = stream.events.length;
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      terminated += await terminateServerConnections();
    }
    await load;

    expect(terminated).toBeGreaterThan(0);
    expect(failures).toEqual([]); // never a 500, never a refusal
    expect(unavailable).toBeLessThan(40);
    const applied = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM ops WHERE id = ANY($1::uuid[]) AND status = 'applied'", [sent.map((o) => o.id)]);
    expect(applied.rows[0]!.n).toBe(sent.length);
    const moves = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_moves WHERE op_id = ANY($1::uuid[])', [sent.map((o) => o.id)]);
    expect(moves.rows[0]!.n).toBe(sent.length);
    expect(await ledgerMatchesBalances(t.db)).toBe(true);

    // The listener came back and told the open stream to resync; live sync works again: a new
    // receipt reaches the other device's stream.
    await until(() => stream.events.slice(mark).includes('resync'), 'a resync after the listener reconnected');
    // The last round may still be ending the listener it reconnected: a receipt committed while it
    // is away is announced by the resync that follows, not as a change. So receipts go on until
    // one is heard as a change, each after a resync if one came.
    stream.events.length = 0;
    for (let n = 0; !stream.events.some((e) => e.startsWith('changed')); n++) {
      if (n >= 10) throw new Error(`no change heard after reconnecting; the stream said ${JSON.stringify(stream.events)}`);
      await pushOpsAs(app, clerk, [newOp(clerk, 'receive', { gtin: SYRINGE, lotNumber: `BLIP-AFTER-${n}`, qty: 1, locationCode: 'RCV-01' })]);
      const heard = Date.now() + 3000;
      while (Date.now() < heard && !stream.events.some((e) => e.startsWith('changed'))) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The other device is told about balances and lots, not about a device's ops that it never sees.
    expect(stream.events.find((e) => e.startsWith('changed'))).toMatch(/balances/);
    expect(stream.events.join(' ')).not.toMatch(/"ops"/);
    await stream.stop();
  }, 120_000);

  it('keeps running when an idle pooled connection is ended', async () => {
    await t.db.query('SELECT 1');
    await terminateServerConnections();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The process is still here and the pool opens a new connection.
    expect((await t.db.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
  });
});
