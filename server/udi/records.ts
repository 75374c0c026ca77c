import { randomUUID } from 'node:crypto';
import {
  diffRecords,
  gudidSpl,
  isRegulatedChange,
  judgePublishedEdit,
  nmpaExport,
  recordShapeProblems,
  validateForSubmission,
  type Jurisdiction,
  type NmpaDevice,
  type RecordChange,
  type SplDocument,
  type SubmissionProblem,
  type UdiDeviceRecord,
} from '../../domain/udi';
import { appendAudit, type Actor } from '../audit';
import type { SignInGuard } from '../auth/rate-limit';
import type { Session } from '../auth';
import { sign } from '../auth/signature';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';

export interface UdiVersionView {
  version: number;
  reason: string;
  regulated: boolean;
  restoredFrom: number | null;
  createdBy: string | null;
  createdAt: string;
  approval: { signedBy: string; signedAt: string; reason: string } | null;
  published: boolean;
}

export interface UdiRecordView {
  id: string;
  basicUdiDi: string;
  currentVersion: number;
  publishedVersion: number | null;
  record: UdiDeviceRecord;
  versions: UdiVersionView[];
}

const ENTITY = 'udi_record';
const iso = (v: unknown): string => new Date(v as string).toISOString();
const parsed = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

async function versionData(db: Queryable, id: string, version: number): Promise<UdiDeviceRecord> {
  const found = await db.query<{ data: unknown }>('SELECT data FROM udi_record_versions WHERE record_id = $1 AND version = $2', [id, version]);
  if (!found.rows[0]) throw new AppError(404, 'not_found', `Device record ${id} has no version ${version}.`, { field: 'version' });
  return parsed<UdiDeviceRecord>(found.rows[0].data);
}

async function publishedVersionOf(db: Queryable, id: string): Promise<number | null> {
  const found = await db.query<{ version: number }>('SELECT version FROM udi_record_publications WHERE record_id = $1 ORDER BY seq DESC LIMIT 1', [id]);
  return found.rows[0]?.version ?? null;
}

export async function getUdiRecord(db: Queryable, id: string): Promise<UdiRecordView> {
  const head = await db.query<{
    basic_udi_di: string;
    current_version: number;
  }>('SELECT basic_udi_di, current_version FROM udi_records WHERE id = $1', [id]);
  if (!head.rows[0]) throw new AppError(404, 'not_found', `Device record ${id} was not found.`);
  const published = await publishedVersionOf(db, id);
  const versions = await db.query<Record<string, unknown>>(
    `SELECT v.version, v.reason, v.regulated, v.restored_from, u.username AS created_by, v.created_at,
            s.display_name AS signed_by, a.approved_at, a.reason AS approval_reason,
            EXISTS (SELECT 1 FROM udi_record_publications p WHERE p.record_id = v.record_id AND p.version = v.version) AS published
       FROM udi_record_versions v
       LEFT JOIN users u ON u.id = v.created_by
       LEFT JOIN udi_record_approvals a ON a.record_id = v.record_id AND a.version = v.version
       LEFT JOIN users s ON s.id = a.approved_by
      WHERE v.record_id = $1 ORDER BY v.version`,
    [id],
  );
  return {
    id,
    basicUdiDi: head.rows[0].basic_udi_di,
    currentVersion: head.rows[0].current_version,
    publishedVersion: published,
    record: await versionData(db, id, head.rows[0].current_version),
    versions: versions.rows.map((r) => ({
      version: r.version as number,
      reason: r.reason as string,
      regulated: r.regulated as boolean,
      restoredFrom: (r.restored_from as number | null) ?? null,
      createdBy: (r.created_by as string | null) ?? null,
      createdAt: iso(r.created_at),
      approval: r.approved_at
        ? {
            signedBy: r.signed_by as string,
            signedAt: iso(r.approved_at),
            reason: r.approval_reason as string,
          }
        : null,
      published: r.published as boolean,
    })),
  };
}

export async function listUdiRecords(db: Queryable): Promise<
  {
    id: string;
    basicUdiDi: string;
    currentVersion: number;
    brandName: string;
    modelNumber: string;
  }[]
> {
  const found = await db.query<{
    id: string;
    basic_udi_di: string;
    current_version: number;
    data: unknown;
  }>(`SELECT r.id, r.basic_udi_di, r.current_version, v.data FROM udi_records r JOIN udi_record_versions v ON v.record_id = r.id AND v.version = r.current_version ORDER BY r.basic_udi_di`);
  return found.rows.map((r) => {
    const data = parsed<UdiDeviceRecord>(r.data);
    return {
      id: r.id,
      basicUdiDi: r.basic_udi_di,
      currentVersion: r.current_version,
      brandName: data.brandName,
      modelNumber: data.modelNumber,
    };
  });
}

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
        entityType: ENTITY,
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
        entityType: ENTITY,
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

export async function diffUdiVersions(db: Queryable, id: string, from: number, to: number): Promise<RecordChange[]> {
  const [before, after] = await Promise.all([versionData(db, id, from), versionData(db, id, to)]);
  return diffRecords(before, after);
}

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
  const signature = await sign(db, session, input.password, 'approved', { entityType: ENTITY, entityId: id }, guard);
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
        entityType: ENTITY,
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
        entityType: ENTITY,
        entityId: id,
        before: { publishedVersion: published },
        after: { publishedVersion: current },
        reason: input.reason,
      },
    ]);
    return getUdiRecord(tx, id);
  });
}

/** The pre-submission check of one version (the current one unless named) for the regulators asked. */
export async function checkUdiVersion(db: Queryable, id: string, jurisdictions: readonly Jurisdiction[], version?: number) {
  const record = version === undefined ? (await getUdiRecord(db, id)).record : await versionData(db, id, version);
  return validateForSubmission(record, jurisdictions);
}

/** The version last published and when; exports are made of nothing else. */
async function lastPublication(db: Queryable, id: string): Promise<{ version: number; at: Date }> {
  const found = await db.query<{ version: number; published_at: Date | string }>('SELECT version, published_at FROM udi_record_publications WHERE record_id = $1 ORDER BY seq DESC LIMIT 1', [id]);
  const published = found.rows[0];
  if (!published) {
    await getUdiRecord(db, id);
    throw new AppError(409, 'not_published', 'Only a published version is exported: publish the record first.');
  }
  return { version: published.version, at: new Date(published.published_at) };
}

function refuseProblems(problems: SubmissionProblem[]): never {
  const first = problems[0]!;
  throw new AppError(422, 'submission_problems', `${first.jurisdiction} ${first.field}: ${first.message}`, { field: first.field, problems });
}

/**
 * The NMPA UDI database entry of the published version, dated by its publication. A record the
 * pre-submission check faults is refused with the whole list of problems.
 */
export async function exportNmpa(db: Queryable, id: string): Promise<{ version: number; document: NmpaDevice }> {
  const published = await lastPublication(db, id);
  // 产品标识发布日期 is a calendar date in China.
  const publishedOn = new Date(published.at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const result = nmpaExport(await versionData(db, id, published.version), publishedOn);
  if (!result.ok) refuseProblems(result.problems);
  return { version: published.version, document: result.document };
}

/** The GUDID SPL document of the published version: the record's id is its set id, each export a new document id. */
export async function exportGudid(db: Queryable, id: string): Promise<SplDocument> {
  const published = await lastPublication(db, id);
  const header = { documentId: randomUUID(), setId: id, version: published.version, effectiveDate: published.at.toISOString().slice(0, 10).replaceAll('-', '') };
  const result = gudidSpl(await versionData(db, id, published.version), header);
  if (!result.ok) refuseProblems(result.problems);
  return result.document;
}
