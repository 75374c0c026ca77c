import { createHash, randomUUID } from 'node:crypto';
import { EXPORT_FORMATS, judgeStatusChange, type ExportFormat, type Jurisdiction, type StatusChange, type SubmissionStatus } from '../../domain/udi';
import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { lastPublication, renderExport } from './exports';
import { UDI_RECORD_ENTITY, versionData } from './read';

export interface ExportStatusView {
  status: SubmissionStatus;
  reference: string | null;
  message: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export interface StoredExportView {
  id: string;
  recordId: string;
  recordVersion: number;
  jurisdiction: Jurisdiction;
  format: ExportFormat;
  /** The record's exports to this regulator, counted from 1. */
  version: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdBy: string | null;
  createdAt: string;
  status: SubmissionStatus;
  /** Oldest first; the last one is the current status. */
  history: ExportStatusView[];
}

const iso = (v: Date | string): string => new Date(v).toISOString();

type ExportRow = {
  id: string;
  record_id: string;
  record_version: number;
  jurisdiction: Jurisdiction;
  format: ExportFormat;
  export_version: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  created_by: string | null;
  created_at: Date | string;
};

async function viewsOf(db: Queryable, where: string, param: string): Promise<StoredExportView[]> {
  const found = await db.query<ExportRow>(
    `SELECT e.id, e.record_id, e.record_version, e.jurisdiction, e.format, e.export_version, e.file_name, e.content_type,
            octet_length(e.content) AS size, e.sha256, u.username AS created_by, e.created_at
       FROM udi_exports e LEFT JOIN users u ON u.id = e.created_by
      WHERE ${where} = $1 ORDER BY e.created_at, e.jurisdiction, e.export_version`,
    [param],
  );
  const history = await db.query<{ export_id: string; status: SubmissionStatus; authority_reference: string | null; message: string | null; recorded_by: string | null; recorded_at: Date | string }>(
    `SELECT s.export_id, s.status, s.authority_reference, s.message, u.username AS recorded_by, s.recorded_at
       FROM udi_export_statuses s JOIN udi_exports e ON e.id = s.export_id LEFT JOIN users u ON u.id = s.recorded_by
      WHERE ${where} = $1 ORDER BY s.seq`,
    [param],
  );
  return found.rows.map((r) => {
    const steps = history.rows
      .filter((h) => h.export_id === r.id)
      .map((h) => ({ status: h.status, reference: h.authority_reference, message: h.message, recordedBy: h.recorded_by, recordedAt: iso(h.recorded_at) }));
    return {
      id: r.id,
      recordId: r.record_id,
      recordVersion: r.record_version,
      jurisdiction: r.jurisdiction,
      format: r.format,
      version: r.export_version,
      fileName: r.file_name,
      contentType: r.content_type,
      size: Number(r.size),
      sha256: r.sha256,
      createdBy: r.created_by,
      createdAt: iso(r.created_at),
      status: steps.at(-1)!.status,
      history: steps,
    };
  });
}

export async function getStoredExport(db: Queryable, exportId: string): Promise<StoredExportView> {
  const [view] = await viewsOf(db, 'e.id', exportId);
  if (!view) throw new AppError(404, 'not_found', `Export ${exportId} was not found.`);
  return view;
}

/** A record's exports to every regulator, each with its current status and how it got there. */
export async function listStoredExports(db: Queryable, recordId: string): Promise<StoredExportView[]> {
  const head = await db.query('SELECT 1 FROM udi_records WHERE id = $1', [recordId]);
  if (head.rows.length === 0) throw new AppError(404, 'not_found', `Device record ${recordId} was not found.`);
  return viewsOf(db, 'e.record_id', recordId);
}

/**
 * Writes the published version's file for one regulator and keeps it, numbered among the
 * record's exports to that regulator. The record's row is locked first so that two exports made
 * at once count 1 and 2, never 1 twice; a refused export leaves nothing behind.
 */
export async function createStoredExport(db: Db, actor: Actor, recordId: string, format: ExportFormat): Promise<StoredExportView> {
  const { jurisdiction } = EXPORT_FORMATS[format];
  const id = await db.transaction(async (tx) => {
    const head = await tx.query('SELECT 1 FROM udi_records WHERE id = $1 FOR UPDATE', [recordId]);
    if (head.rows.length === 0) throw new AppError(404, 'not_found', `Device record ${recordId} was not found.`);
    const published = await lastPublication(tx, recordId);
    const next = await tx.query<{ n: number }>('SELECT coalesce(max(export_version), 0)::int + 1 AS n FROM udi_exports WHERE record_id = $1 AND jurisdiction = $2', [recordId, jurisdiction]);
    const exportId = randomUUID();
    const exportVersion = next.rows[0]!.n;
    const file = await renderExport(await versionData(tx, recordId, published.version), recordId, published, format, { exportId, exportVersion, createdAt: new Date() });
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    await tx.query(
      `INSERT INTO udi_exports (id, record_id, record_version, jurisdiction, format, export_version, file_name, content_type, content, sha256, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [exportId, recordId, published.version, jurisdiction, format, exportVersion, file.fileName, file.contentType, Buffer.from(file.content), sha256, actor.id],
    );
    await tx.query(`INSERT INTO udi_export_statuses (export_id, status, recorded_by) VALUES ($1, 'generated', $2)`, [exportId, actor.id]);
    await appendAudit(tx, actor, [
      {
        action: 'udi.export.created',
        entityType: UDI_RECORD_ENTITY,
        entityId: recordId,
        after: { exportId, jurisdiction, format, version: exportVersion, recordVersion: published.version, sha256 },
      },
    ]);
    return exportId;
  });
  return getStoredExport(db, id);
}

/** The stored file exactly as kept, with the hash it was stored under. */
export async function readStoredExport(db: Queryable, exportId: string): Promise<{ fileName: string; contentType: string; sha256: string; content: Uint8Array<ArrayBuffer> }> {
  const found = await db.query<{ file_name: string; content_type: string; sha256: string; content: Uint8Array }>('SELECT file_name, content_type, sha256, content FROM udi_exports WHERE id = $1', [exportId]);
  const row = found.rows[0];
  if (!row) throw new AppError(404, 'not_found', `Export ${exportId} was not found.`);
  return { fileName: row.file_name, contentType: row.content_type, sha256: row.sha256, content: new Uint8Array(row.content) };
}

/**
 * Records what the regulator did with an export. The export's row is locked so two people
 * recording at once are judged one after the other against the status the first left.
 */
export async function recordExportStatus(db: Db, actor: Actor, exportId: string, change: StatusChange): Promise<StoredExportView> {
  await db.transaction(async (tx) => {
    const found = await tx.query<{ record_id: string }>('SELECT record_id FROM udi_exports WHERE id = $1 FOR UPDATE', [exportId]);
    const recordId = found.rows[0]?.record_id;
    if (!recordId) throw new AppError(404, 'not_found', `Export ${exportId} was not found.`);
    const last = await tx.query<{ status: SubmissionStatus }>('SELECT status FROM udi_export_statuses WHERE export_id = $1 ORDER BY seq DESC LIMIT 1', [exportId]);
    const from = last.rows[0]!.status;
    const judged = judgeStatusChange(from, change);
    if (!judged.ok) throw new AppError(judged.code === 'illegal_status_change' ? 409 : 422, judged.code, judged.message, { field: judged.field, status: from });
    await tx.query('INSERT INTO udi_export_statuses (export_id, status, authority_reference, message, recorded_by) VALUES ($1, $2, $3, $4, $5)', [
      exportId,
      change.to,
      change.reference,
      change.message,
      actor.id,
    ]);
    await appendAudit(tx, actor, [
      {
        action: 'udi.export.status',
        entityType: UDI_RECORD_ENTITY,
        entityId: recordId,
        before: { exportId, status: from },
        after: { exportId, status: change.to, reference: change.reference, message: change.message },
      },
    ]);
  });
  return getStoredExport(db, exportId);
}
