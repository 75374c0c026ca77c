import { ensureAdmin, type LoginLimit } from '../auth';
import type { Clock } from '../clock';
import type { Db } from '../db';
import type { TransportOptions } from '../http/transport';
import { randomBytes } from 'node:crypto';
import { createApp } from '../http/app';
import { replyCodeKey, type ReplyCodeKey } from '../recall/letters';
import { createChangeHub } from '../sync/hub';

export const ADMIN_PASSWORD = 'correct-horse-42';

export interface TestAppOptions {
  bodyLimitBytes?: number;
  integrationBodyLimitBytes?: number;
  importBodyLimitBytes?: number;
  sessionHours?: number;
  clock?: Clock;
  loginLimit?: LoginLimit;
  transport?: TransportOptions;
  replyCodeKey?: ReplyCodeKey;
}

export async function testApp(db: Db, overrides: TestAppOptions = {}) {
  await ensureAdmin(db, ADMIN_PASSWORD);
  return createApp({
    db,
    hub: createChangeHub(db),
    version: 'test',
    sessionHours: overrides.sessionHours ?? 12,
    bodyLimitBytes: overrides.bodyLimitBytes ?? 64 * 1024,
    integrationBodyLimitBytes: overrides.integrationBodyLimitBytes,
    importBodyLimitBytes: overrides.importBodyLimitBytes,
    clock: overrides.clock,
    loginLimit: overrides.loginLimit,
    transport: overrides.transport,
    replyCodeKey: overrides.replyCodeKey ?? replyCodeKey(randomBytes(32)),
  });
}

/** A clock a test moves by hand, so a backoff elapses without waiting for it. */
export function testClock(start = new Date('2025-06-02T08:00:10Z')): Clock & { advance(seconds: number): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

/** The request environment of a connection from `address`, as the Node adapter gives it. */
export function fromAddress(address: string) {
  return { incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: address.includes(':') ? 'IPv6' : 'IPv4' } } };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

export function json(method: string, body: unknown, token?: string): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  };
}

export function bearer(token: string): RequestInit {
  return { headers: { authorization: `Bearer ${token}` } };
}

export async function signIn(app: TestApp, username: string, password: string): Promise<string> {
  const res = await app.request('/api/auth/login', json('POST', { username, password }));
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
