import { randomUUID } from 'node:crypto';
import { SYNC_VERSION, type Checkpoint } from '../../sync';

/**
 * Simulated handhelds that speak only HTTP to a running server, as the PWA does: enrolled by an
 * admin, signed in on the device, pushing ops in the app's batch size, pulling pages after a
 * checkpoint, and holding an SSE stream that says when to pull.
 */

/** The app's push batch (client/sync/replication/replicate.ts: push batchSize). */
export const PUSH_BATCH = 200;
/** The app's pull page after the first sync (client/sync/replication/replicate.ts: pull batchSize default). */
export const PULL_PAGE = 5000;

export interface OpDocument {
  id: string;
  type: string;
  deviceId: string;
  userId: string;
  deviceTime: string;
  payload: Record<string, unknown>;
  status: 'queued';
  outcome: null;
  appliedAt: null;
  _deleted: false;
}

export interface SimHandheld {
  name: string;
  url: string;
  deviceId: string;
  userId: string;
  headers: Record<string, string>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(url: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!res.ok) throw new HttpError(res.status, `${init.method ?? 'request'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** An admin bearer token (enrolling devices is an admin's act). */
export async function adminToken(url: string, password: string): Promise<string> {
  return (await request<{ token: string }>(url, '/api/auth/login', { body: { username: 'admin', password } })).token;
}

export async function enrolHandheld(url: string, admin: string, name: string, user: { username: string; password: string }): Promise<SimHandheld> {
  const device = await request<{ device: { id: string }; token: string }>(url, '/api/devices', { body: { name }, headers: { authorization: `Bearer ${admin}` } });
  const login = await request<{ token: string; user: { id: string } }>(url, '/api/auth/login', { body: user, headers: { 'x-lotline-device': device.token } });
  return {
    name,
    url,
    deviceId: device.device.id,
    userId: login.user.id,
    headers: { authorization: `Bearer ${login.token}`, 'x-lotline-device': device.token, 'x-lotline-sync-version': String(SYNC_VERSION), 'x-lotline-app-version': 'bench' },
  };
}

/** The same device (token and session) talking to another server instance behind a balancer. */
export function viaInstance(device: SimHandheld, url: string): SimHandheld {
  return { ...device, url };
}

export function op(device: SimHandheld, type: string, payload: Record<string, unknown>): OpDocument {
  return { id: randomUUID(), type, deviceId: device.deviceId, userId: device.userId, deviceTime: new Date().toISOString(), payload, status: 'queued', outcome: null, appliedAt: null, _deleted: false };
}

/**
 * A realistic mix in the app's words: receipts into new lots, moves and picks of what was
 * received, and a produce of a serialized finished lot (so a push also checks serials).
 */
export function plantOps(device: SimHandheld, count: number, tag: string): OpDocument[] {
  const ops: OpDocument[] = [];
  for (let i = 0; i < count; i++) {
    const lot = `${tag}${String(Math.floor(i / 10)).padStart(4, '0')}`;
    const kind = i % 10;
    if (kind < 6) ops.push(op(device, 'receive', { gtin: '06901234000016', lotNumber: lot, qty: 10, locationCode: 'RCV-01', expiresOn: '2029-12-31' }));
    else if (kind < 8) ops.push(op(device, 'move', { gtin: '06901234000016', lotNumber: lot, qty: 3, fromLocationCode: 'RCV-01', toLocationCode: 'A-01-01' }));
    else if (kind < 9) ops.push(op(device, 'pick', { gtin: '06901234000016', lotNumber: lot, qty: 1, fromLocationCode: 'A-01-01', toLocationCode: 'SHP-01' }));
    else {
      ops.push(
        op(device, 'produce', {
          gtin: '06901234000054',
          lotNumber: `F${lot}`,
          qty: 2,
          locationCode: 'PRD-L1',
          serials: [`${lot}A`, `${lot}B`],
          components: [{ gtin: '06901234000016', lotNumber: lot, qty: 1, fromLocationCode: 'RCV-01' }],
        }),
      );
    }
  }
  return ops;
}

/** Pushes in the app's batch size; a conflict on a brand-new op would mean the server lost or doubled it. */
export async function pushOps(device: SimHandheld, ops: readonly OpDocument[], batch = PUSH_BATCH): Promise<void> {
  for (let i = 0; i < ops.length; i += batch) {
    const rows = ops.slice(i, i + batch).map((d) => ({ assumedMasterState: null, newDocumentState: d }));
    const conflicts = await request<unknown[]>(device.url, '/api/sync/ops/push', { body: rows, headers: device.headers });
    if (conflicts.length > 0) throw new Error(`${device.name}: ${conflicts.length} conflicts on new ops`);
  }
}

/** A device's local copy of one down collection, kept the way RxDB keeps it: by id, with tombstones. */
export class LocalCollection<Doc extends { id: string; _deleted: boolean }> {
  readonly docs = new Map<string, Doc>();
  checkpoint: Checkpoint | null = null;
  constructor(readonly name: string) {}

  /** Pulls pages until a short one: everything the server has committed that this copy lacks. */
  async pull(device: SimHandheld, page = PULL_PAGE): Promise<number> {
    let pulled = 0;
    for (;;) {
      const q = new URLSearchParams({ limit: String(page), ...(this.checkpoint ? { xid: this.checkpoint.xid, id: this.checkpoint.id } : {}) });
      const res = await request<{ documents: Doc[]; checkpoint: Checkpoint | null }>(device.url, `/api/sync/${this.name}/pull?${q}`, { headers: device.headers });
      for (const d of res.documents) this.docs.set(d.id, d);
      pulled += res.documents.length;
      this.checkpoint = res.checkpoint;
      if (res.documents.length < page) return pulled;
    }
  }

  live(): Doc[] {
    return [...this.docs.values()].filter((d) => !d._deleted);
  }
}

export interface ChangeStream {
  /** Collections named in `changed` events since last taken. */
  take(): Set<string>;
  events(): number;
  close(): void;
}

/** Opens the SSE stream and keeps a set of the collections the server said changed. */
export async function openChangeStream(device: SimHandheld): Promise<ChangeStream> {
  const abort = new AbortController();
  const res = await fetch(`${device.url}/api/sync/stream`, { headers: device.headers, signal: abort.signal });
  if (!res.ok || !res.body) throw new HttpError(res.status, `stream: ${res.status}`);
  let pending = new Set<string>();
  let count = 0;
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data:'));
          if (!data) continue;
          count++;
          const event = JSON.parse(data.slice(5)) as { type: string; collections?: string[] };
          if (event.type === 'resync') pending.add('*');
          for (const c of event.collections ?? []) pending.add(c);
        }
      }
    } catch {
      // aborted on close
    }
  })();
  return {
    take() {
      const taken = pending;
      pending = new Set();
      return taken;
    },
    events: () => count,
    close: () => abort.abort(),
  };
}
