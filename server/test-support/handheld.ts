import { randomUUID } from 'node:crypto';
import { SYNC_VERSION, type OpDoc } from '../../sync';
import type { Db } from '../db';
import { ADMIN_PASSWORD, json, signIn, type TestApp } from './app';

export interface Handheld {
  deviceId: string;
  userId: string;
  headers: Record<string, string>;
}

export type OpState = OpDoc & { _deleted: boolean };

/** Enrols a device as admin and signs a user in on it, as a handheld would. */
export async function enrolAndSignIn(app: TestApp, name: string, username: string, password: string): Promise<Handheld> {
  const admin = await signIn(app, 'admin', ADMIN_PASSWORD);
  const enrol = (await (await app.request('/api/devices', json('POST', { name }, admin))).json()) as { device: { id: string }; token: string };
  const login = await app.request('/api/auth/login', { ...json('POST', { username, password }), headers: { 'content-type': 'application/json', 'x-lotline-device': enrol.token } });
  const body = (await login.json()) as { token: string; user: { id: string } };
  return {
    deviceId: enrol.device.id,
    userId: body.user.id,
    headers: {
      authorization: `Bearer ${body.token}`,
      'x-lotline-device': enrol.token,
      'x-lotline-sync-version': String(SYNC_VERSION),
      'x-lotline-app-version': '0.1.0-test',
      'content-type': 'application/json',
    },
  };
}

export function newOp(device: Handheld, type: OpDoc['type'], payload: Record<string, unknown>): OpState {
  return { id: randomUUID(), type, deviceId: device.deviceId, userId: device.userId, deviceTime: new Date().toISOString(), payload, status: 'queued', outcome: null, appliedAt: null, _deleted: false };
}

export async function pushOpsAs(app: TestApp, device: Handheld, docs: OpState[], assumed: OpState | null = null): Promise<OpState[]> {
  const res = await app.request('/api/sync/ops/push', { method: 'POST', headers: device.headers, body: JSON.stringify(docs.map((d) => ({ assumedMasterState: assumed, newDocumentState: d }))) });
  if (res.status !== 200) throw new Error(`push failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as OpState[];
}

/** The ledger invariant: every balance equals the sum of its moves, and no move lacks a balance. */
export async function ledgerMatchesBalances(db: Db): Promise<boolean> {
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT lot_id, location_id, sum(delta) AS qty FROM (
         SELECT lot_id, to_location_id AS location_id, qty AS delta FROM stock_moves WHERE to_location_id IS NOT NULL
         UNION ALL SELECT lot_id, from_location_id, -qty FROM stock_moves WHERE from_location_id IS NOT NULL) m
       GROUP BY lot_id, location_id) s
     FULL JOIN stock_balances b USING (lot_id, location_id) WHERE s.qty IS DISTINCT FROM b.qty`,
  );
  return r.rows[0]!.n === 0;
}

/**
 * Everything a device would end up with from one collection, as the app pulls it: pages after
 * the checkpoint, and again a moment later while the server says rows are held back behind a
 * transaction still open somewhere on the database server.
 */
export async function pullCollection<Doc>(app: TestApp, device: Handheld, collection: string, limit = 500): Promise<(Doc & { _deleted: boolean })[]> {
  const docs: (Doc & { _deleted: boolean })[] = [];
  let query = '';
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await app.request(`/api/sync/${collection}/pull?limit=${limit}${query}`, { headers: device.headers });
    if (res.status !== 200) throw new Error(`pull ${collection} failed: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as { documents: (Doc & { _deleted: boolean })[]; checkpoint: { xid: string; id: string } | null; heldBack?: boolean };
    docs.push(...page.documents);
    if (page.checkpoint) query = `&xid=${page.checkpoint.xid}&id=${page.checkpoint.id}`;
    if (page.documents.length === limit) continue;
    if (!page.heldBack || Date.now() > deadline) return docs;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
