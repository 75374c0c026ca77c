import { randomUUID } from 'node:crypto';
import { storableText, storableValue } from '../../domain/text';
import type { Queryable } from '../db';
import { GENESIS_HASH, canonicalAuditRecord, linkHash, type AuditRecord } from './chain';

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

/** Audit rows made ready to append: everything but their place in the chain. */
export interface PreparedAudit {
  records: AuditRecord[];
  /** Each record's canonical text, the costly part of its hash. */
  texts: string[];
}

function toRecord(actor: Actor, entry: AuditEntry, at: Date): AuditRecord {
  return {
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
}

/**
 * Makes audit rows ready outside the chain lock, for a caller with much to audit and statements
 * still running: a recall holding 20,000 lots has their rows' texts made while PostgreSQL writes
 * its frozen scope, instead of after. `at` is when the change was made, in that transaction.
 */
export function prepareAudit(actor: Actor, entries: readonly AuditEntry[], at: Date): PreparedAudit {
  const records = entries.map((entry) => toRecord(actor, entry, at));
  return { records, texts: records.map(canonicalAuditRecord) };
}

/**
 * Appends entries to the audit chain inside the caller's transaction. The advisory lock is held
 * until that transaction ends, so chain order equals commit order even across server instances;
 * callers write audit rows last to keep the lock short.
 */
export async function appendAudit(tx: Queryable, actor: Actor, entries: readonly AuditEntry[]): Promise<AuditRecord[]> {
  if (entries.length === 0) return [];
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  return link(tx, prepareAudit(actor, entries, new Date()));
}

/** Appends prepared rows, in the order given, as appendAudit does. */
export async function appendPrepared(tx: Queryable, ...parts: PreparedAudit[]): Promise<AuditRecord[]> {
  const prepared: PreparedAudit = { records: parts.flatMap((p) => p.records), texts: parts.flatMap((p) => p.texts) };
  if (prepared.records.length === 0) return [];
  const first = prepared.records[0]!;
  if (prepared.records.some((r) => r.at.getTime() !== first.at.getTime() || r.actorId !== first.actorId || r.actorName !== first.actorName || r.deviceId !== first.deviceId)) {
    throw new Error('audit rows appended together must share their time and actor');
  }
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  return link(tx, prepared);
}

/** Under the chain lock: links each row to the one before and writes them all. */
async function link(tx: Queryable, prepared: PreparedAudit): Promise<AuditRecord[]> {
  const { records, texts } = prepared;
  const last = await tx.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  let prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  const rows: Record<string, unknown>[] = [];
  for (const [i, record] of records.entries()) {
    const hash = linkHash(prevHash, texts[i]!);
    rows.push({ id: record.id, action: record.action, entity_type: record.entityType, entity_id: record.entityId, before: record.before, after: record.after, reason: record.reason, signature_meaning: record.signatureMeaning, prev_hash: prevHash, hash });
    prevHash = hash;
  }
  // One statement whatever the count: a recall holding 20,000 lots audits each lot's status in the
  // opening's transaction. The rows go in chain order, which is the order seq numbers them. Every
  // row of one append shares its time and actor.
  const first = records[0]!;
  await tx.query(
    `INSERT INTO audit_log (id, at, actor_id, actor_name, device_id, action, entity_type, entity_id, before, after, reason, signature_meaning, prev_hash, hash)
     SELECT r.id, $2, $3, $4, $5, r.action, r.entity_type, r.entity_id, r.before, r.after, r.reason, r.signature_meaning, r.prev_hash, r.hash
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id uuid, action text, entity_type text, entity_id text, before jsonb, after jsonb, reason text, signature_meaning text, prev_hash text, hash text))
            WITH ORDINALITY AS r(id, action, entity_type, entity_id, before, after, reason, signature_meaning, prev_hash, hash, n)
      ORDER BY r.n`,
    [JSON.stringify(rows), first.at, first.actorId, first.actorName, first.deviceId],
  );
  return records;
}
