import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { IMPORT_KINDS } from '../../../domain/import';
import { AppError } from '../../errors';
import { actorOf, type AppDeps, type AppEnv } from '../../http/env';
import { ErrorSchema, UuidParam, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { commitImport, dryRunImport, importReport, listProfiles, saveProfile, uploadImport } from '../../import';
import { CommitBody, CommitSchema, DryRunBody, DryRunSchema, ImportKindSchema, MappingSchema, ProfileName, ProfileSchema, UploadedJobSchema } from './schemas';

const tags = ['import'];
const notFound = { 404: jsonResponse('No such import', ErrorSchema) } as const;
const unreadable = { 422: jsonResponse('The file or the mapping cannot be read: empty_file, no_rows, unknown_encoding, duplicate_header, missing_columns, unknown_column, unreadable', ErrorSchema) } as const;

const upload = createRoute({
  method: 'post',
  path: '/api/imports',
  tags,
  summary: 'Upload a legacy CSV (UTF-8, BOM or GBK) or XLSX file: the raw file as the body, or multipart with a "file" field',
  description: 'Answers the columns, a sample and a suggested mapping; nothing is imported until the dry run and the commit.',
  security: bearer,
  request: { query: z.object({ kind: z.enum(IMPORT_KINDS), fileName: z.string().trim().min(1).max(200).optional() }) },
  responses: { 201: jsonResponse('Stored', UploadedJobSchema), ...badRequest, ...authErrors, 413: jsonResponse('Larger than the import limit', ErrorSchema), ...unreadable },
});
const dryRun = createRoute({
  method: 'post',
  path: '/api/imports/{id}/dry-run',
  tags,
  summary: 'Judge every row with the mapping, writing nothing: per-row issues, duplicate groups and the recall-readiness score',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(DryRunBody) },
  responses: { 200: jsonResponse('Judged', DryRunSchema), ...badRequest, ...authErrors, ...notFound, ...unreadable },
});
const report = createRoute({
  method: 'get',
  path: '/api/imports/{id}/report',
  tags,
  summary: 'The file as CSV with row, status and errors columns in front',
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } }, ...badRequest, ...authErrors, ...notFound, ...unreadable },
});
const commit = createRoute({
  method: 'post',
  path: '/api/imports/{id}/commit',
  tags,
  summary: 'Write the rows in one transaction: all or nothing, or the valid rows only',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(CommitBody) },
  responses: {
    200: jsonResponse('Written (partial says whether rows were left out)', CommitSchema),
    ...badRequest,
    ...authErrors,
    ...notFound,
    409: jsonResponse('Not dry-run yet', ErrorSchema),
    422: jsonResponse('import_has_errors: rows have errors and nothing was written (details name the first row and field)', ErrorSchema),
  },
});
const profiles = createRoute({
  method: 'get',
  path: '/api/imports/profiles',
  tags,
  summary: 'Saved column mappings of a kind',
  security: bearer,
  request: { query: z.object({ kind: ImportKindSchema }) },
  responses: { 200: jsonResponse('Profiles', z.object({ profiles: z.array(ProfileSchema) })), ...badRequest, ...authErrors },
});
const putProfile = createRoute({
  method: 'put',
  path: '/api/imports/profiles/{kind}/{name}',
  tags,
  summary: 'Save a column mapping under a name',
  security: bearer,
  request: { params: z.object({ kind: ImportKindSchema, name: ProfileName }), body: jsonBody(z.object({ mapping: MappingSchema })) },
  responses: { 200: jsonResponse('Saved', ProfileSchema), ...badRequest, ...authErrors },
});

/** The file of an upload: a multipart "file" field (its own name), or the raw body named by ?fileName. */
async function uploadedFile(c: { req: { header(name: string): string | undefined; parseBody(): Promise<Record<string, unknown>>; arrayBuffer(): Promise<ArrayBuffer> } }, fileName: string | undefined) {
  if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) throw new AppError(400, 'invalid_request', 'file: the form has no file field named "file".', { field: 'file' });
    return { fileName: fileName ?? file.name, content: new Uint8Array(await file.arrayBuffer()) };
  }
  if (!fileName) throw new AppError(400, 'invalid_request', 'query.fileName: name the file (its extension says CSV or XLSX), or send it as multipart.', { field: 'query.fileName' });
  return { fileName, content: new Uint8Array(await c.req.arrayBuffer()) };
}

export function importRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  return app
    .openapi(upload, async (c) => {
      const q = c.req.valid('query');
      const file = await uploadedFile(c, q.fileName);
      return c.json(await uploadImport(deps.db, actorOf(c.get('session')!), { kind: q.kind, ...file }), 201);
    })
    .openapi(dryRun, async (c) => {
      const body = c.req.valid('json');
      const id = c.req.valid('param').id;
      const answer = await dryRunImport(deps.db, id, body.mapping);
      if (body.saveAs) await saveProfile(deps.db, actorOf(c.get('session')!), { kind: answer.kind, name: body.saveAs, mapping: body.mapping });
      return c.json(answer, 200);
    })
    .openapi(report, async (c) => {
      const { fileName, csv } = await importReport(deps.db, c.req.valid('param').id);
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` });
    })
    .openapi(commit, async (c) => c.json(await commitImport(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, { validOnly: c.req.valid('json').validOnly }), 200))
    .openapi(profiles, async (c) => c.json({ profiles: await listProfiles(deps.db, c.req.valid('query').kind) }, 200))
    .openapi(putProfile, async (c) => {
      const p = c.req.valid('param');
      return c.json(await saveProfile(deps.db, actorOf(c.get('session')!), { kind: p.kind, name: p.name, mapping: c.req.valid('json').mapping }), 200);
    });
}
