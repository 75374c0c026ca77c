import { randomUUID } from 'node:crypto';
import { EXPORT_FORMATS, eudamedDeviceXml, gudidSpl, nmpaExport, type ExportFormat, type NmpaDevice, type SplDocument, type SubmissionProblem, type UdiDeviceRecord } from '../../domain/udi';
import { nmpaWorkbook } from '../../domain/udi/export/nmpa-xlsx';
import type { Queryable } from '../db';
import { AppError } from '../errors';
import { getUdiRecord, versionData } from './read';

/** The version last published and when; exports are made of nothing else. */
export async function lastPublication(db: Queryable, id: string): Promise<{ version: number; at: Date }> {
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

// 产品标识发布日期 is a calendar date in China.
const chinaDate = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The NMPA UDI database entry of the published version, dated by its publication. A record the
 * pre-submission check faults is refused with the whole list of problems.
 */
export async function exportNmpa(db: Queryable, id: string): Promise<{ version: number; document: NmpaDevice }> {
  const published = await lastPublication(db, id);
  const result = nmpaExport(await versionData(db, id, published.version), chinaDate(published.at));
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

export interface ExportFile {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

/** Who the file is for: its stored id and its number among the record's exports to that regulator. */
export interface ExportIdentity {
  exportId: string;
  exportVersion: number;
  createdAt: Date;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * One regulator's file of a published version. The export's id is the SPL document id and the
 * EUDAMED correlation id, so the authority's answer can be matched to the stored file; the
 * export's number is the SPL version, since GUDID wants each document of a set to count up.
 */
export async function renderExport(record: UdiDeviceRecord, recordId: string, published: { at: Date }, format: ExportFormat, who: ExportIdentity): Promise<ExportFile> {
  const { contentType } = EXPORT_FORMATS[format];
  switch (format) {
    case 'gudid-spl-xml': {
      const result = gudidSpl(record, { documentId: who.exportId, setId: recordId, version: who.exportVersion, effectiveDate: published.at.toISOString().slice(0, 10).replaceAll('-', '') });
      if (!result.ok) refuseProblems(result.problems);
      return { fileName: result.document.fileName, contentType, content: utf8(result.document.xml) };
    }
    case 'eudamed-xml': {
      const result = eudamedDeviceXml(record, { messageId: randomUUID(), correlationId: who.exportId, createdAt: who.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z') });
      if (!result.ok) refuseProblems(result.problems);
      return { fileName: result.document.fileName, contentType, content: utf8(result.document.xml) };
    }
    case 'nmpa-json':
    case 'nmpa-xlsx': {
      const result = nmpaExport(record, chinaDate(published.at));
      if (!result.ok) refuseProblems(result.problems);
      const base = `nmpa-${result.document.ZXXSDYCPBS}`;
      return format === 'nmpa-json'
        ? { fileName: `${base}.json`, contentType, content: utf8(`${JSON.stringify(result.document, null, 2)}\n`) }
        : { fileName: `${base}.xlsx`, contentType, content: await nmpaWorkbook(result.document) };
    }
  }
}
