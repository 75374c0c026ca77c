import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../errors';
import type { AppDeps, AppEnv } from '../../http/env';
import { actorOf, signInGuard } from '../../http/env';
import { DbUuid, ErrorSchema, UuidParam, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { previewTemplate, renderPreview } from '../../printing/preview';
import { JOB_STATUSES } from '../../printing/job-status';
import { jobWithoutNetworkDetail, listJobs } from '../../printing/job-view';
import { addPrinter, listPrinters, seesPrinterNetwork, withoutNetworkDetail } from '../../printing/printers';
import { lookUpTag } from '../../printing/rfid-lookup';
import { reconcileTags } from '../../printing/rfid-reconcile';
import { printLot, reprintJob, resolveUncertain } from '../../printing/spool';
import { RFID_BEHAVIOURS } from '../../../printers/emulator';
import { rfidRoutes } from './rfid';
import { PrinterRfidPolicyChange, PrinterRfidPolicySchema, TagLookupSchema, TagReconciliationSchema } from './rfid-schemas';
import { approveTemplate, diffVersions, listTemplates, retireTemplate, saveDraft, type StoredTemplate } from '../../printing/templates';
import type { TemplateChange } from '../../../domain/labels/diff';

const anything = z.record(z.string(), z.unknown());
const when = z.string().nullable();
const PrinterSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    host: z.string().nullable().openapi({ description: 'Shown to label admins and administrators; null for other roles' }),
    port: z.number().int().nullable(),
    dpi: z.union([z.literal(203), z.literal(300), z.literal(600)]),
    locationCode: z.string().nullable(),
    cjkFont: z.string().nullable().openapi({ description: 'A CJK font file on the printer (E:SIMSUN.TTF); without one, Chinese text is sent drawn as a picture' }),
    active: z.boolean(),
    state: z.enum(['unknown', 'ready', 'offline', 'paper_out', 'head_open', 'paused', 'not_ready']),
    stateDetail: z.string().nullable(),
    stateAt: when,
    notReadySince: when,
    alertAfterSeconds: z.number().int(),
    alerting: z.boolean().openapi({ description: 'Not ready for longer than its alert threshold' }),
    queued: z.number().int(),
    inPrinter: z.number().int().openapi({ description: 'Sent, and held by the printer until it says it printed them' }),
    uncertain: z.number().int(),
    rfidPolicy: PrinterRfidPolicySchema,
    version: z.number().int(),
  })
  .openapi('Printer');
const TemplateVersionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    kind: z.enum(['layout', 'zpl']),
    status: z.enum(['draft', 'approved', 'retired']),
    contentHash: z.string(),
    definition: anything,
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    approvedBy: z.string().nullable(),
    approvedAt: when,
  })
  .openapi('LabelTemplateVersion');
const PrintJobSchema = z
  .object({
    id: z.string(),
    printer: z.string(),
    template: z.string(),
    templateVersion: z.number().int(),
    lotNumber: z.string().nullable(),
    serial: z.string().nullable(),
    copies: z.number().int(),
    status: z.enum(JOB_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable().openapi({ description: 'The connection error for label admins; a plain description for other roles' }),
    reprintOf: z.string().nullable(),
    reprintReason: z.string().nullable(),
    requestedBy: z.string().nullable(),
    createdAt: z.string(),
    sentAt: when,
    printedAt: when,
    resolution: z.string().nullable(),
  })
  .openapi('PrintJob');
const TemplateChangeSchema = z.object({ change: z.enum(['changed', 'added', 'removed']), path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() });
const EmulatedFormatSchema = z.object({ seq: z.number().int(), receivedAt: z.string(), labels: z.number().int(), printed: z.boolean(), zpl: z.string(), png: z.string().nullable().openapi({ description: 'PNG (base64) drawn from the ZPL; null when it could not be drawn' }) });
const errors = { 404: jsonResponse('Not found', ErrorSchema), 409: jsonResponse('Conflict', ErrorSchema), 422: jsonResponse('Refused', ErrorSchema) } as const;
const reason = z.string().trim().min(1, 'is required').max(500);

const printers = createRoute({ method: 'get', path: '/api/printers', tags: ['printing'], summary: 'Printers with their live state, queue and jobs in doubt', security: bearer, responses: { 200: jsonResponse('Printers', z.object({ printers: z.array(PrinterSchema) })), ...authErrors } });
const newPrinter = createRoute({
  method: 'post',
  path: '/api/printers',
  tags: ['printing'],
  summary: 'Register a printer (raw TCP, usually port 9100)',
  security: bearer,
  request: {
    body: jsonBody(
      z.object({
        name: z.string().trim().min(1).max(60),
        host: z.string().trim().min(1).max(255),
        port: z.number().int().min(1).max(65535).default(9100),
        dpi: z.union([z.literal(203), z.literal(300), z.literal(600)]).default(203),
        locationCode: z.string().max(30).nullish(),
        cjkFont: z
          .string()
          .regex(/^[BERZ]:[A-Z0-9_.-]{1,16}$/, 'must be a font file on the printer, like E:SIMSUN.TTF')
          .nullish()
          .openapi({ description: 'A CJK font file installed on the printer; leave it out and Chinese text is drawn by the server' }),
        alertAfterSeconds: z.number().int().min(0).max(86_400).optional(),
        rfidPolicy: PrinterRfidPolicyChange.optional(),
      }),
    ),
  },
  responses: { 201: jsonResponse('Registered', PrinterSchema), ...badRequest, ...authErrors, ...errors },
});

const templates = createRoute({ method: 'get', path: '/api/templates', tags: ['printing'], summary: 'Label templates, every version', security: bearer, responses: { 200: jsonResponse('Templates', z.object({ templates: z.array(TemplateVersionSchema) })), ...authErrors } });
const draft = createRoute({
  method: 'post',
  path: '/api/templates',
  tags: ['printing'],
  summary: 'Save a new draft version (layout or raw ZPL with {{field}} placeholders), checked on save',
  security: bearer,
  request: { body: jsonBody(anything) },
  responses: { 201: jsonResponse('Draft saved', TemplateVersionSchema), ...badRequest, ...authErrors, ...errors },
});
const approve = createRoute({
  method: 'post',
  path: '/api/templates/{id}/approve',
  tags: ['printing'],
  summary: 'QC approves a draft under an electronic signature; the previous approved version retires',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(z.object({ password: z.string().min(1, 'is required to sign'), reason })) },
  responses: { 200: jsonResponse('Approved', TemplateVersionSchema), ...badRequest, ...authErrors, ...errors },
});
const retire = createRoute({
  method: 'post',
  path: '/api/templates/{id}/retire',
  tags: ['printing'],
  summary: 'Retire a version: it no longer prints',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(z.object({ reason })) },
  responses: { 200: jsonResponse('Retired', TemplateVersionSchema), ...badRequest, ...authErrors, ...errors },
});
const diff = createRoute({
  method: 'get',
  path: '/api/templates/{id}/diff',
  tags: ['printing'],
  summary: 'What changed from another version to this one',
  security: bearer,
  request: { params: UuidParam, query: z.object({ from: DbUuid }) },
  responses: { 200: jsonResponse('Changes', z.object({ from: TemplateVersionSchema, to: TemplateVersionSchema, changes: z.array(TemplateChangeSchema) })), ...badRequest, ...authErrors, ...errors },
});
const preview = createRoute({
  method: 'get',
  path: '/api/templates/{id}/preview',
  tags: ['printing'],
  summary: 'The label as it will print: its ZPL and a PNG drawn from it, for a lot or sample data',
  security: bearer,
  request: { params: UuidParam, query: z.object({ lotId: DbUuid.optional() }) },
  responses: { 200: jsonResponse('Preview', z.object({ zpl: z.string(), png: z.string(), data: anything })), ...badRequest, ...authErrors, ...errors },
});

const jobs = createRoute({
  method: 'get',
  path: '/api/print-jobs',
  tags: ['printing'],
  summary: 'Print jobs, newest first',
  security: bearer,
  request: { query: z.object({ status: z.enum(JOB_STATUSES).optional(), lotId: DbUuid.optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }) },
  responses: { 200: jsonResponse('Jobs', z.object({ jobs: z.array(PrintJobSchema) })), ...badRequest, ...authErrors },
});
const print = createRoute({
  method: 'post',
  path: '/api/print-jobs',
  tags: ['printing'],
  summary: "Print labels for a lot with an approved template; serials come from the item's number rule",
  security: bearer,
  request: { body: jsonBody(z.object({ lotId: DbUuid, template: z.string().min(1).max(64), printer: z.string().min(1).max(60), quantity: z.number().int().min(1).max(10_000) })) },
  responses: { 201: jsonResponse('Queued', z.object({ runId: z.string(), jobIds: z.array(z.string()), serials: z.array(z.string()), printerId: z.string(), templateVersion: z.number().int(), warnings: z.array(z.string()).openapi({ description: 'Printed, but worth a look: e.g. an item with no UDI device record to check the label against' }) })), ...badRequest, ...authErrors, ...errors },
});
const resolve = createRoute({
  method: 'post',
  path: '/api/print-jobs/{id}/resolve',
  tags: ['printing'],
  summary: 'Settle a job in doubt: it printed, print it again, or cancel it',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(z.object({ action: z.enum(['printed', 'reprint', 'cancel']), reason })) },
  responses: { 200: jsonResponse('Settled', anything), ...badRequest, ...authErrors, ...errors },
});
const reprint = createRoute({
  method: 'post',
  path: '/api/print-jobs/{id}/reprint',
  tags: ['printing'],
  summary: 'Reprint a printed label: marked as a reprint, with its reason, audited',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(z.object({ reason, printer: z.string().max(60).optional() })) },
  responses: { 201: jsonResponse('Queued', z.object({ jobId: z.string() })), ...badRequest, ...authErrors, ...errors },
});

const runTags = createRoute({
  method: 'get',
  path: '/api/print-runs/{id}/rfid',
  tags: ['printing'],
  summary: 'RFID reconciliation of a print run: labels printed = tags encoded + serials voided',
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: jsonResponse('Reconciliation', TagReconciliationSchema), ...badRequest, ...authErrors, ...errors },
});
const jobTags = createRoute({
  method: 'get',
  path: '/api/print-jobs/{id}/rfid',
  tags: ['printing'],
  summary: "RFID reconciliation of one job: every label it printed and what each tag read back as",
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: jsonResponse('Reconciliation', TagReconciliationSchema), ...badRequest, ...authErrors, ...errors },
});

const tagLookup = createRoute({
  method: 'get',
  path: '/api/rfid/{epc}',
  tags: ['printing'],
  summary: 'A scanned RFID tag (EPC hex from a reader or wedge): the unit it names and whether its serial belongs to this tag',
  security: bearer,
  request: { params: z.object({ epc: z.string().regex(/^(0x)?[0-9A-Fa-f]{24,64}$/, 'must be EPC hex: 24 to 64 hexadecimal digits').openapi({ param: { name: 'epc', in: 'path' } }) }) },
  responses: { 200: jsonResponse('Tag', TagLookupSchema), ...badRequest, ...authErrors, ...errors },
});

const emulatorState = createRoute({
  method: 'post',
  path: '/api/emulator/state',
  tags: ['printing'],
  summary: 'Switch the emulated printer: offline, paper out, head open, paused, drop the next job after N bytes, RFID tag answers',
  security: bearer,
  request: {
    body: jsonBody(
      z.object({
        online: z.boolean().optional(),
        paperOut: z.boolean().optional(),
        headOpen: z.boolean().optional(),
        paused: z.boolean().optional(),
        dropAfterBytes: z.number().int().min(1).nullable().optional(),
        rfid: z.enum(RFID_BEHAVIOURS).optional().openapi({ description: "What labels' RFID tags read back as: the EPC written, the previous label's, no tag (VOID), cut short, or garbage" }),
        rfidNext: z.array(z.enum(RFID_BEHAVIOURS)).max(20).optional().openapi({ description: 'What the tags of the next labels read back as, one each, before rfid applies again' }),
      }),
    ),
  },
  responses: { 200: jsonResponse('State', anything), ...badRequest, ...authErrors, ...errors },
});
const emulatorFormats = createRoute({
  method: 'get',
  path: '/api/emulator/formats',
  tags: ['printing'],
  summary: 'What the emulated printer printed, newest first, with PNG renders',
  security: bearer,
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(20).default(6) }) },
  responses: { 200: jsonResponse('Formats', z.object({ formats: z.array(EmulatedFormatSchema) })), ...badRequest, ...authErrors, ...errors },
});

// A template's definition is its own typed document (domain/labels/template.ts); the API carries it as JSON.
const asTemplateAnswer = (t: StoredTemplate) => ({ ...t, definition: t.definition as unknown as Record<string, unknown> });
const asDiffAnswer = (d: { from: StoredTemplate; to: StoredTemplate; changes: TemplateChange[] }) => ({ ...d, from: asTemplateAnswer(d.from), to: asTemplateAnswer(d.to) });

export function printingRoutes(deps: AppDeps) {
  const emulator = () => {
    if (!deps.printerEmulator) throw new AppError(404, 'not_found', 'No emulated printer runs in this server.');
    return deps.printerEmulator;
  };
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .route('/', rfidRoutes(deps))
    .openapi(printers, async (c) => {
      const all = await listPrinters(deps.db);
      const shown = seesPrinterNetwork(c.get('session')!.user.roles) ? all : all.map(withoutNetworkDetail);
      return c.json({ printers: shown }, 200);
    })
    .openapi(newPrinter, async (c) => c.json(await addPrinter(deps.db, actorOf(c.get('session')!), c.req.valid('json')), 201))
    .openapi(templates, async (c) => c.json({ templates: (await listTemplates(deps.db)).map(asTemplateAnswer) }, 200))
    .openapi(draft, async (c) => c.json(asTemplateAnswer(await saveDraft(deps.db, actorOf(c.get('session')!), c.req.valid('json'))), 201))
    .openapi(approve, async (c) => c.json(asTemplateAnswer(await approveTemplate(deps.db, c.get('session')!, c.req.valid('param').id, c.req.valid('json'), signInGuard(deps))), 200))
    .openapi(retire, async (c) => c.json(asTemplateAnswer(await retireTemplate(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, c.req.valid('json').reason)), 200))
    .openapi(diff, async (c) => c.json(asDiffAnswer(await diffVersions(deps.db, c.req.valid('query').from, c.req.valid('param').id)), 200))
    .openapi(preview, async (c) => c.json(await previewTemplate(deps.db, c.req.valid('param').id, c.req.valid('query').lotId ?? null), 200))
    .openapi(jobs, async (c) => {
      const all = await listJobs(deps.db, c.req.valid('query'));
      const shown = seesPrinterNetwork(c.get('session')!.user.roles) ? all : all.map(jobWithoutNetworkDetail);
      return c.json({ jobs: shown }, 200);
    })
    .openapi(print, async (c) => {
      const body = c.req.valid('json');
      const queued = await printLot(deps.db, actorOf(c.get('session')!), { lotId: body.lotId, templateName: body.template, printer: body.printer, quantity: body.quantity });
      return c.json(queued, 201);
    })
    .openapi(resolve, async (c) => {
      const session = c.get('session')!;
      const settled = await resolveUncertain(deps.db, actorOf(session), c.req.valid('param').id, c.req.valid('json'));
      const shown = seesPrinterNetwork(session.user.roles) ? settled : { ...settled, job: jobWithoutNetworkDetail(settled.job) };
      return c.json(shown as unknown as Record<string, unknown>, 200);
    })
    .openapi(reprint, async (c) => c.json({ jobId: await reprintJob(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, c.req.valid('json')) }, 201))
    .openapi(runTags, async (c) => c.json(await reconcileTags(deps.db, 'run', c.req.valid('param').id), 200))
    .openapi(jobTags, async (c) => c.json(await reconcileTags(deps.db, 'job', c.req.valid('param').id), 200))
    .openapi(tagLookup, async (c) => c.json(await lookUpTag(deps.db, c.req.valid('param').epc), 200))
    .openapi(emulatorState, async (c) => {
      const body = c.req.valid('json');
      const patch = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      await emulator().setState(patch);
      return c.json(emulator().state() as unknown as Record<string, unknown>, 200);
    })
    .openapi(emulatorFormats, async (c) => {
      const recent = emulator().formats().slice(-c.req.valid('query').limit).reverse();
      const formats = await Promise.all(
        recent.map(async (f) => {
          const png = await renderPreview(f.zpl, { widthDots: 812, heightDots: 406, dpi: 203 }).catch(() => null);
          return { seq: f.seq, receivedAt: f.receivedAt, labels: f.labels, printed: f.printed, zpl: f.zpl, png: png ? Buffer.from(png).toString('base64') : null };
        }),
      );
      return c.json({ formats }, 200);
    });
}
