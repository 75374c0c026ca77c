/**
 * The replication contract shared by the server's handlers and the handheld's RxDB replication.
 * Bump SYNC_VERSION on any change to documents or checkpoints: an older client is refused with
 * `sync_version` and told to reload, never fed documents it would misread.
 */
export const SYNC_VERSION = 1;

export const DOWN_COLLECTIONS = ['items', 'locations', 'lots', 'balances', 'picklists', 'printers', 'templates', 'recalls', 'containers', 'inbound'] as const;
export const UP_COLLECTIONS = ['ops'] as const;
export type DownCollection = (typeof DOWN_COLLECTIONS)[number];
export type Collection = DownCollection | (typeof UP_COLLECTIONS)[number];

export function isCollection(name: string): name is Collection {
  return (DOWN_COLLECTIONS as readonly string[]).includes(name) || (UP_COLLECTIONS as readonly string[]).includes(name);
}

/**
 * A position in a collection's change order: the writing transaction's id (xid8, as a decimal
 * string) and the document id. Rows are served only once every transaction that could still
 * commit below this position has ended.
 */
export interface Checkpoint {
  xid: string;
  id: string;
}

export interface PullResponse<Doc> {
  documents: (Doc & { _deleted: boolean })[];
  checkpoint: Checkpoint | null;
  /**
   * Newer rows exist but an older transaction is still open, so they were held back to keep the
   * checkpoint safe: pull again shortly, even if no change is announced.
   */
  heldBack?: boolean;
}

export interface PushRow<Doc> {
  assumedMasterState: (Doc & { _deleted: boolean }) | null;
  newDocumentState: Doc & { _deleted: boolean };
}

/** The stream's events: a collection changed (pull again), or the stream was (re)opened. */
export type StreamEvent = { type: 'changed'; collections: Collection[] } | { type: 'resync' };

export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const ax = BigInt(a.xid);
  const bx = BigInt(b.xid);
  if (ax !== bx) return ax < bx ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function isCheckpoint(value: unknown): value is Checkpoint {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return typeof c.xid === 'string' && /^\d{1,20}$/.test(c.xid) && typeof c.id === 'string' && c.id.length <= 100;
}
