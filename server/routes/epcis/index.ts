import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { decodeCursor, epcisQueryDocument, isDateTimeStamp } from '../../../domain/epcis';
import { isValidGln } from '../../../domain/gs1';
import { captureBehaviourOf, captureDocument, exportEvents, readCaptureJob, readEpcisSettings, updateEpcisSettings } from '../../epcis';
import { AppError } from '../../errors';
import { actorOf, type AppDeps, type AppEnv } from '../../http/env';
import { DbUuid, ErrorSchema, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import type { IntegrationCaller } from '../../integration';

/** The most events one page holds; more are read page by page with nextPageToken. */
export const EPCIS_MAX_PER_PAGE = 5000;
export const EPCIS_DEFAULT_PER_PAGE = 100;

const apiKey: Record<string, string[]>[] = [{ apiKey: [] }, { integrationBearer: [] }];
const keyErrors = {
  401: { description: 'No API key, or a key unknown, revoked or past its grace period', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: "The key lacks this route's scope", content: { 'application/json': { schema: ErrorSchema } } },
} as const;

const list = (description: string) => z.string().max(4000).optional().openapi({ description: `${description} Several values: separated by |.` });
const EventsQuery = z.object({
  EQ_bizStep: list('Only events with one of these business steps (bare CBV words such as shipping, or URIs).'),
  EQ_disposition: list('Only events with one of these dispositions (in_transit, recalled, ...).'),
  GE_eventTime: z.string().optional().openapi({ description: 'Only events at or after this time (xsd:dateTimeStamp, with a zone).', example: '2026-03-01T00:00:00.000+08:00' }),
  LT_eventTime: z.string().optional().openapi({ description: 'Only events before this time.' }),
  MATCH_epc: list('Only events whose epcList or childEPCs hold one of these EPCs (EPC URIs, Digital Link URIs, or urn:epc:idpat:sgtin:...* for every serial of a GTIN).'),
  MATCH_epcClass: list('Only events whose quantity lists name one of these classes (urn:epc:class:lgtin:..., or urn:epc:idpat:sgtin:...* for every lot of a GTIN).'),
  perPage: z.string().optional().openapi({ description: `Events per page, 1 to ${EPCIS_MAX_PER_PAGE} (default ${EPCIS_DEFAULT_PER_PAGE}).` }),
  nextPageToken: z.string().max(2000).optional().openapi({ description: 'From the Link header of the page before.' }),
});

const QueryDocumentSchema = z
  .object({
    '@context': z.array(z.union([z.string(), z.record(z.string(), z.string())])),
    type: z.literal('EPCISQueryDocument'),
    schemaVersion: z.string(),
    creationDate: z.string(),
    epcisBody: z.object({ queryResults: z.object({ queryName: z.string(), resultsBody: z.object({ eventList: z.array(z.record(z.string(), z.unknown())) }) }) }),
  })
  .openapi('EPCISQueryDocument');

const CaptureProblemSchema = z.object({ event: z.number().int().optional(), field: z.string(), code: z.string(), message: z.string() }).openapi('EPCISCaptureProblem');
const CaptureJobSchema = z
  .object({
    captureID: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    running: z.boolean(),
    success: z.boolean(),
    captureErrorBehaviour: z.enum(['rollback', 'proceed']),
    eventsReceived: z.number().int(),
    eventsCaptured: z.number().int(),
    eventsDuplicate: z.number().int(),
    errors: z.array(CaptureProblemSchema),
  })
  .openapi('EPCISCaptureJob');

const events = createRoute({
  method: 'get',
  path: '/epcis/events',
  tags: ['epcis'],
  summary: 'EPCIS 2.0 events: every committed act of the ledger and the events partners captured',
  description:
    'An EPCISQueryDocument, events in time order. The next page is in the Link header (rel="next") and GS1-Next-Page-Token. A key bound to a partner GLN sees only events whose destination is that GLN.',
  security: apiKey,
  request: { query: EventsQuery },
  responses: { 200: jsonResponse('One page of events', QueryDocumentSchema), ...badRequest, ...keyErrors },
});

const capture = createRoute({
  method: 'post',
  path: '/epcis/capture',
  tags: ['epcis'],
  summary: "Capture a partner's EPCISDocument",
  description:
    'Answers 202 with a capture job (Location: /epcis/capture/{id}). GS1-Capture-Error-Behaviour: rollback (default) stores nothing when one event is wrong; proceed stores the good events and lists the bad. A document without @context or eventList is refused whole (400) with every problem named.',
  security: apiKey,
  request: {
    headers: z.object({ 'gs1-capture-error-behaviour': z.string().optional().openapi({ description: 'rollback (default) or proceed' }) }),
    body: { required: true, content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description: 'An EPCISDocument (EPCIS 2.0 JSON-LD)' }) } } },
  },
  responses: { 202: jsonResponse('Captured, or refused event by event: see the job', CaptureJobSchema), ...badRequest, ...keyErrors, 413: jsonResponse('The document is too large', ErrorSchema) },
});

const job = createRoute({
  method: 'get',
  path: '/epcis/capture/{captureID}',
  tags: ['epcis'],
  summary: 'A capture job: running, success, counts and errors per event and field',
  security: apiKey,
  request: { params: z.object({ captureID: DbUuid.openapi({ param: { name: 'captureID', in: 'path' } }) }) },
  responses: { 200: jsonResponse('The job', CaptureJobSchema), ...badRequest, ...keyErrors, 404: jsonResponse('No job of this integration has that id', ErrorSchema) },
});

const SettingsSchema = z
  .object({
    companyPrefixLength: z.number().int().min(6, 'must be 6 to 12 digits').max(12, 'must be 6 to 12 digits'),
    plantGln: z
      .string()
      .regex(/^\d{13}$/, 'must be a 13-digit GLN')
      .refine(isValidGln, 'has a wrong check digit')
      .nullable(),
  })
  .openapi('EPCISSettings');
const settingsPath = '/api/epcis/settings';
const readSettings = createRoute({ method: 'get', path: settingsPath, tags: ['epcis'], summary: "How the plant's GTINs, GLN and locations are written in EPCIS", security: bearer, responses: { 200: jsonResponse('Settings', SettingsSchema), ...authErrors } });
const writeSettings = createRoute({
  method: 'put',
  path: settingsPath,
  tags: ['epcis'],
  summary: "Set the GS1 Company Prefix length and the plant's GLN (locations become SGLNs, the plant its PGLN)",
  security: bearer,
  request: { body: jsonBody(SettingsSchema) },
  responses: { 200: jsonResponse('Saved', SettingsSchema), ...badRequest, ...authErrors },
});

const values = (raw: string | undefined) => (raw === undefined ? undefined : raw.split('|').map((v) => v.trim()).filter((v) => v !== ''));

function timeParam(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!isDateTimeStamp(raw)) throw new AppError(400, 'invalid_request', `${name}: must be a date and time with a zone, e.g. 2026-03-01T00:00:00.000+08:00`, { field: name });
  return Date.parse(raw);
}

function perPageOf(raw: string | undefined): number {
  if (raw === undefined) return EPCIS_DEFAULT_PER_PAGE;
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= EPCIS_MAX_PER_PAGE)) throw new AppError(400, 'invalid_request', `perPage: must be a whole number from 1 to ${EPCIS_MAX_PER_PAGE}`, { field: 'perPage' });
  return n;
}

export function epcisRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const callerOf = (c: { get(key: 'integration'): IntegrationCaller | undefined }): IntegrationCaller => c.get('integration')!;

  app.openapi(events, async (c) => {
    const q = c.req.valid('query');
    const after = q.nextPageToken === undefined ? null : decodeCursor(q.nextPageToken);
    if (q.nextPageToken !== undefined && !after) throw new AppError(400, 'invalid_request', 'nextPageToken: is not a token this server gave', { field: 'nextPageToken' });
    const query = {
      bizSteps: values(q.EQ_bizStep),
      dispositions: values(q.EQ_disposition),
      geEventTime: timeParam('GE_eventTime', q.GE_eventTime),
      ltEventTime: timeParam('LT_eventTime', q.LT_eventTime),
      epcs: values(q.MATCH_epc),
      epcClasses: values(q.MATCH_epcClass),
      partnerGln: callerOf(c).partnerGln,
      perPage: perPageOf(q.perPage),
      after,
    };
    const page = await exportEvents(deps.db, Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as typeof query);
    if (page.nextPageToken) {
      const next = new URL(c.req.url);
      next.searchParams.set('nextPageToken', page.nextPageToken);
      c.header('Link', `<${next.pathname}${next.search}>; rel="next"`);
      c.header('GS1-Next-Page-Token', page.nextPageToken);
    }
    c.header('GS1-EPCIS-Version', '2.0.0');
    return c.json(epcisQueryDocument(page.events, new Date().toISOString()), 200);
  });

  app.openapi(capture, async (c) => {
    const behaviour = captureBehaviourOf(c.req.header('gs1-capture-error-behaviour'));
    const done = await captureDocument(deps.db, callerOf(c), c.req.valid('json'), behaviour);
    c.header('Location', `/epcis/capture/${done.captureID}`);
    c.header('GS1-EPCIS-Version', '2.0.0');
    return c.json(done, 202);
  });

  app.openapi(job, async (c) => c.json(await readCaptureJob(deps.db, callerOf(c), c.req.valid('param').captureID), 200));
  app.openapi(readSettings, async (c) => c.json(await readEpcisSettings(deps.db), 200));
  app.openapi(writeSettings, async (c) => c.json(await updateEpcisSettings(deps.db, actorOf(c.get('session')!), c.req.valid('json')), 200));
  return app;
}
