import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { requireSessionDevice } from '../../auth';
import { actorOf, type AppDeps, type AppEnv } from '../../http/env';
import { authErrors, badRequest, bearer, ErrorSchema, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { checkCompanyPrefix } from '../../numbering/sscc';
import { MAX_DEVICE_BLOCK, issueDeviceBlock, readLogisticsSettings, saveLogisticsSettings } from '../../packaging/sscc-label';
import { DEFAULT_SSCC_REUSE_MONTHS } from '../sscc';

const SettingsSchema = z
  .object({
    companyPrefix: z.string().regex(/^\d{6,12}$/, 'must be a GS1 Company Prefix of 6 to 12 digits'),
    extension: z.number().int().min(0, 'must be a digit 0-9').max(9, 'must be a digit 0-9'),
    shipFrom: z.object({
      name: z.string().min(1).max(60).openapi({ description: 'The plant as the SHIP FROM block names it' }),
      address: z.array(z.string().min(1).max(60)).max(3).default([]),
    }),
  })
  .openapi('LogisticsSettings', { description: "Where the plant's SSCCs are numbered from, and the ship-from of its logistic labels" });

const read = createRoute({
  method: 'get',
  path: '/api/logistics/settings',
  tags: ['labels'],
  summary: "The plant's SSCC company prefix and ship-from",
  security: bearer,
  responses: { 200: jsonResponse('The settings, or null before an admin sets them', z.object({ settings: SettingsSchema.nullable() })), ...authErrors },
});

const save = createRoute({
  method: 'put',
  path: '/api/logistics/settings',
  tags: ['labels'],
  summary: "Sets the plant's SSCC company prefix, extension digit and ship-from",
  security: bearer,
  request: { body: jsonBody(SettingsSchema) },
  responses: {
    200: jsonResponse('Saved', z.object({ settings: SettingsSchema })),
    ...badRequest,
    ...authErrors,
    422: jsonResponse('Not a whole GS1 Company Prefix', ErrorSchema),
  },
});

const deviceBlock = createRoute({
  method: 'post',
  path: '/api/logistics/device-ssccs',
  tags: ['labels'],
  summary: 'SSCCs issued to this handheld, for labelling new cases and pallets offline',
  description: `Needs the handheld's enrolment (X-Lotline-Device). Issued like any SSCC, from the plant's company prefix and extension digit, and recorded as the device's. At most ${MAX_DEVICE_BLOCK} at a time.`,
  security: bearer,
  request: {
    headers: z.object({ 'x-lotline-device': z.string().max(200).optional() }),
    body: jsonBody(z.object({ count: z.number().int().min(1).max(MAX_DEVICE_BLOCK).default(20) })),
  },
  responses: {
    201: jsonResponse('Issued, in order', z.object({ ssccs: z.array(z.string()) })),
    ...badRequest,
    ...authErrors,
    409: jsonResponse('No company prefix set yet, or every SSCC of it is in its reuse window', ErrorSchema),
  },
});

export function logisticsRoutes(deps: AppDeps) {
  const reuseMonths = deps.ssccReuseMonths ?? DEFAULT_SSCC_REUSE_MONTHS;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(read, async (c) => c.json({ settings: await readLogisticsSettings(deps.db) }, 200))
    .openapi(save, async (c) => {
      const session = c.get('session')!;
      const settings = await saveLogisticsSettings(deps.db, { ...actorOf(session), id: session.user.id }, c.req.valid('json'), checkCompanyPrefix);
      return c.json({ settings }, 200);
    })
    .openapi(deviceBlock, async (c) => {
      const session = c.get('session')!;
      const device = await requireSessionDevice(deps.db, session, c.req.valid('header')['x-lotline-device']);
      const ssccs = await issueDeviceBlock(deps.db, { ...actorOf(session), id: session.user.id }, device, c.req.valid('json').count, reuseMonths);
      return c.json({ ssccs }, 201);
    });
}
