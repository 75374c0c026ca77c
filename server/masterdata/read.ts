import { KIND_NOUN, diffRows, isRegulatedField, type MasterDataKind, type RowData } from '../../domain/masterdata';
import type { Queryable } from '../db';
import { AppError } from '../errors';

export interface MasterDataSignatureView {
  signedBy: string;
  username: string;
  meaning: string;
  signedAt: string;
}

export interface MasterDataVersionView {
  version: number;
  change: 'created' | 'updated' | 'deleted' | 'backfilled';
  reason: string;
  changedBy: string;
  changedAt: string;
  restoredFrom: number | null;
  regulated: boolean;
  signature: MasterDataSignatureView | null;
  data: Record<string, unknown>;
}

export interface MasterDataHistory {
  kind: MasterDataKind;
  id: string;
  currentVersion: number;
  versions: MasterDataVersionView[];
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  regulated: boolean;
}

interface VersionRow {
  version: number;
  change: MasterDataVersionView['change'];
  reason: string;
  changed_by_name: string;
  changed_at: Date | string;
  restored_from: number | null;
  regulated: boolean;
  signature: { name: string; username: string; meaning: string; signedAt: string } | null;
  data: Record<string, unknown>;
}

const toView = (r: VersionRow): MasterDataVersionView => ({
  version: r.version,
  change: r.change,
  reason: r.reason,
  changedBy: r.changed_by_name,
  changedAt: new Date(r.changed_at).toISOString(),
  restoredFrom: r.restored_from,
  regulated: r.regulated,
  signature: r.signature ? { signedBy: r.signature.name, username: r.signature.username, meaning: r.signature.meaning, signedAt: r.signature.signedAt } : null,
  data: r.data,
});

const noRecord = (kind: MasterDataKind, id: string) => new AppError(404, 'not_found', `No ${KIND_NOUN[kind]} ${id} has a history.`, { field: 'id' });

/** Every version of one record, oldest first, with who, when and why. */
export async function listVersions(db: Queryable, kind: MasterDataKind, id: string): Promise<MasterDataHistory> {
  const found = await db.query<VersionRow>(
    `SELECT version, change, reason, changed_by_name, changed_at, restored_from, regulated, signature, data
       FROM master_data_versions WHERE kind = $1 AND record_id = $2 ORDER BY version`,
    [kind, id],
  );
  if (found.rows.length === 0) throw noRecord(kind, id);
  const versions = found.rows.map(toView);
  return { kind, id, currentVersion: versions[versions.length - 1]!.version, versions };
}

/** One version's row as it was stored; `field` names the request field that asked for it. */
export async function versionData(db: Queryable, kind: MasterDataKind, id: string, version: number, field = 'version'): Promise<RowData> {
  const found = await db.query<{ data: Record<string, unknown> }>('SELECT data FROM master_data_versions WHERE kind = $1 AND record_id = $2 AND version = $3', [kind, id, version]);
  const row = found.rows[0];
  if (row) return row.data;
  const any = await db.query('SELECT 1 FROM master_data_versions WHERE kind = $1 AND record_id = $2 LIMIT 1', [kind, id]);
  if (any.rows.length === 0) throw noRecord(kind, id);
  throw new AppError(404, 'version_not_found', `The ${KIND_NOUN[kind]} has no version ${version}.`, { field });
}

/** What changed from one version to another, column by column, regulated ones marked. */
export async function diffVersions(db: Queryable, kind: MasterDataKind, id: string, from: number, to: number): Promise<FieldChange[]> {
  const before = await versionData(db, kind, id, from, 'from');
  const after = await versionData(db, kind, id, to, 'to');
  return diffRows(before, after).map((c) => ({ field: c.field, before: c.before, after: c.after, regulated: isRegulatedField(kind, c.field) }));
}
