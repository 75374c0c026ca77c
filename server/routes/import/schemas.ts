import { z } from '@hono/zod-openapi';
import { IMPORT_KINDS, ISSUE_CODES } from '../../../domain/import';

export const ImportKindSchema = z.enum(IMPORT_KINDS).openapi('ImportKind');
const Mapping = z.record(z.string(), z.string()).openapi('ImportMapping', { description: "Field -> the column (its header text) it is read from, e.g. { lotNumber: '批号' }" });

export const UploadedJobSchema = z
  .object({
    id: z.string(),
    kind: ImportKindSchema,
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().nullable(),
    headers: z.array(z.string()),
    rows: z.number().int(),
    sample: z.array(z.array(z.string())),
    suggestedMapping: Mapping,
    looksLike: ImportKindSchema.nullable(),
  })
  .openapi('ImportJob');

const IssueSchema = z
  .object({
    row: z.number().int().openapi({ description: 'The row as a spreadsheet numbers it: the header is row 1' }),
    field: z.string(),
    column: z.string(),
    code: z.enum(ISSUE_CODES),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
  })
  .openapi('ImportIssue');

const GroupSchema = z.object({ kind: z.enum(['exact', 'near']), key: z.record(z.string(), z.string()), rows: z.array(z.number().int()), survivor: z.number().int() }).openapi('ImportDuplicateGroup');

const ReadinessSchema = z
  .object({
    consigneeComplete: z.number().nullable(),
    lotsWithExpiry: z.number().nullable(),
    finishedWithGenealogy: z.number().nullable(),
    score: z.number().nullable(),
    counts: z.object({
      shipmentLines: z.number().int(),
      shipmentLinesWithConsignee: z.number().int(),
      lots: z.number().int(),
      lotsWithExpiry: z.number().int(),
      finishedLots: z.number().int(),
      finishedLotsWithGenealogy: z.number().int(),
    }),
  })
  .openapi('RecallReadiness');

export const DryRunSchema = z
  .object({
    jobId: z.string(),
    kind: ImportKindSchema,
    summary: z.object({ rows: z.number().int(), ok: z.number().int(), warnings: z.number().int(), errors: z.number().int(), alreadyImported: z.number().int(), toWrite: z.number().int() }),
    issues: z.array(IssueSchema),
    issuesShown: z.number().int(),
    groups: z.array(GroupSchema),
    unmapped: z.array(z.string()),
    readiness: ReadinessSchema,
  })
  .openapi('ImportDryRun');

export const CommitSchema = z
  .object({ jobId: z.string(), written: z.number().int(), alreadyImported: z.number().int(), repeated: z.number().int(), skipped: z.number().int(), partial: z.boolean() })
  .openapi('ImportCommit');

export const ProfileSchema = z.object({ kind: ImportKindSchema, name: z.string(), mapping: Mapping }).openapi('ImportMappingProfile');

export const DryRunBody = z.object({ mapping: Mapping, saveAs: z.string().trim().min(1).max(60).optional().openapi({ description: 'Also keep this mapping as a profile under this name' }) });
export const CommitBody = z.object({ validOnly: z.boolean().default(false).openapi({ description: 'Write the rows without errors and leave the others out; the answer says the import is partial' }) });
export const ProfileName = z.string().trim().min(1).max(60);
export { Mapping as MappingSchema };
