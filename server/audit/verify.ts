import type { Queryable } from '../db';
import { GENESIS_HASH, chainHash, type AuditRecord } from './chain';

export interface AuditBreak {
  seq: string;
  id: string;
  problem: 'content_changed' | 'link_broken';
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  lastHash: string;
  firstBreak?: AuditBreak;
}

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

/**
 * Walks the whole chain in order, a page at a time, and stops at the first row whose stored
 * hash is not the hash of its content, or whose link does not point at the row before it.
 */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<AuditVerification> {
  let expectedPrev = GENESIS_HASH;
  let rows = 0;
  let afterSeq = '0';
  for (;;) {
    const page = await db.query<AuditRow>(
      `SELECT seq::text AS seq, id, at, actor_id, actor_name, device_id, action, entity_type, entity_id,
              before, after, reason, signature_meaning, prev_hash, hash
         FROM audit_log WHERE audit_log.seq > $1::bigint ORDER BY audit_log.seq LIMIT $2`,
      [afterSeq, pageSize],
    );
    for (const row of page.rows) {
      rows++;
      const broken = (problem: AuditBreak['problem'], message: string): AuditVerification => ({
        ok: false,
        rows,
        lastHash: expectedPrev,
        firstBreak: { seq: row.seq, id: row.id, problem, message },
      });
      if (row.prev_hash !== expectedPrev) {
        return broken('link_broken', `row ${row.seq} (${row.action} ${row.entity_type}) does not follow the row before it: a row was removed, inserted or reordered`);
      }
      if (chainHash(row.prev_hash, toRecord(row)) !== row.hash) {
        return broken('content_changed', `row ${row.seq} (${[row.action, row.entity_type, row.entity_id].filter(Boolean).join(' ')}) was changed after it was written: its content no longer matches its hash`);
      }
      expectedPrev = row.hash;
      afterSeq = row.seq;
    }
    if (page.rows.length < pageSize) return { ok: true, rows, lastHash: expectedPrev };
  }
}
