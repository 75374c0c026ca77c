import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { IMPORT_KINDS, isImportKind, type ImportKind } from '../../domain/import';
import { AppError } from '../errors';
import { importReport, runImport, type CommitResult, type DryRun, type ImportRun, type UploadedJob } from '../import';
import { UsageError, parseArgs, stringFlag } from './args';
import { EXIT, type CliCommand } from './io';
import { closeTarget, openTarget } from './open-db';
import { RemoteError, type RemoteSession } from './remote';
import { asSignedIn } from './signed-in';

export const usage = `usage: lotline import <file> --kind <${IMPORT_KINDS.join('|')}> --user NAME [--mapping PROFILE] [--dry-run] [--valid-only] [--report FILE] [--json] [--url URL]
  Imports a legacy CSV (UTF-8, with or without BOM, or GBK) or XLSX (first sheet) file.
  Columns are mapped from their headers (English or Chinese, e.g. "Lot" or "批号"), or by a
  mapping profile saved in the console (--mapping). Every row is checked first (GS1 GTIN, lot
  and serial syntax, dates, statuses, unknown items and lots, duplicates); then, unless
  --dry-run, all rows are written in one transaction under --user (a supervisor or admin;
  password from LOTLINE_PASSWORD or stdin). One row in error and nothing is written, unless
  --valid-only, which writes the good rows and says how many were left out. Importing the same
  file again changes nothing. --report FILE writes the file back with row, status and errors
  columns. Reads DATABASE_URL or the embedded database in DATA_DIR; when a running server holds
  that directory, or with --url URL (or LOTLINE_URL), the import goes through the server.
  Exit 0: written (or dry run clean), 1: rows in error or refused, 2: usage or no database.
`;

interface Request {
  file: string;
  kind: ImportKind;
  user: string | undefined;
  profile: string | undefined;
  dryRun: boolean;
  validOnly: boolean;
  report: string | undefined;
  json: boolean;
  url: string | undefined;
}

function parseRequest(args: string[]): Request {
  const parsed = parseArgs(args, { booleans: ['dry-run', 'valid-only', 'json'], values: ['kind', 'user', 'mapping', 'report', 'url'] });
  if (parsed.positionals.length !== 1) throw new UsageError('give exactly one file to import');
  const kind = stringFlag(parsed, 'kind');
  if (kind === undefined) throw new UsageError(`say what the file holds: --kind ${IMPORT_KINDS.join('|')}`);
  if (!isImportKind(kind)) throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}`);
  return {
    file: parsed.positionals[0]!,
    kind,
    user: stringFlag(parsed, 'user'),
    profile: stringFlag(parsed, 'mapping'),
    dryRun: parsed.flags.has('dry-run'),
    validOnly: parsed.flags.has('valid-only'),
    report: stringFlag(parsed, 'report'),
    json: parsed.flags.has('json'),
    url: stringFlag(parsed, 'url'),
  };
}

const pct = (p: number | null) => (p === null ? 'n/a' : `${p.toFixed(1)} %`);

function describe(run: Omit<ImportRun, 'timings'>, request: Request): string {
  const d = run.dryRun;
  const s = d.summary;
  const lines = [
    `${run.job.fileName}: ${s.rows} row(s) of ${run.job.kind} (${run.job.format}${run.job.encoding ? `, ${run.job.encoding}` : ''})`,
    `  ok ${s.ok}, warnings ${s.warnings}, errors ${s.errors}, already imported ${s.alreadyImported}, to write ${s.toWrite}`,
  ];
  if (d.unmapped.length > 0) lines.push(`  columns not imported: ${d.unmapped.join(', ')}`);
  const shown = d.issues.filter((i) => i.severity === 'error').slice(0, 20);
  for (const i of shown) lines.push(`  row ${i.row}  ${i.field || 'row'}${i.column ? ` (${i.column})` : ''}  ${i.code}: ${i.message}`);
  if (s.errors > shown.length) lines.push(`  ... ${s.errors - shown.length} more row(s) in error: see --report`);
  const near = d.groups.filter((g) => g.kind === 'near').length;
  if (d.groups.length > 0) lines.push(`  duplicates: ${d.groups.length - near} exact group(s), ${near} near group(s)`);
  const r = d.readiness;
  lines.push(`  recall readiness ${pct(r.score)}: consignee data ${pct(r.consigneeComplete)}, lots with expiry ${pct(r.lotsWithExpiry)}, finished lots with genealogy ${pct(r.finishedWithGenealogy)}`);
  if (run.commit) {
    const c = run.commit;
    lines.push(c.partial ? `PARTIAL: wrote ${c.written} row(s); ${c.skipped} row(s) in error were left out` : `Imported: wrote ${c.written} row(s)${c.alreadyImported ? `, ${c.alreadyImported} already imported` : ''}`);
  } else if (request.dryRun) lines.push(s.errors > 0 ? 'Dry run: rows in error; nothing would be written as it is' : 'Dry run: nothing written');
  else lines.push(`NOT IMPORTED: ${s.errors} row(s) have errors and nothing was written (fix them, or use --valid-only)`);
  return `${lines.join('\n')}\n`;
}

/** The same steps as runImport, through a running server's API: upload, dry run, commit. */
async function importThrough(remote: RemoteSession, request: Request, content: Uint8Array): Promise<Omit<ImportRun, 'timings'>> {
  const job = await remote.upload<UploadedJob>(`/api/imports?kind=${request.kind}&fileName=${encodeURIComponent(basename(request.file))}`, content);
  let mapping = job.suggestedMapping;
  if (request.profile) {
    const { profiles } = await remote.json<{ profiles: { name: string; mapping: typeof mapping }[] }>('GET', `/api/imports/profiles?kind=${request.kind}`);
    const found = profiles.find((p) => p.name === request.profile);
    if (!found) throw new RemoteError(`no mapping profile '${request.profile}' for ${request.kind}`, 404, 'not_found');
    mapping = found.mapping;
  }
  const dryRun = await remote.json<DryRun>('POST', `/api/imports/${job.id}/dry-run`, { mapping });
  if (request.dryRun || (dryRun.summary.errors > 0 && !request.validOnly)) return { job, dryRun };
  const commit = await remote.json<CommitResult>('POST', `/api/imports/${job.id}/commit`, { validOnly: request.validOnly });
  return { job, dryRun, commit };
}

export const run: CliCommand = async (args, io) => {
  let request: Request;
  let content: Uint8Array;
  try {
    request = parseRequest(args);
    try {
      content = new Uint8Array(readFileSync(request.file));
    } catch (error) {
      throw new UsageError(`cannot read ${request.file}: ${(error as Error).message}`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`lotline import: ${error.message}\n${usage}`);
    return EXIT.usage;
  }
  const target = await openTarget(io, { command: 'import', url: request.url, user: request.user });
  if (typeof target === 'number') return target;
  try {
    if (target.kind === 'remote') {
      const result = await importThrough(target.remote, request, content);
      if (request.report) writeFileSync(request.report, await (await target.remote.fetch('GET', `/api/imports/${result.job.id}/report`)).text());
      io.out(request.json ? `${JSON.stringify({ job: { ...result.job, sample: undefined }, dryRun: result.dryRun, commit: result.commit ?? null })}\n` : describe(result, request));
      return result.dryRun.summary.errors > 0 && !request.validOnly ? EXIT.failed : EXIT.ok;
    }
    const db = target.db;
    const rule = { needsUser: 'import needs --user NAME (a supervisor or admin) to record the import under', roles: ['supervisor', 'admin'] as const, refusal: 'Only a supervisor or an admin imports legacy data.' };
    const result = await asSignedIn(db, request.user, io, rule, (session) =>
      runImport(db, { id: session.user.id, name: session.user.username }, { kind: request.kind, fileName: basename(request.file), content, ...(request.profile ? { profile: request.profile } : {}), dryRun: request.dryRun, validOnly: request.validOnly }),
    );
    if (request.report) writeFileSync(request.report, (await importReport(db, result.job.id)).csv);
    io.out(request.json ? `${JSON.stringify({ job: { ...result.job, sample: undefined }, dryRun: result.dryRun, commit: result.commit ?? null })}\n` : describe(result, request));
    return result.dryRun.summary.errors > 0 && !request.validOnly ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`lotline import: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof AppError || error instanceof RemoteError) {
      io.err(`lotline import: ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  } finally {
    await closeTarget(target);
  }
};
