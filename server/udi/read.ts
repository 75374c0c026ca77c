import { diffRecords, validateForSubmission, type Jurisdiction, type RecordChange, type UdiDeviceRecord } from '../../domain/udi';
import type { Queryable } from '../db';
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

/** The audit trail's name for a device record. */
export const UDI_RECORD_ENTITY = 'udi_record';
const iso = (v: unknown): string => new Date(v as string).toISOString();
const parsed = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export async function versionData(db: Queryable, id: string, version: number): Promise<UdiDeviceRecord> {
  const found = await db.query<{ data: unknown }>('SELECT data FROM udi_record_versions WHERE record_id = $1 AND version = $2', [id, version]);
  if (!found.rows[0]) throw new AppError(404, 'not_found', `Device record ${id} has no version ${version}.`, { field: 'version' });
  return parsed<UdiDeviceRecord>(found.rows[0].data);
}

export async function publishedVersionOf(db: Queryable, id: string): Promise<number | null> {
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

export async function diffUdiVersions(db: Queryable, id: string, from: number, to: number): Promise<RecordChange[]> {
  const [before, after] = await Promise.all([versionData(db, id, from), versionData(db, id, to)]);
  return diffRecords(before, after);
}

/** The pre-submission check of one version (the current one unless named) for the regulators asked. */
export async function checkUdiVersion(db: Queryable, id: string, jurisdictions: readonly Jurisdiction[], version?: number) {
  const record = version === undefined ? (await getUdiRecord(db, id)).record : await versionData(db, id, version);
  return validateForSubmission(record, jurisdictions);
}
