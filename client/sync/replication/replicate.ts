import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxCollection } from 'rxdb';
import type { Subject } from 'rxjs';
import { SYNC_VERSION, type Checkpoint, type Collection, type PullResponse } from '../../../sync';

export interface SyncTransport {
  baseUrl: string;
  /** Session and device headers; read on every request so a new sign-in takes effect at once. */
  headers(): Record<string, string>;
  /** Reported to the server for the supervisor console. */
  queueDepth(): number;
  appVersion: string;
  /** Runs before every push and fails it when it throws: what must be true on the server before this device's ops go. */
  beforePush?(): Promise<void>;
}

export class SyncHttpError extends Error {
  /** Survives RxDB turning the error into plain JSON on its way to `error$` (the status field does not). */
  readonly parameters: { status: number };
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SyncHttpError';
    this.parameters = { status };
  }
}

async function request<T>(transport: SyncTransport, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${transport.baseUrl}${path}`, {
    ...init,
    headers: {
      ...transport.headers(),
      'x-lotline-sync-version': String(SYNC_VERSION),
      'x-lotline-app-version': transport.appVersion,
      'x-lotline-queue-depth': String(transport.queueDepth()),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new SyncHttpError(response.status, body.error?.code ?? 'http_error', body.error?.message ?? `HTTP ${response.status}`);
  }
  return (await response.json()) as T;
}

/**
 * One page of a collection's changes after a checkpoint (from the start when null). `stored` says
 * the device has stored everything up to the checkpoint (not a page fetched ahead while the one
 * before it is still being written): the server takes that as the device's acknowledgement.
 */
export function pullPage<Doc>(transport: SyncTransport, name: Collection, checkpoint: Checkpoint | null, batchSize: number, options: { stored?: boolean } = {}): Promise<PullResponse<Doc>> {
  const query = new URLSearchParams({ limit: String(batchSize) });
  if (checkpoint) {
    query.set('xid', checkpoint.xid);
    query.set('id', checkpoint.id);
    if (options.stored) query.set('stored', 'true');
  }
  return request<PullResponse<Doc>>(transport, `/api/sync/${name}/pull?${query}`);
}

export type ResyncSignal = Subject<'RESYNC'>;

/**
 * The server held rows back behind a transaction that is still open, and that transaction may
 * never announce this collection: pull again on our own, soon at first, then less often.
 */
export function comeBackForHeldRows(resync: ResyncSignal): { afterPage(page: PullResponse<unknown>, batchSize: number): void; cancel(): void } {
  let heldPulls = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    afterPage(page, batchSize) {
      if (!page.heldBack || page.documents.length >= batchSize) {
        heldPulls = 0;
        return;
      }
      if (timer) return;
      const delay = Math.min(30_000, 500 * 2 ** Math.min(heldPulls, 6));
      heldPulls++;
      timer = setTimeout(() => {
        timer = undefined;
        resync.next('RESYNC');
      }, delay);
    },
    cancel() {
      clearTimeout(timer);
    },
  };
}

/**
 * One replication per collection over the Lotline sync API. Pull is checkpointed by
 * (transaction id, document id); push exists only for ops; the stream only says "pull again",
 * so documents always arrive through the checkpointed, commit-safe pull.
 */
export function replicateCollection<Doc extends { id: string }>(options: {
  name: Collection;
  collection: RxCollection<Doc>;
  transport: SyncTransport;
  resync: ResyncSignal;
  push?: boolean;
  batchSize?: number;
  /** Told after every push: null when it went through, else its error. */
  onPushed?: (error: unknown) => void;
}): RxReplicationState<Doc, Checkpoint> {
  const { name, transport } = options;
  const fetchPage = (checkpoint: Checkpoint | null, batchSize: number) => pullPage<Doc>(transport, name, checkpoint, batchSize);

  const heldRows = comeBackForHeldRows(options.resync);

  return replicateRxCollection<Doc, Checkpoint>({
    // A collection whose schema changed pulls again from the start, so documents kept from the old
    // schema get their new fields; the others keep their checkpoints.
    replicationIdentifier: `lotline-${name}-v${SYNC_VERSION}${options.collection.schema.version > 0 ? `-s${options.collection.schema.version}` : ''}`,
    collection: options.collection,
    live: true,
    retryTime: 3000,
    // Each tab of the app replicates on its own: a handheld runs one.
    waitForLeadership: false,
    pull: {
      // Large pages: a first sync of a plant is hundreds of thousands of rows, and each page is
      // one IndexedDB transaction.
      batchSize: options.batchSize ?? 5000,
      stream$: options.resync.asObservable(),
      handler: async (checkpoint, batchSize) => {
        const page = await fetchPage(checkpoint ?? null, batchSize);
        heldRows.afterPage(page, batchSize);
        return { documents: page.documents, checkpoint: page.checkpoint ?? checkpoint ?? undefined };
      },
    },
    ...(options.push
      ? {
          push: {
            batchSize: 200,
            handler: async (rows) => {
              try {
                await transport.beforePush?.();
                const conflicts = await request<(Doc & { _deleted: boolean })[]>(transport, `/api/sync/${name}/push`, { method: 'POST', body: JSON.stringify(rows) });
                options.onPushed?.(null);
                return conflicts;
              } catch (error) {
                options.onPushed?.(error);
                throw error;
              }
            },
          },
        }
      : {}),
  });
}

/**
 * Reads the server's change stream with fetch (EventSource cannot send the session headers)
 * and turns every event into RESYNC for the replications. Reconnects after a drop, and a
 * reconnect is itself a RESYNC: whatever changed while away gets pulled.
 */
export function watchChanges(transport: SyncTransport, onEvent: (collections: Collection[] | 'all') => void, signal: AbortSignal): void {
  const loop = async () => {
    while (!signal.aborted) {
      try {
        const response = await fetch(`${transport.baseUrl}/api/sync/stream`, { headers: { ...transport.headers(), 'x-lotline-sync-version': String(SYNC_VERSION) }, signal });
        if (!response.ok || !response.body) throw new Error(`stream ${response.status}`);
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (!data) continue;
            const event = JSON.parse(data) as { type: string; collections?: Collection[] };
            onEvent(event.type === 'changed' && event.collections ? event.collections : 'all');
          }
        }
      } catch {
        if (signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  void loop();
}
