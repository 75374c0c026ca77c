import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that its hash covers, as stored. */
export interface AuditRecord {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  deviceId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  signatureMeaning: string | null;
}

export function canonicalAuditRecord(record: AuditRecord): string {
  return canonicalJson([
    record.id,
    record.at.toISOString(),
    record.actorId,
    record.actorName,
    record.deviceId,
    record.action,
    record.entityType,
    record.entityId,
    record.before ?? null,
    record.after ?? null,
    record.reason,
    record.signatureMeaning,
  ]);
}

/** hash = sha256(prev_hash || canonical row): changing, removing or reordering a row breaks every later link. */
export function chainHash(prevHash: string, record: AuditRecord): string {
  return linkHash(prevHash, canonicalAuditRecord(record));
}

/** The same hash from a record's canonical text, made beforehand. */
export function linkHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
