import { randomUUID } from 'node:crypto';
import { storableText, storableValue } from '../../domain/text';
import type { Queryable } from '../db';
import { GENESIS_HASH, chainHash, type AuditRecord } from './chain';

export interface Actor {
  id: string | null;
  name: string;
  deviceId?: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  signatureMeaning?: string | null;
}

/**
 * Round-trips through JSON and makes every string storable, so the hashed value is exactly what
 * jsonb will hand back: a lone surrogate is kept by PostgreSQL as U+FFFD, and NUL not at all.
 */
function asStored(value: unknown): unknown {
  return value === undefined ? null : storableValue(JSON.parse(JSON.stringify(value)) as unknown);
}

const storedOrNull = (text: string | null | undefined): string | null => (text === null || text === undefined ? null : storableText(text));

const AUDIT_CHAIN_LOCK = 7701002;

/**
 * Appends entries to the audit chain inside the caller's transaction. The advisory lock is held
 * until that transaction ends, so chain order equals commit order even across server instances;
 * callers write audit rows last to keep the lock short.
 */
export async function appendAudit(tx: Queryable, actor: Actor, entries: readonly AuditEntry[]): Promise<AuditRecord[]> {
  if (entries.length === 0) return [];
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const last = await tx.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  let prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  const at = new Date();
  const records: AuditRecord[] = [];
  const rows: Record<string, unknown>[] = [];
  for (const entry of entries) {
    const record: AuditRecord = {
      id: randomUUID(),
      at,
      actorId: actor.id,
      actorName: storableText(actor.name),
      deviceId: actor.deviceId ?? null,
      action: storableText(entry.action),
      entityType: storableText(entry.entityType),
      entityId: storedOrNull(entry.entityId),
      before: asStored(entry.before),
      after: asStored(entry.after),
      reason: storedOrNull(entry.reason),
      signatureMeaning: storedOrNull(entry.signatureMeaning),
    };
    const hash = chainHash(prevHash, record);
    rows.push({ id: record.id, action: record.action, entity_type: record.entityType, entity_id: record.entityId, before: record.before, after: record.after, reason: record.reason, signature_meaning: record.signatureMeaning, prev_hash: prevHash, hash });
    records.push(record);
    prevHash = hash;
  }
  // One statement whatever the count: a recall holding 20,000 lots audits each lot's status in the
  // opening's transaction. The rows go in chain order, which is the order seq numbers them.
  await tx.query(
    `INSERT INTO audit_log (id, at, actor_id, actor_name, device_id, action, entity_type, entity_id, before, after, reason, signature_meaning, prev_hash, hash)
     SELECT r.id, $2, $3, $4, $5, r.action, r.entity_type, r.entity_id, r.before, r.after, r.reason, r.signature_meaning, r.prev_hash, r.hash
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id uuid, action text, entity_type text, entity_id text, before jsonb, after jsonb, reason text, signature_meaning text, prev_hash text, hash text))
            WITH ORDINALITY AS r(id, action, entity_type, entity_id, before, after, reason, signature_meaning, prev_hash, hash, n)
      ORDER BY r.n`,
    [JSON.stringify(rows), at, actor.id, storableText(actor.name), actor.deviceId ?? null],
  );
  return records;
}
