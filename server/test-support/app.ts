import { ensureAdmin } from '../auth';
import type { Db } from '../db';
import { createApp } from '../http/app';
import { createChangeHub } from '../sync/hub';

export const ADMIN_PASSWORD = 'correct-horse-42';

export async function testApp(db: Db, overrides: { bodyLimitBytes?: number; sessionHours?: number } = {}) {
  await ensureAdmin(db, ADMIN_PASSWORD);
  return createApp({ db, hub: createChangeHub(db), version: 'test', sessionHours: overrides.sessionHours ?? 12, bodyLimitBytes: overrides.bodyLimitBytes ?? 64 * 1024 });
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
