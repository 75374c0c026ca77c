import type { AnchorKey } from './key';

/** One signed statement: at `at`, the audit chain's row `seq` had hash `hash`. */
export interface Checkpoint {
  v: 1;
  seq: string;
  hash: string;
  at: string;
  keyId: string;
  signature: string;
}

export interface ChainHead {
  seq: string;
  hash: string;
}

/** The exact text signed; a version tag first, so no other signed message can pass as one. */
export function signedText(c: Pick<Checkpoint, 'seq' | 'hash' | 'at' | 'keyId'>): string {
  return `lotline-audit-checkpoint-1\n${c.keyId}\n${c.seq}\n${c.hash}\n${c.at}`;
}

export function signCheckpoint(key: AnchorKey, head: ChainHead, at: Date): Checkpoint {
  const unsigned = { seq: head.seq, hash: head.hash, at: at.toISOString(), keyId: key.keyId };
  return { v: 1, ...unsigned, signature: key.sign(signedText(unsigned)) };
}

export function checkpointSignatureValid(key: AnchorKey, c: Checkpoint): boolean {
  return c.keyId === key.keyId && key.verify(signedText(c), c.signature);
}

/** A line of a checkpoint file read back: the shape is checked here, the signature by the caller. */
export function parseCheckpoint(line: string): Checkpoint | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  if (raw === null || typeof raw !== 'object') return null;
  const c = raw as Record<string, unknown>;
  const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 512;
  if (c.v !== 1 || !isText(c.seq) || !/^\d+$/.test(c.seq) || !isText(c.hash) || !isText(c.at) || !isText(c.keyId) || !isText(c.signature)) return null;
  return { v: 1, seq: c.seq, hash: c.hash, at: c.at, keyId: c.keyId, signature: c.signature };
}
