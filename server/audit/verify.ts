import type { Queryable } from '../db';
import { checkCheckpoints, type AnchorReport, type AuditAnchor } from './anchor/check';
import { GENESIS_HASH, chainHash, type AuditRecord } from './chain';
import { heldLotsBreaks } from './held-lots';
import { lotStatusBreaks } from './lot-status';

export type AuditProblem =
  | 'content_changed'
  | 'link_broken'
  | 'checkpoint_mismatch'
  | 'rows_missing'
  | 'checkpoint_forged'
  | 'checkpoint_unreadable'
  | 'anchor_key_missing'
  | 'lot_status_mismatch'
  | 'held_lots_changed';

export interface AuditBreak {
  /** The audit row concerned, when there is one. */
  seq: string | null;
  id: string | null;
  problem: AuditProblem;
  message: string;
  lotId?: string;
  checkpoint?: { file: string; line: number; seq: string | null; at: string | null };
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  lastSeq: string | null;
  lastHash: string;
  /** Every break found, in chain order, then the anchor's and the lots' (at most MAX_LISTED). */
  breaks: AuditBreak[];
  breakCount: number;
  firstBreak?: AuditBreak;
  anchor: AnchorReport;
}

/** Past this, breaks are counted but not listed: a wholesale rewrite must not exhaust memory. */
export const MAX_LISTED = 10_000;

interface AuditRow {
  seq: string;
  id: string;
  at: Date | string;
  actor_id: string | null;
  actor_name: string;
  device_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  signature_meaning: string | null;
  prev_hash: string;
  hash: string;
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    at: row.at instanceof Date ? row.at : new Date(row.at),
    actorId: row.actor_id,
    actorName: row.actor_name,
    deviceId: row.device_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    reason: row.reason,
    signatureMeaning: row.signature_meaning,
  };
}

const describeRow = (row: AuditRow) => [row.action, row.entity_type, row.entity_id].filter(Boolean).join(' ');

export interface VerifyOptions {
  pageSize?: number;
  /** The key and checkpoint directory; without it only rows, links and lots are checked. */
  anchor?: AuditAnchor | undefined;
}

/**
 * Walks the whole chain in order, a page at a time, and reports every row whose stored hash is
 * not the hash of its content or whose link does not point at the row before it; then checks
 * the chain against the signed checkpoints (a removed tail, a re-hashed chain, a forged
 * checkpoint) and every lot's status against its last audited status change.
 */
export async function verifyAuditChain(db: Queryable, options: VerifyOptions = {}): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? 5000;
  const breaks: AuditBreak[] = [];
  let breakCount = 0;
  const add = (b: AuditBreak) => {
    breakCount++;
    if (breaks.length < MAX_LISTED) breaks.push(b);
  };
  const anchor = checkCheckpoints(options.anchor);
  let expectedPrev = GENESIS_HASH;
  let rows = 0;
  let lastSeq: string | null = null;
  for (;;) {
    const after: string = lastSeq ?? '0';
    const page = await db.query<AuditRow>(
      `SELECT seq::text AS seq, id, at, actor_id, actor_name, device_id, action, entity_type, entity_id,
              before, after, reason, signature_meaning, prev_hash, hash
         FROM audit_log WHERE audit_log.seq > $1::bigint ORDER BY audit_log.seq LIMIT $2`,
      [after, pageSize],
    );
    for (const row of page.rows) {
      rows++;
      if (row.prev_hash !== expectedPrev) {
        add({ seq: row.seq, id: row.id, problem: 'link_broken', message: `row ${row.seq} (${describeRow(row)}) does not follow the row before it: a row was removed, inserted or reordered` });
      }
      if (chainHash(row.prev_hash, toRecord(row)) !== row.hash) {
        add({ seq: row.seq, id: row.id, problem: 'content_changed', message: `row ${row.seq} (${describeRow(row)}) was changed after it was written: its content no longer matches its hash` });
      }
      const mismatch = anchor.atRow(row.seq, row.hash);
      if (mismatch) add({ ...mismatch, seq: row.seq, id: row.id });
      // Go on from the stored hash: one changed row is one break, not a break at every row after it.
      expectedPrev = row.hash;
      lastSeq = row.seq;
    }
    if (page.rows.length < pageSize) break;
  }
  for (const b of anchor.afterWalk(lastSeq)) add(b);
  for (const b of await heldLotsBreaks(db)) add(b);
  for (const b of await lotStatusBreaks(db)) add(b);
  return {
    ok: breakCount === 0,
    rows,
    lastSeq,
    lastHash: expectedPrev,
    breaks,
    breakCount,
    ...(breaks[0] ? { firstBreak: breaks[0] } : {}),
    anchor: anchor.report(lastSeq),
  };
}
