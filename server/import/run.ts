import type { ColumnMapping, ImportKind } from '../../domain/import';
import type { Actor } from '../audit';
import type { Db } from '../db';
import { commitImport, dryRunImport, findProfile, uploadImport, type CommitResult, type DryRun, type UploadedJob } from './jobs';

export interface ImportRun {
  job: UploadedJob;
  dryRun: DryRun;
  /** Absent after a dry run only, or when rows failed and valid-only was not asked for. */
  commit?: CommitResult;
  timings: { dryRunMs: number; commitMs: number };
}

/**
 * A whole import in one call, as the CLI and the benchmark run it: upload, dry run with the
 * mapping (a saved profile, the one given, or the suggested one), and unless told otherwise the
 * commit. Rows in error stop the commit unless validOnly; the dry run then says which.
 */
export async function runImport(
  db: Db,
  actor: Actor,
  input: { kind: ImportKind; fileName: string; content: Uint8Array; mapping?: ColumnMapping; profile?: string; dryRun?: boolean; validOnly?: boolean },
): Promise<ImportRun> {
  const job = await uploadImport(db, actor, input);
  const mapping = input.profile ? (await findProfile(db, input.kind, input.profile)).mapping : (input.mapping ?? job.suggestedMapping);
  const t0 = performance.now();
  const dryRun = await dryRunImport(db, job.id, mapping);
  const t1 = performance.now();
  if (input.dryRun || (dryRun.summary.errors > 0 && !input.validOnly)) return { job, dryRun, timings: { dryRunMs: t1 - t0, commitMs: 0 } };
  const commit = await commitImport(db, actor, job.id, { validOnly: input.validOnly ?? false });
  return { job, dryRun, commit, timings: { dryRunMs: t1 - t0, commitMs: performance.now() - t1 } };
}
