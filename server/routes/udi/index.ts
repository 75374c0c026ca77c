import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { JURISDICTIONS, type Jurisdiction } from '../../../domain/udi';
import { actorOf, signInGuard, type AppDeps, type AppEnv } from '../../http/env';
import { ErrorSchema, UuidParam, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { approveUdiVersion, publishUdiRecord } from '../../udi/approval';
import { createStoredExport, listStoredExports, readStoredExport, recordExportStatus } from '../../udi/export-store';
import { exportGudid, exportNmpa } from '../../udi/exports';
import { checkUdiVersion, diffUdiVersions, getUdiRecord, listUdiRecords } from '../../udi/read';
import { createUdiRecord, restoreUdiVersion, reviseUdiRecord } from '../../udi/records';
import { ExportFormatSchema, StatusChangeSchema, StoredExportSchema, SubmissionProblemSchema, UdiChangeSchema, UdiDeviceRecordSchema, UdiRecordViewSchema } from './schemas';

const reason = z.string().trim().min(1, 'is required').max(500);
const version = z.number().int().min(1);
const baseVersion = version.openapi({
  description: 'The version the change was made on; another one in between is refused (409 stale_version)',
});
const VersionParam = UuidParam.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'version', in: 'path' } }),
});
const errors = {
  404: jsonResponse('No such record or version', ErrorSchema),
  409: jsonResponse('Changed meanwhile, an identifier taken, already approved or published, or approval missing', ErrorSchema),
  422: jsonResponse('Incoherent record, nothing changed, or a change that needs a new UDI-DI (new_di_required, with the field and a proposal)', ErrorSchema),
};
const View = jsonResponse('The record, its current content and every version', UdiRecordViewSchema);

const list = createRoute({
  method: 'get',
  path: '/api/udi/records',
  tags: ['udi'],
  summary: 'UDI device records, current versions',
  security: bearer,
  responses: {
    200: jsonResponse(
      'Records',
      z.object({
        records: z.array(
          z.object({
            id: z.string(),
            basicUdiDi: z.string(),
            currentVersion: z.number().int(),
            brandName: z.string(),
            modelNumber: z.string(),
          }),
        ),
      }),
    ),
    ...authErrors,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/udi/records',
  tags: ['udi'],
  summary: 'Create a UDI device record: version 1, to be approved before it is published',
  security: bearer,
  request: {
    body: jsonBody(z.object({ record: UdiDeviceRecordSchema, reason })),
  },
  responses: { 201: View, ...badRequest, ...authErrors, ...errors },
});
const read = createRoute({
  method: 'get',
  path: '/api/udi/records/{id}',
  tags: ['udi'],
  summary: 'One UDI device record with its version history',
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: View, ...badRequest, ...authErrors, ...errors },
});
const revise = createRoute({
  method: 'put',
  path: '/api/udi/records/{id}',
  tags: ['udi'],
  summary: 'Change a record: a new version with who, when and why',
  description:
    'After publication, a change to a field that identifies the device (GUDID new-DI triggers, MDCG 2018-1, NMPA-locked fields) is refused with 422 new_di_required, naming the field, the regulators and the new DIs needed; nothing is written.',
  security: bearer,
  request: {
    params: UuidParam,
    body: jsonBody(z.object({ record: UdiDeviceRecordSchema, reason, baseVersion })),
  },
  responses: { 200: View, ...badRequest, ...authErrors, ...errors },
});
const restore = createRoute({
  method: 'post',
  path: '/api/udi/records/{id}/restore',
  tags: ['udi'],
  summary: "Write an earlier version's content again as a new version (history is never rewritten)",
  security: bearer,
  request: {
    params: UuidParam,
    body: jsonBody(z.object({ version, reason, baseVersion })),
  },
  responses: { 200: View, ...badRequest, ...authErrors, ...errors },
});
const diff = createRoute({
  method: 'get',
  path: '/api/udi/records/{id}/diff',
  tags: ['udi'],
  summary: 'What changed from one version to another, field by field',
  security: bearer,
  request: {
    params: UuidParam,
    query: z.object({
      from: z.coerce.number().int().min(1),
      to: z.coerce.number().int().min(1),
    }),
  },
  responses: {
    200: jsonResponse('Changes', z.object({ changes: z.array(UdiChangeSchema) })),
    ...badRequest,
    ...authErrors,
    ...errors,
  },
});
const approve = createRoute({
  method: 'post',
  path: '/api/udi/records/{id}/versions/{version}/approve',
  tags: ['udi'],
  summary: 'QC approves a version under an electronic signature (not the one who wrote it)',
  security: bearer,
  request: {
    params: VersionParam,
    body: jsonBody(z.object({ password: z.string().min(1, 'is required to sign'), reason })),
  },
  responses: { 200: View, ...badRequest, ...authErrors, ...errors },
});
const publish = createRoute({
  method: 'post',
  path: '/api/udi/records/{id}/publish',
  tags: ['udi'],
  summary: 'Publish the current version; a regulated change needs its signed approval first',
  security: bearer,
  request: {
    params: UuidParam,
    body: jsonBody(z.object({ reason, baseVersion })),
  },
  responses: { 200: View, ...badRequest, ...authErrors, ...errors },
});
const check = createRoute({
  method: 'get',
  path: '/api/udi/records/{id}/submission-check',
  tags: ['udi'],
  summary: 'What GUDID, EUDAMED or NMPA would refuse of a version, per DI, before submitting',
  security: bearer,
  request: {
    params: UuidParam,
    query: z.object({
      jurisdictions: z
        .string()
        .default(JURISDICTIONS.join(','))
        .transform((s) => s.split(','))
        .pipe(z.array(z.enum(JURISDICTIONS)).min(1))
        .openapi({
          description: 'Comma-separated: GUDID, EUDAMED, NMPA',
          example: 'GUDID,NMPA',
        }),
      version: z.coerce.number().int().min(1).optional(),
    }),
  },
  responses: {
    200: jsonResponse('Problems found; empty when ready to submit', z.object({ problems: z.array(SubmissionProblemSchema) })),
    ...badRequest,
    ...authErrors,
    ...errors,
  },
});

const nmpa = createRoute({
  method: 'get',
  path: '/api/udi/records/{id}/exports/nmpa',
  tags: ['udi'],
  summary: 'The NMPA UDI database entry (YY/T 1753 data items) of the published version',
  description: 'Refused with 409 not_published before a version is published, and with 422 submission_problems, listing every problem, when the pre-submission check finds any.',
  security: bearer,
  request: { params: UuidParam },
  responses: {
    200: jsonResponse('The entry, keyed by the data item codes of the NMPA UDI database', z.object({ version: z.number().int(), document: z.record(z.string(), z.unknown()) })),
    ...badRequest,
    ...authErrors,
    ...errors,
  },
});

const gudid = createRoute({
  method: 'get',
  path: '/api/udi/records/{id}/exports/gudid',
  tags: ['udi'],
  summary: 'The GUDID HL7 SPL document of the published version, one per Primary DI',
  description: 'Refused with 409 not_published before a version is published, and with 422 submission_problems, listing every problem, when the pre-submission check finds any.',
  security: bearer,
  request: { params: UuidParam },
  responses: {
    200: { description: 'The SPL document, named by its Primary DI in Content-Disposition', content: { 'application/xml': { schema: z.string() } } },
    ...badRequest,
    ...authErrors,
    ...errors,
  },
});

const exportErrors = {
  404: jsonResponse('No such record or export', ErrorSchema),
  409: jsonResponse('Not published yet (not_published), or a status that cannot follow the current one (illegal_status_change)', ErrorSchema),
  422: jsonResponse("The pre-submission check's problems (submission_problems), or an acceptance without the authority's reference or a rejection without its message", ErrorSchema),
};
const StoredExport = jsonResponse('The stored export with its current status and history', StoredExportSchema);

const createExport = createRoute({
  method: 'post',
  path: '/api/udi/records/{id}/exports',
  tags: ['udi'],
  summary: "Write the published version's file for one regulator and keep it, numbered per record and regulator",
  description:
    'Refused with 409 not_published before a version is published, and with 422 submission_problems, listing every problem, when the pre-submission check finds any; nothing is kept then. The export starts as generated.',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(z.object({ format: ExportFormatSchema })) },
  responses: { 201: StoredExport, ...badRequest, ...authErrors, ...exportErrors },
});
const listExports = createRoute({
  method: 'get',
  path: '/api/udi/records/{id}/exports',
  tags: ['udi'],
  summary: "A record's stored exports, each with its current submission status",
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: jsonResponse('Exports, oldest first', z.object({ exports: z.array(StoredExportSchema) })), ...badRequest, ...authErrors, ...exportErrors },
});
const downloadExport = createRoute({
  method: 'get',
  path: '/api/udi/exports/{id}/content',
  tags: ['udi'],
  summary: 'The stored file exactly as exported, named in Content-Disposition, its sha-256 in X-Content-SHA256',
  security: bearer,
  request: { params: UuidParam },
  responses: {
    200: {
      description: 'The file',
      content: {
        'application/xml': { schema: z.string() },
        'application/json': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...badRequest,
    ...authErrors,
    ...exportErrors,
  },
});
const changeExportStatus = createRoute({
  method: 'post',
  path: '/api/udi/exports/{id}/status',
  tags: ['udi'],
  summary: "Record what the regulator did: submitted, then accepted (with its reference) or rejected (with its message)",
  description: 'A status that cannot follow the current one is refused with 409 illegal_status_change; the history only grows.',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(StatusChangeSchema) },
  responses: { 200: StoredExport, ...badRequest, ...authErrors, ...exportErrors },
});

/** RFC 6266: an ASCII fallback and the exact name in UTF-8, so a name no header can carry still downloads. */
const attachment = (fileName: string) => `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export function udiRecordRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => c.json({ records: await listUdiRecords(deps.db) }, 200))
    .openapi(create, async (c) => c.json(await createUdiRecord(deps.db, actorOf(c.get('session')!), c.req.valid('json')), 201))
    .openapi(read, async (c) => c.json(await getUdiRecord(deps.db, c.req.valid('param').id), 200))
    .openapi(revise, async (c) => c.json(await reviseUdiRecord(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(restore, async (c) => c.json(await restoreUdiVersion(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(diff, async (c) => {
      const { from, to } = c.req.valid('query');
      return c.json(
        {
          changes: await diffUdiVersions(deps.db, c.req.valid('param').id, from, to),
        },
        200,
      );
    })
    .openapi(approve, async (c) => {
      const { id, version: v } = c.req.valid('param');
      return c.json(await approveUdiVersion(deps.db, c.get('session')!, id, v, c.req.valid('json'), signInGuard(deps)), 200);
    })
    .openapi(publish, async (c) => c.json(await publishUdiRecord(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(nmpa, async (c) => c.json(await exportNmpa(deps.db, c.req.valid('param').id), 200))
    .openapi(gudid, async (c) => {
      const spl = await exportGudid(deps.db, c.req.valid('param').id);
      return c.body(spl.xml, 200, { 'content-type': 'application/xml; charset=utf-8', 'content-disposition': `attachment; filename="${spl.fileName}"` });
    })
    .openapi(createExport, async (c) => c.json(await createStoredExport(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, c.req.valid('json').format), 201))
    .openapi(listExports, async (c) => c.json({ exports: await listStoredExports(deps.db, c.req.valid('param').id) }, 200))
    .openapi(downloadExport, async (c) => {
      const file = await readStoredExport(deps.db, c.req.valid('param').id);
      return c.body(file.content, 200, { 'content-type': file.contentType, 'content-disposition': attachment(file.fileName), 'x-content-sha256': file.sha256 });
    })
    .openapi(changeExportStatus, async (c) => {
      const { status, reference, message } = c.req.valid('json');
      return c.json(await recordExportStatus(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, { to: status, reference, message }), 200);
    })
    .openapi(check, async (c) => {
      const { jurisdictions, version: v } = c.req.valid('query');
      return c.json(
        {
          problems: await checkUdiVersion(deps.db, c.req.valid('param').id, jurisdictions as Jurisdiction[], v),
        },
        200,
      );
    });
}
