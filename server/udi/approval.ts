import { diffRecords, isRegulatedChange } from '../../domain/udi';
import { appendAudit, type Actor } from '../audit';
import type { Session } from '../auth';
import type { SignInGuard } from '../auth/rate-limit';
import { sign } from '../auth/signature';
import type { Db } from '../db';
import { AppError } from '../errors';
import { UDI_RECORD_ENTITY, getUdiRecord, publishedVersionOf, versionData, type UdiRecordView } from './read';

/**
 * QC signs a version as approved (21 CFR 11.50: name, time, meaning). Whoever wrote the version
 * cannot approve it. A wrong password signs nothing: sign() refuses before any approval is written.
 */
export async function approveUdiVersion(db: Db, session: Session, id: string, version: number, input: { password: string; reason: string }, guard?: SignInGuard): Promise<UdiRecordView> {
  const found = await db.query<{
    created_by: string | null;
    approved: boolean;
  }>(
    `SELECT v.created_by, EXISTS (SELECT 1 FROM udi_record_approvals a WHERE a.record_id = v.record_id AND a.version = v.version) AS approved
       FROM udi_record_versions v WHERE v.record_id = $1 AND v.version = $2`,
    [id, version],
  );
  const row = found.rows[0];
  if (!row) throw new AppError(404, 'not_found', `Device record ${id} has no version ${version}.`, { field: 'version' });
  if (row.approved) throw new AppError(409, 'already_approved', `Version ${version} is approved already.`);
  if (row.created_by === session.user.id) throw new AppError(403, 'separation_of_duties', `You wrote version ${version}: another QC user must approve it.`);
  const signature = await sign(db, session, input.password, 'approved', { entityType: UDI_RECORD_ENTITY, entityId: id }, guard);
  const actor: Actor = {
    id: session.user.id,
    name: session.user.username,
    deviceId: session.deviceId,
  };
  return db.transaction(async (tx) => {
    const made = await tx.query('INSERT INTO udi_record_approvals (record_id, version, signature, reason, approved_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING version', [
      id,
      version,
      JSON.stringify(signature),
      input.reason,
      session.user.id,
    ]);
    if (made.rows.length === 0) throw new AppError(409, 'already_approved', `Version ${version} is approved already.`);
    await appendAudit(tx, actor, [
      {
        action: 'udi.version.approved',
        entityType: UDI_RECORD_ENTITY,
        entityId: id,
        after: { version, signature },
        reason: input.reason,
        signatureMeaning: 'approved',
      },
    ]);
    return getUdiRecord(tx, id);
  });
}

/**
 * Publishes the current version. A first publication, or one that changes a regulated field
 * since the last, needs the current version's signed approval.
 */
export async function publishUdiRecord(db: Db, actor: Actor, id: string, input: { reason: string; baseVersion: number }): Promise<UdiRecordView> {
  return db.transaction(async (tx) => {
    const head = await tx.query<{ current_version: number }>('SELECT current_version FROM udi_records WHERE id = $1 FOR UPDATE', [id]);
    if (!head.rows[0]) throw new AppError(404, 'not_found', `Device record ${id} was not found.`);
    const current = head.rows[0].current_version;
    if (current !== input.baseVersion)
      throw new AppError(409, 'stale_version', `The record is at version ${current}, not ${input.baseVersion}: review it before publishing.`, { field: 'baseVersion', currentVersion: current });
    const published = await publishedVersionOf(tx, id);
    if (published === current) throw new AppError(409, 'already_published', `Version ${current} is the published one.`);
    const regulated = published === null || diffRecords(await versionData(tx, id, published), await versionData(tx, id, current)).some(isRegulatedChange);
    const approved = await tx.query('SELECT 1 FROM udi_record_approvals WHERE record_id = $1 AND version = $2', [id, current]);
    if (regulated && approved.rows.length === 0)
      throw new AppError(409, 'approval_required', `Version ${current} changes regulated data: QC must approve it with a signature before it is published.`, { field: 'version', version: current });
    await tx.query('INSERT INTO udi_record_publications (record_id, version, reason, published_by) VALUES ($1, $2, $3, $4)', [id, current, input.reason, actor.id]);
    await appendAudit(tx, actor, [
      {
        action: 'udi.record.published',
        entityType: UDI_RECORD_ENTITY,
        entityId: id,
        before: { publishedVersion: published },
        after: { publishedVersion: current },
        reason: input.reason,
      },
    ]);
    return getUdiRecord(tx, id);
  });
}
