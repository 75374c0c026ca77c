import { createHash } from 'node:crypto';
import {
  IMPORT_FIELDS,
  ImportFileError,
  guessKind,
  judgeFile,
  readiness,
  refuseDuplicatedHeaders,
  reportCsv,
  statusOf,
  suggestMapping,
  summariseRows,
  type ColumnMapping,
  type DedupeGroup,
  type ImportKind,
  type JudgedRow,
  type Readiness,
  type ReadinessCounts,
  type RowIssue,
  type RowSummary,
} from '../../domain/import';
import { canonicalJson } from '../../domain/text';
import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError, notFound } from '../errors';
import { stateMasterDataChange } from '../masterdata/change-context';
import { notifyChanges } from '../sync/notify';
import type { Collection } from '../../sync';
import { PLANNERS, type ImportRef } from './kinds';
import { readImportFile, type FileFormat } from './read-file';

/** The most issues a dry run hands back inline; the report CSV has every one. */
export const ISSUES_SHOWN = 5000;
const GROUPS_SHOWN = 500;
const AUDIT_CHUNK = 5000;
// Imports take turns: two files naming the same lot cannot both decide to create it.
const IMPORT_LOCK = 7701045;

export interface UploadedJob {
  id: string;
  kind: ImportKind;
  fileName: string;
  format: FileFormat;
  encoding: string | null;
  headers: string[];
  rows: number;
  sample: string[][];
  suggestedMapping: ColumnMapping;
  /** The kind the columns look like, when it is not the kind chosen. */
  looksLike: ImportKind | null;
}

export interface DryRun {
  jobId: string;
  kind: ImportKind;
  summary: RowSummary & { alreadyImported: number; toWrite: number };
  issues: RowIssue[];
  issuesShown: number;
  groups: DedupeGroup[];
  unmapped: string[];
  readiness: Readiness;
}

export interface CommitResult {
  jobId: string;
  written: number;
  alreadyImported: number;
  repeated: number;
  skipped: number;
  /** The rows refused, when valid-only left them out: the import is partial and says so. */
  partial: boolean;
}

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/** An unreadable file or mapping as an API error: 422 with the problem's code and parameters. */
function fileError(error: unknown): never {
  if (error instanceof ImportFileError) throw new AppError(422, error.problem.code, error.problem.message, error.problem.params ?? {});
  throw error;
}

/** Stores the file as uploaded, after reading it once to show its columns and a suggested mapping. */
export async function uploadImport(db: Queryable, actor: Actor, input: { kind: ImportKind; fileName: string; content: Uint8Array }): Promise<UploadedJob> {
  const read = await readImportFile(input.content, input.fileName).catch(fileError);
  try {
    refuseDuplicatedHeaders(read.sheet.headers);
  } catch (error) {
    fileError(error);
  }
  if (read.sheet.rows.length === 0) fileError(new ImportFileError({ code: 'no_rows', message: 'The file has a header row and no rows to import.' }));
  const made = await db.query<{ id: string }>(
    `INSERT INTO import_jobs (kind, file_name, file_sha256, format, encoding, content, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [input.kind, input.fileName, sha256(input.content), read.format, read.encoding, input.content, actor.id],
  );
  const guess = guessKind(read.sheet.headers);
  return {
    id: made.rows[0]!.id,
    kind: input.kind,
    fileName: input.fileName,
    format: read.format,
    encoding: read.encoding,
    headers: read.sheet.headers,
    rows: read.sheet.rows.length,
    sample: read.sheet.rows.slice(0, 5).map((r) => read.sheet.headers.map((_, i) => r.cells[i] ?? '')),
    suggestedMapping: suggestMapping(input.kind, read.sheet.headers),
    looksLike: guess && guess !== input.kind ? guess : null,
  };
}

interface JobRow {
  id: string;
  kind: ImportKind;
  file_name: string;
  content: Uint8Array;
  mapping: ColumnMapping | null;
  status: 'uploaded' | 'checked' | 'committed';
}

async function readJob(db: Queryable, id: string): Promise<JobRow> {
  const found = await db.query<JobRow>('SELECT id, kind, file_name, content, mapping, status FROM import_jobs WHERE id = $1', [id]);
  if (!found.rows[0]) throw notFound(`Import ${id}`);
  return found.rows[0];
}

const today = () => new Date().toISOString().slice(0, 10);

interface Evaluation {
  rows: JudgedRow[];
  groups: DedupeGroup[];
  unmapped: string[];
  /** Rows whose natural key and values an earlier import already wrote. */
  alreadyImported: Set<number>;
  hashes: Map<number, string>;
  /** Rows that will be written: no error, not written before, not a repeat of an earlier row. */
  toWrite: JudgedRow[];
  write: (tx: Queryable, actor: Actor, ref: ImportRef) => Promise<Map<number, string>>;
  readiness: Readiness;
}

async function readinessBase(tx: Queryable): Promise<ReadinessCounts> {
  const r = await tx.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM shipment_lines)::int AS "shipmentLines",
            (SELECT count(*) FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id JOIN customers c ON c.id = s.customer_id
              WHERE c.consignee_name IS NOT NULL AND c.address IS NOT NULL AND c.phone IS NOT NULL)::int AS "shipmentLinesWithConsignee",
            (SELECT count(*) FROM lots)::int AS "lots",
            (SELECT count(*) FROM lots WHERE expires_on IS NOT NULL)::int AS "lotsWithExpiry",
            (SELECT count(*) FROM lots WHERE origin = 'produced')::int AS "finishedLots",
            (SELECT count(*) FROM lots l WHERE origin = 'produced' AND EXISTS (SELECT 1 FROM genealogy_edges g WHERE g.child_lot_id = l.id))::int AS "finishedLotsWithGenealogy"`,
  );
  return r.rows[0] as unknown as ReadinessCounts;
}

/**
 * Judges every row of a file against the rules and the database as it stands: the file's own
 * rules (domain/import), then what only the database knows (unknown items and lots, records
 * that exist, rows an earlier import wrote). Reads only; the write it returns runs the rows.
 */
async function evaluate(tx: Queryable, jobId: string, kind: ImportKind, fileName: string, content: Uint8Array, mapping: ColumnMapping): Promise<Evaluation> {
  const read = await readImportFile(content, fileName);
  const judged = judgeFile(kind, read.sheet, mapping, today());
  const hashes = new Map<number, string>();
  const keyed = judged.rows.filter((r) => r.key !== null && !r.issues.some((i) => i.severity === 'error'));
  for (const r of keyed) hashes.set(r.row, sha256(canonicalJson(r.values)));
  const prior = new Map<string, { row_hash: string; job_id: string }>();
  const keys = keyed.map((r) => r.key!);
  for (let i = 0; i < keys.length; i += 20_000) {
    const found = await tx.query<{ natural_key: string; row_hash: string; job_id: string }>('SELECT natural_key, row_hash, job_id FROM import_rows WHERE kind = $1 AND natural_key = ANY($2::text[])', [kind, keys.slice(i, i + 20_000)]);
    for (const p of found.rows) prior.set(p.natural_key, p);
  }
  const alreadyImported = new Set<number>();
  const fresh: JudgedRow[] = [];
  for (const r of keyed) {
    const before = prior.get(r.key!);
    if (before && before.row_hash === hashes.get(r.row)) {
      alreadyImported.add(r.row);
      // This job's own rows, in a report made after its commit, are simply written.
      if (before.job_id !== jobId) r.issues.push({ row: r.row, field: '', column: '', code: 'already_imported', severity: 'warning', message: `an earlier import (${before.job_id}) wrote this row; nothing changes` });
    } else if (before) {
      r.issues.push({ row: r.row, field: '', column: '', code: 'changed_since_import', severity: 'error', message: `an earlier import (${before.job_id}) wrote this record with other values; change it in Lotline, not by importing again` });
    } else if (r.repeatOf === undefined) fresh.push(r);
  }
  const plan = await PLANNERS[kind](tx, fresh);
  // The database's findings name the column too, as the file's own do.
  for (const r of fresh) {
    for (const issue of r.issues) {
      const at = issue.column === '' && issue.field !== '' ? judged.check.columns.get(issue.field) : undefined;
      if (at !== undefined) issue.column = read.sheet.headers[at]!;
    }
  }
  const toWrite = fresh.filter((r) => statusOf(r.issues) !== 'error');
  const base = await readinessBase(tx);
  const added = plan.contribution(toWrite);
  const counts = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, v + (added[k as keyof ReadinessCounts] ?? 0)])) as unknown as ReadinessCounts;
  return {
    rows: judged.rows,
    groups: judged.groups,
    unmapped: judged.check.unmapped,
    alreadyImported,
    hashes,
    toWrite,
    readiness: readiness(counts),
    write: async (wtx, actor, ref) => (await writeRows(wtx, actor, kind, ref, toWrite, hashes, plan)).entityIds,
  };
}

const COLLECTIONS: Readonly<Record<ImportKind, Collection[]>> = { items: ['items'], lots: ['lots'], stock: ['balances'], genealogy: [], shipments: [] };

async function writeRows(tx: Queryable, actor: Actor, kind: ImportKind, ref: ImportRef, rows: readonly JudgedRow[], hashes: ReadonlyMap<number, string>, plan: Awaited<ReturnType<(typeof PLANNERS)[ImportKind]>>) {
  if (rows.length === 0) return { entityIds: new Map<number, string>() };
  const { entityIds, audit } = await plan.write(tx, actor, rows, ref);
  for (let i = 0; i < rows.length; i += AUDIT_CHUNK) {
    const chunk = rows.slice(i, i + AUDIT_CHUNK);
    await tx.query(
      `INSERT INTO import_rows (kind, natural_key, row_hash, job_id, row_number, entity_id)
       SELECT $1, natural_key, row_hash, $2, row_number, entity_id FROM jsonb_to_recordset($3::jsonb) AS r(natural_key text, row_hash text, row_number int, entity_id text)`,
      [kind, ref.jobId, JSON.stringify(chunk.map((r) => ({ natural_key: r.key, row_hash: hashes.get(r.row), row_number: r.row, entity_id: entityIds.get(r.row) ?? null })))],
    );
  }
  // Written last and in chunks: the audit chain's lock is held from the first append to the commit.
  for (let i = 0; i < audit.length; i += AUDIT_CHUNK) await appendAudit(tx, actor, audit.slice(i, i + AUDIT_CHUNK));
  if (COLLECTIONS[kind].length > 0) await notifyChanges(tx, COLLECTIONS[kind]);
  return { entityIds };
}

function dryRunOf(jobId: string, kind: ImportKind, e: Evaluation): DryRun {
  const issues = e.rows.flatMap((r) => r.issues).sort((a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return {
    jobId,
    kind,
    summary: { ...summariseRows(e.rows), alreadyImported: e.alreadyImported.size, toWrite: e.toWrite.length },
    issues: issues.slice(0, ISSUES_SHOWN),
    issuesShown: Math.min(issues.length, ISSUES_SHOWN),
    groups: e.groups.slice(0, GROUPS_SHOWN),
    unmapped: e.unmapped,
    readiness: e.readiness,
  };
}

/** Every row judged, nothing written; the mapping is kept on the job for the commit and the report. */
export async function dryRunImport(db: Db, jobId: string, mapping: ColumnMapping | undefined): Promise<DryRun> {
  const job = await readJob(db, jobId);
  const used = mapping ?? job.mapping ?? {};
  const e = await evaluate(db, job.id, job.kind, job.file_name, job.content, used).catch(fileError);
  const answer = dryRunOf(jobId, job.kind, e);
  await db.query(`UPDATE import_jobs SET mapping = $2, summary = $3, issues = $4, status = CASE WHEN status = 'committed' THEN status ELSE 'checked' END, checked_at = now() WHERE id = $1`, [
    jobId,
    JSON.stringify(used),
    JSON.stringify({ ...answer.summary, readiness: answer.readiness }),
    JSON.stringify(answer.issues),
  ]);
  return answer;
}

/**
 * Writes the file's rows in one transaction, judged again as they are written. All or nothing by
 * default: one row in error and nothing is written, and the answer names it. With validOnly the
 * good rows are written and the answer counts the rows left out: never a success that hides one.
 */
export async function commitImport(db: Db, actor: Actor, jobId: string, options: { validOnly: boolean }): Promise<CommitResult> {
  const job = await readJob(db, jobId);
  if (job.mapping === null) throw new AppError(409, 'not_checked', 'Run the dry run first: it fixes the column mapping the commit uses.');
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    const e = await evaluate(tx, job.id, job.kind, job.file_name, job.content, job.mapping!).catch(fileError);
    const failed = e.rows.filter((r) => statusOf(r.issues) === 'error');
    if (failed.length > 0 && !options.validOnly) {
      const first = failed[0]!.issues.find((i) => i.severity === 'error')!;
      throw new AppError(
        422,
        'import_has_errors',
        `${failed.length} row(s) have errors, nothing was written. First: row ${first.row}, ${first.field || 'row'}${first.column ? ` (${first.column})` : ''}: ${first.message}.`,
        { errors: failed.length, row: first.row, field: first.field, column: first.column, code: first.code },
      );
    }
    await stateMasterDataChange(tx, { actor, reason: `import ${job.file_name}` });
    await e.write(tx, actor, { jobId, fileName: job.file_name });
    const repeated = e.rows.filter((r) => r.repeatOf !== undefined && statusOf(r.issues) !== 'error').length;
    const result: CommitResult = { jobId, written: e.toWrite.length, alreadyImported: e.alreadyImported.size, repeated, skipped: failed.length, partial: failed.length > 0 };
    await tx.query(`UPDATE import_jobs SET status = 'committed', committed_rows = $2, committed_by = $3, committed_at = now() WHERE id = $1`, [jobId, e.toWrite.length, actor.id]);
    await appendAudit(tx, actor, [{ action: 'import.committed', entityType: 'import_job', entityId: jobId, after: { kind: job.kind, file: job.file_name, ...result } }]);
    return result;
  });
}

/** The file with each row's status and problems in front, judged against the database as it is now. */
export async function importReport(db: Db, jobId: string): Promise<{ fileName: string; csv: string }> {
  const job = await readJob(db, jobId);
  const read = await readImportFile(job.content, job.file_name).catch(fileError);
  const e = await evaluate(db, job.id, job.kind, job.file_name, job.content, job.mapping ?? suggestMapping(job.kind, read.sheet.headers)).catch(fileError);
  const byRow = new Map(e.rows.map((r) => [r.row, r.issues]));
  return { fileName: `${job.file_name.replace(/\.(csv|xlsx)$/i, '')}.report.csv`, csv: reportCsv(read.sheet, byRow) };
}

export interface MappingProfile {
  kind: ImportKind;
  name: string;
  mapping: ColumnMapping;
}

export async function listProfiles(db: Queryable, kind: ImportKind): Promise<MappingProfile[]> {
  const found = await db.query<MappingProfile>('SELECT kind, name, mapping FROM import_mapping_profiles WHERE kind = $1 ORDER BY name', [kind]);
  return found.rows;
}

export async function saveProfile(db: Db, actor: Actor, profile: MappingProfile): Promise<MappingProfile> {
  const known = new Set(IMPORT_FIELDS[profile.kind].map((f) => f.name));
  const unknown = Object.keys(profile.mapping).filter((f) => !known.has(f));
  if (unknown.length > 0) throw new AppError(400, 'invalid_request', `A ${profile.kind} mapping has no field ${unknown.join(', ')}.`, { fields: unknown });
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO import_mapping_profiles (kind, name, mapping, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, name) DO UPDATE SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [profile.kind, profile.name, JSON.stringify(profile.mapping), actor.id],
    );
    await appendAudit(tx, actor, [{ action: 'import.mapping_saved', entityType: 'import_mapping', entityId: `${profile.kind}/${profile.name}`, after: profile.mapping }]);
    return profile;
  });
}

export async function findProfile(db: Queryable, kind: ImportKind, name: string): Promise<MappingProfile> {
  const found = (await listProfiles(db, kind)).find((p) => p.name === name);
  if (!found) throw new AppError(404, 'not_found', `No ${kind} mapping profile named ${name}.`);
  return found;
}
