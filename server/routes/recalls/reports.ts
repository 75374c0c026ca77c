import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { REPORT_KINDS, type CaseReportKind, type ReportKind } from '../../../domain/recall/reports';
import { actorOf, type AppDeps, type AppEnv } from '../../http/env';
import { DbUuid, ErrorSchema, UuidParam, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { getRecall } from '../../recall';
import { acknowledgeDeadlineAlert, caseClocks, listDeadlines, openDeadlineAlerts, runDeadlineJob } from '../../recall/deadlines';
import { generateDrillReport, lastDrill, readDrill, runDrill } from '../../recall/drill';
import { caseEvents, recordCaseAct } from '../../recall/events';
import { generateCaseReport, type ReportFormat } from '../../recall/reports/generate';
import { readRecallSettings, saveRecallSettings } from '../../recall/settings';
import type { ScopeInput } from '../../recall/scope-input';
import { CaseClocksSchema, CaseEventSchema, DEADLINE_KINDS, DeadlineAlertSchema, DrillSchema, RecallSettingsAnswerSchema } from './report-schemas';
import { ScopeInputSchema } from './schemas';

const notFound = { 404: jsonResponse('No such case, or the scope input matches nothing', ErrorSchema) } as const;
const notOpen = { 409: jsonResponse('The case has not opened', ErrorSchema) } as const;
const refused = { 422: jsonResponse('A report for a jurisdiction the case does not name, or a date outside the case', ErrorSchema) } as const;
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const Day = IsoDay.refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a date');
const REPORT_FILE = new RegExp(`^(${REPORT_KINDS.join('|')})\\.(pdf|csv)$`);

const deadlines = createRoute({
  method: 'get',
  path: '/api/recalls/deadlines',
  tags: ['recall'],
  summary: "Every live case's regulatory clocks (due day, working days left, state) and the open deadline alerts, for the dashboard",
  security: bearer,
  request: { query: z.object({ on: Day.optional() }) },
  responses: { 200: jsonResponse('Clocks per case', z.object({ today: z.string(), leadDays: z.number(), cases: z.array(CaseClocksSchema), alerts: z.array(DeadlineAlertSchema) })), ...badRequest, ...authErrors },
});

const caseDeadlines = createRoute({
  method: 'get',
  path: '/api/recalls/{id}/deadlines',
  tags: ['recall'],
  summary: "One case's regulatory clocks and what was recorded as done",
  security: bearer,
  request: { params: UuidParam, query: z.object({ on: Day.optional() }) },
  responses: { 200: jsonResponse('The clocks', z.object({ clocks: CaseClocksSchema, events: z.array(CaseEventSchema) })), ...badRequest, ...authErrors, ...notFound },
});

const recordEvent = createRoute({
  method: 'post',
  path: '/api/recalls/{id}/events',
  tags: ['recall'],
  summary: 'Record that the notices went out or a report was filed, on the day it happened: the clock waiting for it is met',
  security: bearer,
  request: {
    params: UuidParam,
    body: jsonBody(
      z
        .object({
          kind: z.enum(['letters_sent', 'report_submitted']),
          deadline: z.enum(DEADLINE_KINDS),
          on: Day.optional(),
          method: z.string().trim().min(1).max(40).optional(),
          count: z.number().int().min(1).max(1_000_000).optional(),
          note: z.string().trim().max(2000).optional(),
        })
        .strict(),
    ),
  },
  responses: { 201: jsonResponse('The event', z.object({ event: CaseEventSchema })), ...badRequest, ...authErrors, ...notFound, ...notOpen, ...refused },
});

const report = createRoute({
  method: 'get',
  path: '/api/recalls/{id}/reports/{file}',
  tags: ['recall'],
  summary: 'A report of the case as PDF or CSV: status (7.53), fda-806, nmpa-event, nmpa-progress, nmpa-summary, eu-fsca, or drill',
  security: bearer,
  request: { params: z.object({ id: DbUuid, file: z.string().regex(REPORT_FILE, `must be one of ${REPORT_KINDS.join(', ')} followed by .pdf or .csv`).openapi({ param: { name: 'file', in: 'path' } }) }) },
  responses: {
    200: { description: 'The report', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) }, 'text/csv': { schema: z.string() } } },
    ...badRequest,
    ...authErrors,
    ...notFound,
    ...notOpen,
    ...refused,
  },
});

const startDrill = createRoute({
  method: 'post',
  path: '/api/recalls/drills',
  tags: ['recall'],
  summary: 'Run a mock recall: scope, consignee list and mass balance against a stopwatch; holds nothing and sends nothing',
  security: bearer,
  request: { body: jsonBody(z.object({ scope: ScopeInputSchema, reason: z.string().trim().max(2000).optional() }).strict()) },
  responses: { 201: jsonResponse('The drill', z.object({ drill: DrillSchema })), ...badRequest, ...authErrors, ...notFound },
});

const last = createRoute({
  method: 'get',
  path: '/api/recalls/drills/last',
  tags: ['recall'],
  summary: 'The latest mock recall, for the dashboard',
  security: bearer,
  responses: { 200: jsonResponse('The drill, or null before the first', z.object({ drill: z.union([DrillSchema, z.null()]) })), ...authErrors },
});

const caseDrill = createRoute({
  method: 'get',
  path: '/api/recalls/{id}/drill',
  tags: ['recall'],
  summary: "A drill case's stopwatch and result",
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: jsonResponse('The drill', z.object({ drill: DrillSchema })), ...badRequest, ...authErrors, ...notFound },
});

/** Days a silent consignee is given after a step of the follow-up ladder. */
const WaitDays = z.number().int().min(1).max(90);

const SettingsSchema = z
  .object({
    manufacturer: z
      .object({
        name: z.string().trim().min(1, 'is required').max(200),
        nameZh: z.string().trim().min(1).max(200).nullable(),
        address: z.string().trim().max(500),
        contact: z.string().trim().max(200),
        fdaRegistration: z.string().regex(/^[0-9]{7,10}$/, 'is the 7 to 10 digit FDA registration number or FEI').nullable(),
        nmpaRegistration: z.string().trim().min(1).max(100).nullable(),
        euSrn: z.string().trim().min(1).max(40).nullable(),
      })
      .strict()
      .nullable(),
    alertLeadDays: z.number().int().min(0).max(30),
    escalationWaitDays: z.object({ letter: WaitDays, repeat_contact: WaitDays, registered_letter: WaitDays }).strict().optional(),
    calendarDays: z.array(z.object({ calendar: z.enum(['US', 'CN']), day: Day, working: z.boolean(), note: z.string().trim().max(200) }).strict()).max(2000),
    enteredYears: z.array(z.object({ calendar: z.enum(['US', 'CN']), year: z.number().int().min(1986).max(9998) }).strict()).max(200),
  })
  .strict()
  .openapi('RecallSettings');

const getSettings = createRoute({
  method: 'get',
  path: '/api/recalls/settings',
  tags: ['recall'],
  summary: 'Who the reports name as manufacturer, the deadline alert lead in working days, and the plant corrections to the regulators\' holiday calendars',
  security: bearer,
  responses: { 200: jsonResponse('The settings', z.object({ settings: RecallSettingsAnswerSchema })), ...authErrors },
});

const putSettings = createRoute({
  method: 'put',
  path: '/api/recalls/settings',
  tags: ['recall'],
  summary: 'Replace the recall settings (audited)',
  security: bearer,
  request: { body: jsonBody(SettingsSchema) },
  responses: { 200: jsonResponse('The settings', z.object({ settings: RecallSettingsAnswerSchema })), ...badRequest, ...authErrors, ...refused },
});

const acknowledge = createRoute({
  method: 'post',
  path: '/api/recalls/alerts/{id}/acknowledge',
  tags: ['recall'],
  summary: 'Acknowledge a deadline alert',
  security: bearer,
  request: { params: UuidParam },
  responses: { 204: { description: 'Acknowledged' }, ...badRequest, ...authErrors, 404: jsonResponse('No open alert with that id', ErrorSchema) },
});

const runJob = createRoute({
  method: 'post',
  path: '/api/recalls/deadlines/run',
  tags: ['recall'],
  summary: 'Run the deadline alert job now (it also runs every few minutes by itself)',
  security: bearer,
  responses: { 200: jsonResponse('What the job raised', z.object({ today: z.string(), raised: z.number() })), ...authErrors },
});

/** Registered before the case routes: /api/recalls/deadlines and /settings are not case ids. */
export function recallReportRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(deadlines, async (c) => {
      const listed = await listDeadlines(deps.db, c.req.valid('query').on);
      return c.json({ ...listed, alerts: await openDeadlineAlerts(deps.db) }, 200);
    })
    .openapi(getSettings, async (c) => c.json({ settings: await readRecallSettings(deps.db) }, 200))
    .openapi(putSettings, async (c) => c.json({ settings: await saveRecallSettings(deps.db, c.get('session')!, c.req.valid('json')) }, 200))
    .openapi(runJob, async (c) => c.json(await runDeadlineJob(deps.db), 200))
    .openapi(acknowledge, async (c) => {
      await acknowledgeDeadlineAlert(deps.db, actorOf(c.get('session')!), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(last, async (c) => {
      const drill = await lastDrill(deps.db);
      return c.json({ drill }, 200);
    })
    .openapi(startDrill, async (c) => {
      const body = c.req.valid('json');
      return c.json({ drill: await runDrill(deps.db, c.get('session')!, { scope: body.scope as ScopeInput, reason: body.reason }) }, 201);
    })
    .openapi(caseDrill, async (c) => c.json({ drill: await readDrill(deps.db, c.req.valid('param').id) }, 200))
    .openapi(caseDeadlines, async (c) => {
      const id = c.req.valid('param').id;
      const found = await getRecall(deps.db, id);
      return c.json({ clocks: await caseClocks(deps.db, found, c.req.valid('query').on), events: await caseEvents(deps.db, id) }, 200);
    })
    .openapi(recordEvent, async (c) => c.json({ event: await recordCaseAct(deps.db, c.get('session')!, c.req.valid('param').id, c.req.valid('json')) }, 201))
    .openapi(report, async (c) => {
      const { id, file } = c.req.valid('param');
      const [kind, format] = file.split('.') as [ReportKind, ReportFormat];
      const made = kind === 'drill' ? await generateDrillReport(deps.db, c.get('session')!, id, format) : await generateCaseReport(deps.db, c.get('session')!, id, kind as CaseReportKind, format);
      return c.body(new Uint8Array(made.body), 200, {
        'content-type': made.contentType,
        'content-disposition': `attachment; filename="${made.filename}"`,
        'x-content-type-options': 'nosniff',
      });
    });
}
