import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo';
import { ADMIN_PASSWORD, json, signIn, testApp, type TestApp } from '../test-support/app';
import { onPostgres, openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn } from '../test-support/handheld';

/** An open change stream ends within seconds of its session being signed out or its handheld revoked. */

let t: TestDb;
let app: TestApp;
let server: ServerType;
let base: string;
let password: string;

beforeAll(async () => {
  t = await openTestDb('stream_end');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

/** Opens a stream, waits for its first event, and resolves with the milliseconds from `since()` to its end. */
async function openStream(path: string, headers: Record<string, string>): Promise<{ ended: Promise<number>; markSince(): void; abort(): void }> {
  const abort = new AbortController();
  const res = await fetch(`${base}${path}`, { headers, signal: abort.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const first = await reader.read();
  expect(new TextDecoder().decode(first.value)).toContain('resync');
  let since = Date.now();
  const ended = (async () => {
    for (;;) {
      const { done } = await reader.read();
      if (done) return Date.now() - since;
    }
  })();
  return { ended, markSince: () => (since = Date.now()), abort: () => abort.abort() };
}

const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still open after ${ms} ms`)), ms))]);

describe(`change streams end with their session (${onPostgres() ? 'PostgreSQL' : 'PGlite'}, real HTTP server)`, () => {
  it("a handheld's stream ends within 5 s of its user signing out", async () => {
    const device = await enrolAndSignIn(app, 'TC52 stream', 'clerk', password);
    const stream = await openStream('/api/sync/stream', device.headers);
    stream.markSince();
    const out = await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: device.headers });
    expect(out.status).toBeLessThan(300);
    try {
      expect(await within(stream.ended, 5000)).toBeLessThan(5000);
    } finally {
      stream.abort();
    }
  });

  it("a handheld's stream ends within 5 s of the device being revoked", async () => {
    const device = await enrolAndSignIn(app, 'TC52 revoked', 'clerk', password);
    const stream = await openStream('/api/sync/stream', device.headers);
    const admin = await signIn(app, 'admin', ADMIN_PASSWORD);
    stream.markSince();
    const revoke = await fetch(`${base}/api/devices/${device.deviceId}/revoke`, json('POST', { reason: 'lost on the floor' }, admin));
    expect(revoke.status).toBe(200);
    try {
      expect(await within(stream.ended, 5000)).toBeLessThan(5000);
    } finally {
      stream.abort();
    }
  });

  it("the console's stream ends within 5 s of its user signing out", async () => {
    const supervisor = await signIn(app, 'supervisor', password);
    const headers = { authorization: `Bearer ${supervisor}` };
    const stream = await openStream('/api/events/stream', headers);
    stream.markSince();
    expect((await fetch(`${base}/api/auth/logout`, { method: 'POST', headers })).status).toBeLessThan(300);
    try {
      expect(await within(stream.ended, 5000)).toBeLessThan(5000);
    } finally {
      stream.abort();
    }
  });
});
