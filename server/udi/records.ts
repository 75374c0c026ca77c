import { diffRecords, isRegulatedChange, judgePublishedEdit, recordShapeProblems, type UdiDeviceRecord } from '../../domain/udi';
import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { UDI_RECORD_ENTITY, getUdiRecord, publishedVersionOf, versionData, type UdiRecordView } from './read';

/** A record that does not hold together is refused whole, naming its first fault. */
function refuseIncoherent(record: UdiDeviceRecord): void {
  const problems = recordShapeProblems(record);
  const first = problems[0];
  if (first) throw new AppError(422, 'invalid_udi_record', `${first.field}: ${first.message}`, { field: first.field, problems });
}

/** Claims the record's identifiers; one another record holds is refused. */
async function claimIdentifiers(tx: Queryable, id: string, record: UdiDeviceRecord): Promise<void> {
  const basic = await tx.query<{ id: string }>('SELECT id FROM udi_records WHERE basic_udi_di = $1 AND id <> $2', [record.basicUdiDi, id]);
  if (basic.rows[0]) throw new AppError(409, 'basic_udi_di_taken', `Basic UDI-DI ${record.basicUdiDi} belongs to another device record.`, { field: 'basicUdiDi', recordId: basic.rows[0].id });
  for (const p of record.packages) {
    await tx.query('INSERT INTO udi_dis (udi_di, record_id) VALUES ($1, $2) ON CONFLICT (udi_di) DO NOTHING', [p.udiDi, id]);
    const owner = await tx.query<{ record_id: string }>('SELECT record_id FROM udi_dis WHERE udi_di = $1', [p.udiDi]);
    if (owner.rows[0]?.record_id !== id)
      throw new AppError(409, 'udi_di_taken', `UDI-DI ${p.udiDi} names another device for good; it cannot be used again.`, {
        field: `packages[${p.udiDi}].udiDi`,
        recordId: owner.rows[0]?.record_id,
      });
  }
}

export async function createUdiRecord(db: Db, actor: Actor, input: { record: UdiDeviceRecord; reason: string }): Promise<UdiRecordView> {
  refuseIncoherent(input.record);
  return db.transaction(async (tx) => {
    const made = await tx.query<{ id: string }>('INSERT INTO udi_records (basic_udi_di, current_version) VALUES ($1, 1) ON CONFLICT (basic_udi_di) DO NOTHING RETURNING id', [input.record.basicUdiDi]);
    if (!made.rows[0]) throw new AppError(409, 'basic_udi_di_taken', `Basic UDI-DI ${input.record.basicUdiDi} belongs to another device record.`, { field: 'basicUdiDi' });
    const id = made.rows[0].id;
    await claimIdentifiers(tx, id, input.record);
    await tx.query('INSERT INTO udi_record_versions (record_id, version, data, reason, regulated, created_by) VALUES ($1, 1, $2, $3, true, $4)', [
      id,
      JSON.stringify(input.record),
      input.reason,
      actor.id,
    ]);
    await appendAudit(tx, actor, [
      {
        action: 'udi.record.created',
        entityType: UDI_RECORD_ENTITY,
        entityId: id,
        after: {
          version: 1,
          basicUdiDi: input.record.basicUdiDi,
          udiDis: input.record.packages.map((p) => p.udiDi),
        },
        reason: input.reason,
      },
    ]);
    return getUdiRecord(tx, id);
  });
}

/**
 * Writes a new version. Against the published version, a change to what identifies the device
 * is refused before anything is written (a new DI is proposed instead); against the version
 * before, the changes are kept in the audit trail and decide whether approval is needed.
 */
async function writeVersion(
  db: Db,
  actor: Actor,
  id: string,
  input: {
    record: UdiDeviceRecord;
    reason: string;
    baseVersion: number;
    restoredFrom?: number;
  },
): Promise<UdiRecordView> {
  refuseIncoherent(input.record);
  return db.transaction(async (tx) => {
    const head = await tx.query<{ current_version: number }>('SELECT current_version FROM udi_records WHERE id = $1 FOR UPDATE', [id]);
    if (!head.rows[0]) throw new AppError(404, 'not_found', `Device record ${id} was not found.`);
    const current = head.rows[0].current_version;
    if (current !== input.baseVersion)
      throw new AppError(409, 'stale_version', `The record is at version ${current}, not ${input.baseVersion}: reload it and make the change again.`, {
        field: 'baseVersion',
        currentVersion: current,
      });

    const published = await publishedVersionOf(tx, id);
    if (published !== null) {
      const judged = judgePublishedEdit(await versionData(tx, id, published), input.record);
      if (!judged.ok)
        throw new AppError(422, judged.code, judged.message, {
          field: judged.field,
          jurisdictions: judged.jurisdictions,
          refused: judged.refused,
          proposal: judged.proposal,
        });
    }
    const changes = diffRecords(await versionData(tx, id, current), input.record);
    if (changes.length === 0) throw new AppError(422, 'no_change', `Version ${current} already says this: nothing to write.`);

    await claimIdentifiers(tx, id, input.record);
    const version = current + 1;
    const regulated = changes.some(isRegulatedChange);
    await tx.query('INSERT INTO udi_record_versions (record_id, version, data, reason, regulated, restored_from, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      id,
      version,
      JSON.stringify(input.record),
      input.reason,
      regulated,
      input.restoredFrom ?? null,
      actor.id,
    ]);
    await tx.query('UPDATE udi_records SET current_version = $2, basic_udi_di = $3 WHERE id = $1', [id, version, input.record.basicUdiDi]);
    const action = input.restoredFrom === undefined ? 'udi.record.changed' : 'udi.record.restored';
    await appendAudit(tx, actor, [
      {
        action,
        entityType: UDI_RECORD_ENTITY,
        entityId: id,
        before: { version: current },
        after: {
          version,
          regulated,
          restoredFrom: input.restoredFrom ?? null,
          changes,
        },
        reason: input.reason,
      },
    ]);
    return getUdiRecord(tx, id);
  });
}

export const reviseUdiRecord = (db: Db, actor: Actor, id: string, input: { record: UdiDeviceRecord; reason: string; baseVersion: number }) => writeVersion(db, actor, id, input);

/** An earlier version's content written again as the newest version: history is never rewritten. */
export async function restoreUdiVersion(db: Db, actor: Actor, id: string, input: { version: number; reason: string; baseVersion: number }): Promise<UdiRecordView> {
  const record = await versionData(db, id, input.version);
  return writeVersion(db, actor, id, {
    record,
    reason: input.reason,
    baseVersion: input.baseVersion,
    restoredFrom: input.version,
  });
}
