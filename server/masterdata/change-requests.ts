import { KIND_NOUN, isRegulatedField, judgeInboundChange, type ChangeRequestStatus, type MasterDataKind } from '../../domain/masterdata';
import type { RowResult } from '../../domain/integration';
import type { RecordChange } from '../../domain/udi';
import { appendAudit, type Actor, type AuditEntry } from '../audit';
import type { Session } from '../auth';
import type { SignInGuard } from '../auth/rate-limit';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { updateRecords, type UpdateGate } from '../integration/upsert';
import { notifyChanges } from '../sync/notify';
import type { Collection } from '../../sync';
import { stateMasterDataChange } from './change-context';
import { qcSignature } from './restore';

export interface ChangeRequestView {
  id: string;
  kind: MasterDataKind;
  recordId: string;
  externalId: string;
  baseVersion: number;
  proposed: Record<string, unknown>;
  changes: { field: string; before: unknown; after: unknown; regulated: boolean }[];
  regulatedFields: string[];
  requestedBy: string;
  requestedAt: string;
  status: ChangeRequestStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  signature: { signedBy: string; username: string; meaning: string; signedAt: string } | null;
  reason: string | null;
}

interface RequestRow {
  id: string;
  kind: MasterDataKind;
  record_id: string;
  external_id: string;
  base_version: number;
  proposed: Record<string, unknown>;
  diff: RecordChange[];
  regulated_fields: string[];
  requested_by_name: string;
  requested_at: Date | string;
  status: ChangeRequestStatus;
  decided_by_name: string | null;
  decided_at: Date | string | null;
  signature: { name: string; username: string; meaning: string; signedAt: string } | null;
  reason: string | null;
}

const COLUMNS = 'id, kind, record_id, external_id, base_version, proposed, diff, regulated_fields, requested_by_name, requested_at, status, decided_by_name, decided_at, signature, reason';
const iso = (at: Date | string | null): string | null => (at === null ? null : new Date(at).toISOString());

const toView = (r: RequestRow): ChangeRequestView => ({
  id: r.id,
  kind: r.kind,
  recordId: r.record_id,
  externalId: r.external_id,
  baseVersion: r.base_version,
  proposed: r.proposed,
  changes: r.diff.map((c) => ({ field: c.field, before: c.before, after: c.after, regulated: isRegulatedField(r.kind, c.field) })),
  regulatedFields: r.regulated_fields,
  requestedBy: r.requested_by_name,
  requestedAt: iso(r.requested_at)!,
  status: r.status,
  decidedBy: r.decided_by_name,
  decidedAt: iso(r.decided_at),
  signature: r.signature ? { signedBy: r.signature.name, username: r.signature.username, meaning: r.signature.meaning, signedAt: r.signature.signedAt } : null,
  reason: r.reason,
});

/** Handheld collections that carry the kind: an approved change must reach the devices. */
const COLLECTIONS: Partial<Record<MasterDataKind, readonly Collection[]>> = { items: ['items'], locations: ['locations'] };
const ENTITY = (kind: MasterDataKind) => KIND_NOUN[kind].replace(/ /g, '_');

/**
 * The gate the integration's writes of a kind pass: an update that changes a regulated field is
 * kept as a change request instead of written, and any update of a record that already has one
 * waiting is refused (change_pending). Refusing rather than superseding keeps what QC reads the
 * change it signs: a later row replacing the proposal under QC's eyes could be approved unseen,
 * and a free field written meanwhile would make the waiting request stale anyway.
 */
export function changeRequestGate(kind: MasterDataKind, requester: { keyId: string; name: string }, idempotencyKey: string | undefined): UpdateGate {
  return async (tx, updates) => {
    const results = new Map<number, RowResult>();
    const audit: AuditEntry[] = [];
    const waiting = await tx.query<{ record_id: string; id: string }>(`SELECT record_id, id FROM master_data_change_requests WHERE kind = $1 AND status = 'pending' AND record_id = ANY($2::uuid[])`, [kind, updates.map((u) => u.id)]);
    const open = new Map(waiting.rows.map((r) => [r.record_id, r.id]));
    for (const u of updates) {
      const pending = open.get(u.id);
      if (pending !== undefined) {
        const message = `the ${KIND_NOUN[kind]} has change request ${pending} waiting for QC's signature: send the next change after it is approved or rejected`;
        results.set(u.index, { index: u.index, externalId: u.externalId, outcome: 'error', id: u.id, requestId: pending, field: '', message, code: 'change_pending', problems: [{ field: '', message, code: 'change_pending' }] });
        continue;
      }
      const verdict = judgeInboundChange(kind, u.stored, u.columns);
      if (!verdict.held) continue;
      const proposed = { external_id: u.externalId, ...u.columns };
      const made = await tx.query<{ id: string }>(
        `INSERT INTO master_data_change_requests (kind, record_id, external_id, base_version, proposed, diff, regulated_fields, api_key_id, requested_by_name, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [kind, u.id, u.externalId, u.version, JSON.stringify(proposed), JSON.stringify(verdict.changes), verdict.regulatedFields, requester.keyId, requester.name, idempotencyKey ?? null],
      );
      const requestId = made.rows[0]!.id;
      // A second row of the same batch for this record meets the request just made.
      open.set(u.id, requestId);
      results.set(u.index, { index: u.index, externalId: u.externalId, outcome: 'pending', id: u.id, requestId });
      audit.push({ action: 'master_data.change_requested', entityType: ENTITY(kind), entityId: u.id, before: { version: u.version }, after: { requestId, regulatedFields: verdict.regulatedFields, changes: verdict.changes } });
    }
    return { results, audit };
  };
}

/** Change requests, newest first; by status when one is named. */
export async function listChangeRequests(db: Queryable, status?: ChangeRequestStatus): Promise<ChangeRequestView[]> {
  const found = await db.query<RequestRow>(`SELECT ${COLUMNS} FROM master_data_change_requests WHERE ($1::text IS NULL OR status = $1) ORDER BY requested_at DESC, id LIMIT 500`, [status ?? null]);
  return found.rows.map(toView);
}

async function pendingRequest(db: Queryable, id: string, lock: boolean): Promise<RequestRow> {
  const found = await db.query<RequestRow>(`SELECT ${COLUMNS} FROM master_data_change_requests WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  const row = found.rows[0];
  if (!row) throw new AppError(404, 'not_found', `No change request ${id}.`, { field: 'id' });
  if (row.status !== 'pending') throw new AppError(409, 'request_decided', `The change request was already ${row.status} by ${row.decided_by_name ?? 'someone'}.`, { field: 'id', status: row.status });
  return row;
}

export interface ApproveInput {
  reason?: string | undefined;
  signature: { username?: string | undefined; password: string };
}

/**
 * Writes a held change with QC's signature: the same statement the integration writes with, so
 * the triggers record one version carrying the signature. The record must still be at the row
 * version the change was proposed against (else 409 stale_request, nothing written); two
 * approvals at once take turns on the request's row, and the second finds it decided.
 */
export async function approveChangeRequest(db: Db, session: Session, id: string, input: ApproveInput, guard?: SignInGuard): Promise<ChangeRequestView> {
  const seen = await pendingRequest(db, id, false);
  // The password is checked before the write, and its failures are audited even though nothing is applied.
  const signature = await qcSignature(db, session, seen.kind, seen.record_id, input.signature, guard);
  const actor: Actor = { id: session.user.id, name: session.user.username, deviceId: session.deviceId };
  return db.transaction(async (tx) => {
    const request = await pendingRequest(tx, id, true);
    const kind = request.kind;
    const current = await tx.query<{ version: number }>(`SELECT version FROM ${kind} WHERE id = $1 FOR UPDATE`, [request.record_id]);
    const version = current.rows[0]?.version;
    if (version === undefined) throw new AppError(409, 'stale_request', `The ${KIND_NOUN[kind]} was deleted since the change was sent: reject the request.`, { field: 'id' });
    if (version !== request.base_version)
      throw new AppError(409, 'stale_request', `The ${KIND_NOUN[kind]} changed since the request was made (row version ${version}, not ${request.base_version}): reject it and have the ERP send the change again.`, {
        field: 'id',
        currentVersion: version,
      });
    const why = `integration change ${request.external_id} from ${request.requested_by_name}, approved${input.reason ? `: ${input.reason}` : ''}`;
    await stateMasterDataChange(tx, { actor, reason: why, signature });
    try {
      await updateRecords(tx, kind, [{ id: request.record_id, ...request.proposed } as { id: string; external_id: string }]);
    } catch (error) {
      if ((error as { code?: unknown }).code !== '23505') throw error;
      throw new AppError(409, 'conflict', `A unique value of the change (${request.diff.map((c) => c.field).join(', ')}) is now used by another ${KIND_NOUN[kind]}: reject the request.`, { field: 'proposed' });
    }
    const decided = await tx.query<RequestRow>(
      `UPDATE master_data_change_requests SET status = 'approved', decided_by = $2, decided_by_name = $3, decided_at = now(), signature = $4, reason = $5 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, session.user.id, session.user.username, JSON.stringify(signature), input.reason ?? null],
    );
    await appendAudit(tx, actor, [
      {
        action: 'master_data.change_approved',
        entityType: ENTITY(kind),
        entityId: request.record_id,
        before: { version: request.base_version, ...Object.fromEntries(request.diff.map((c) => [c.field, c.before])) },
        after: { requestId: id, requestedBy: request.requested_by_name, ...Object.fromEntries(request.diff.map((c) => [c.field, c.after])), signature },
        reason: why,
        signatureMeaning: 'approved',
      },
    ]);
    const collections = COLLECTIONS[kind];
    if (collections) await notifyChanges(tx, collections);
    return toView(decided.rows[0]!);
  });
}

/** Refuses a held change with a reason; the record stays as it is. */
export async function rejectChangeRequest(db: Db, session: Session, id: string, reason: string): Promise<ChangeRequestView> {
  const actor: Actor = { id: session.user.id, name: session.user.username, deviceId: session.deviceId };
  return db.transaction(async (tx) => {
    const request = await pendingRequest(tx, id, true);
    const decided = await tx.query<RequestRow>(
      `UPDATE master_data_change_requests SET status = 'rejected', decided_by = $2, decided_by_name = $3, decided_at = now(), reason = $4 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, session.user.id, session.user.username, [...reason].slice(0, 500).join('')],
    );
    await appendAudit(tx, actor, [{ action: 'master_data.change_rejected', entityType: ENTITY(request.kind), entityId: request.record_id, after: { requestId: id, requestedBy: request.requested_by_name }, reason }]);
    return toView(decided.rows[0]!);
  });
}
