import { randomUUID } from 'node:crypto';
import { gudidSpl, nmpaExport, type NmpaDevice, type SplDocument, type SubmissionProblem } from '../../domain/udi';
import type { Queryable } from '../db';
import { AppError } from '../errors';
import { getUdiRecord, versionData } from './read';

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
