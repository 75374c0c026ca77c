import { randomUUID } from 'node:crypto';
import { SYNC_VERSION } from '../../sync/protocol';
import type { E2eServer } from './server';
import { apiCall, apiToken } from './session';

export interface Handheld {
  deviceId: string;
  userId: string;
  headers: Record<string, string>;
}

/** A handheld as the server sees one: enrolled by the admin, a user signed in on it. */
export async function handheldOf(server: E2eServer, name: string, username: string): Promise<Handheld> {
  const admin = await apiToken(server, 'admin', server.adminPassword);
  const enrolled = await apiCall<{ device: { id: string }; token: string }>(server, '/api/devices', { body: { name }, token: admin });
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lotline-device': enrolled.token },
    body: JSON.stringify({ username, password: server.demoPassword }),
  });
  if (!res.ok) throw new Error(`sign-in on ${name}: ${res.status} ${await res.text()}`);
  const login = (await res.json()) as { token: string; user: { id: string } };
  return {
    deviceId: enrolled.device.id,
    userId: login.user.id,
    headers: {
      authorization: `Bearer ${login.token}`,
      'x-lotline-device': enrolled.token,
      'x-lotline-sync-version': String(SYNC_VERSION),
      'x-lotline-app-version': '0.1.0-e2e',
      'content-type': 'application/json',
    },
  };
}

/** Books one stock op the way a handheld pushes it; an op the server takes as sent comes back as no conflict (an empty list). */
export async function pushOp(server: E2eServer, device: Handheld, type: string, payload: Record<string, unknown>): Promise<unknown[]> {
  const op = { id: randomUUID(), type, deviceId: device.deviceId, userId: device.userId, deviceTime: new Date().toISOString(), payload, status: 'queued', outcome: null, appliedAt: null, _deleted: false };
  const res = await fetch(`${server.url}/api/sync/ops/push`, { method: 'POST', headers: device.headers, body: JSON.stringify([{ assumedMasterState: null, newDocumentState: op }]) });
  if (!res.ok) throw new Error(`push ${type}: ${res.status} ${await res.text()}`);
  return (await res.json()) as unknown[];
}
