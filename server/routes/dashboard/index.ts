import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { MAX_BAND_DAY } from '../../../domain/dashboard';
import { LOT_STATUSES } from '../../../domain/lots';
import type { Session } from '../../auth';
import { plantToday, systemClock } from '../../clock';
import { DRILL_FIGURES, drillCondition, drillDown, exportRows, readDashboardSettings, readStockDashboard, resolveSite, saveDashboardSettings, type ExportFormat } from '../../dashboard';
import { actorOf, type AppDeps, type AppEnv } from '../../http/env';
import { ErrorSchema, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';

const Code = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,29}$/, 'must be a code of capital letters, digits and dashes');
const refused = { 422: jsonResponse('Settings that overlap, leave gaps or do not rise; a bucket the site does not have; several sites and none named', ErrorSchema) } as const;
const notFound = { 404: jsonResponse('No such site', ErrorSchema) } as const;

const Place = { site: Code.optional(), warehouse: Code.optional() };
const FigureQuery = z.object({
  ...Place,
  figure: z.enum(DRILL_FIGURES),
  bucket: z.string().regex(/^\d{1,5}(-\d{1,5}|\+)$|^(expired|none)$/, 'must be a bucket key the summary gave').optional(),
  location: Code.optional(),
  status: z.enum(LOT_STATUSES).optional(),
});

const Band = z.object({ from: z.number().int().min(0).max(MAX_BAND_DAY), to: z.number().int().min(0).max(MAX_BAND_DAY).nullable() }).strict();
const SettingsBody = z
  .object({
    site: Code,
    version: z.number().int().min(0),
    expiryBands: z.array(Band).max(50),
    ageingBands: z.array(Band).max(50),
    nearExpiryDays: z.number().int(),
    deadStockDays: z.number().int(),
    longHoldDays: z.number().int(),
  })
  .strict();

const BandSchema = z.object({ from: z.number().int(), to: z.number().int().nullable().openapi({ description: 'null: no upper end' }) });
const SiteSettingsSchema = z
  .object({
    site: z.string(),
    settings: z.object({
      expiryBands: z.array(BandSchema),
      ageingBands: z.array(BandSchema),
      nearExpiryDays: z.number().int(),
      deadStockDays: z.number().int(),
      longHoldDays: z.number().int(),
    }),
    version: z.number().int().openapi({ description: '0 while the site reads with the defaults' }),
  })
  .openapi('DashboardSiteSettings');
const StockRowSchema = z
  .object({
    lotId: z.string(),
    locationId: z.string(),
    lotNumber: z.string(),
    gtin: z.string(),
    sku: z.string(),
    itemName: z.string(),
    warehouse: z.string(),
    location: z.string(),
    status: z.enum(LOT_STATUSES),
    expiresOn: z.string().nullable(),
    agedOn: z.string(),
    movedOn: z.string(),
    statusSince: z.string(),
    qty: z.string(),
    standardCost: z.string().nullable().openapi({ description: 'null for those not shown costs, or an item without one' }),
    value: z.string().nullable(),
  })
  .openapi('StockRow');

const AmountSchema = {
  qty: z.string().openapi({ description: 'Quantity, exact decimal text', example: '1250.5' }),
  value: z.string().nullable().openapi({ description: 'Value at standard cost, exact decimal text; null for those not shown costs' }),
  uncostedQty: z.string().openapi({ description: 'Of qty, the part whose item has no standard cost (counted, not valued)' }),
  rows: z.number().int().openapi({ description: 'Balance rows summed: what the drill-down lists' }),
};
const PlaceSchema = z.object({ warehouse: z.string(), location: z.string().optional(), status: z.enum(LOT_STATUSES), ...AmountSchema });
const BucketSchema = z.object({ key: z.string().openapi({ description: 'The bucket to drill into (bucket=)' }), label: z.string(), ...AmountSchema });
const Limited = z.object({ days: z.number().int(), ...AmountSchema });
const DashboardSchema = z
  .object({
    site: z.string(),
    warehouse: z.string().nullable(),
    asOf: z.string().openapi({ description: 'Names the state shown; give it to a drill-down to learn whether the stock changed since' }),
    today: z.string(),
    costVisible: z.boolean(),
    settings: SiteSettingsSchema,
    onHand: z.object(AmountSchema),
    byStatus: z.array(z.object({ status: z.enum(LOT_STATUSES), ...AmountSchema })),
    byWarehouse: z.array(PlaceSchema),
    byLocation: z
      .object({ rows: z.array(PlaceSchema), next: z.string().nullable().openapi({ description: 'Cursor (after=) of the next page of locations; null on the last' }) })
      .nullable()
      .openapi({ description: 'The warehouse asked for by location and status, in code order, a page at a time; null without warehouse=' }),
    expiry: z.array(BucketSchema).openapi({ description: 'Expired, each of the site’s bands of days left, and no expiry date: disjoint, summing to onHand' }),
    nearExpiry: Limited,
    ageing: z.array(BucketSchema).openapi({ description: 'By receipt or production date, summing to onHand' }),
    deadStock: Limited,
    longHolds: Limited,
    negative: z.object({ qty: z.string(), rows: z.number().int() }),
  })
  .openapi('StockDashboard');

const summary = createRoute({
  method: 'get',
  path: '/api/dashboard/stock',
  tags: ['dashboard'],
  summary: "A site's stock by status and warehouse (and, for one warehouse, by location, paged) with value at standard cost; expiry buckets, near-expiry, ageing, dead stock, long holds and negative balances; and the asOf token naming the state shown",
  security: bearer,
  request: {
    query: z.object({
      ...Place,
      after: z.string().max(80).optional().openapi({ description: 'With warehouse=: the byLocation.next cursor of the previous page' }),
      limit: z.coerce.number().int().min(1).max(5000).default(500).openapi({ description: 'With warehouse=: place rows per page of byLocation' }),
    }),
  },
  responses: { 200: jsonResponse('The dashboard', z.object({ dashboard: DashboardSchema })), ...badRequest, ...authErrors, ...notFound, ...refused },
});

const rows = createRoute({
  method: 'get',
  path: '/api/dashboard/stock/rows',
  tags: ['dashboard'],
  summary: 'The balance rows behind one figure, a page at a time; with the asOf of the summary it was opened from, says whether the stock changed since',
  security: bearer,
  request: {
    query: FigureQuery.extend({
      asOf: z.string().max(4100).optional(),
      after: z.string().max(80).optional(),
      limit: z.coerce.number().int().min(1).max(5000).default(500),
    }),
  },
  responses: { 200: jsonResponse('One page', z.object({ rows: z.array(StockRowSchema), next: z.string().nullable(), asOf: z.string(), changed: z.boolean().nullable() })), ...badRequest, ...authErrors, ...notFound, ...refused },
});

const exportRoute = (format: ExportFormat) =>
  createRoute({
    method: 'get',
    path: `/api/dashboard/stock/rows.${format}`,
    tags: ['dashboard'],
    summary: `Every row behind one figure as ${format.toUpperCase()}, streamed; X-Row-Count says how many are coming`,
    security: bearer,
    request: { query: FigureQuery },
    responses: { 200: { description: `The rows as ${format.toUpperCase()}` }, ...badRequest, ...authErrors, ...notFound, ...refused },
  });

const getSettings = createRoute({
  method: 'get',
  path: '/api/dashboard/settings',
  tags: ['dashboard'],
  summary: "A site's expiry buckets, ageing bands, near-expiry, dead-stock and long-hold limits (the defaults at version 0)",
  security: bearer,
  request: { query: z.object({ site: Code.optional() }) },
  responses: { 200: jsonResponse('The settings', z.object({ settings: SiteSettingsSchema })), ...badRequest, ...authErrors, ...notFound, ...refused },
});

const putSettings = createRoute({
  method: 'put',
  path: '/api/dashboard/settings',
  tags: ['dashboard'],
  summary: "Replace a site's dashboard settings (audited); bands that overlap, leave a gap or do not rise are refused with every problem listed",
  security: bearer,
  request: { body: jsonBody(SettingsBody) },
  responses: { 200: jsonResponse('The settings', z.object({ settings: SiteSettingsSchema })), ...badRequest, ...authErrors, ...notFound, 409: jsonResponse('Changed meanwhile', ErrorSchema), ...refused },
});

/** Value at standard cost is the plant's money: shown to those who answer for it. */
export const seesStockValue = (session: Session) => session.user.roles.some((r) => r === 'supervisor' || r === 'admin');

export function dashboardRoutes(deps: AppDeps) {
  const today = () => plantToday((deps.clock ?? systemClock).now());
  const viewer = (c: Context<AppEnv>) => seesStockValue(c.get('session')!);
  const exportHandler = (format: ExportFormat) => async (c: Context<AppEnv>, q: z.infer<typeof FigureQuery>) => {
    const site = await resolveSite(deps.db, q.site);
    const day = today();
    const settings = await readDashboardSettings(deps.db, site);
    const where = drillCondition({ ...q, site }, settings, day);
    const made = await exportRows(deps.db, where, format, viewer(c), (error) => console.error('dashboard export failed:', error));
    const name = `stock-${site}-${q.figure}${q.bucket ? `-${q.bucket.replace('+', 'plus')}` : ''}-${day}.${format}`;
    return c.body(made.body, 200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name}"`,
      'x-row-count': String(made.rows),
      'x-content-type-options': 'nosniff',
    });
  };
  const csv = exportHandler('csv');
  const xlsx = exportHandler('xlsx');
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(summary, async (c) => {
      const q = c.req.valid('query');
      const site = await resolveSite(deps.db, q.site);
      const dashboard = await readStockDashboard(deps.db, { site, warehouse: q.warehouse, after: q.after, limit: q.limit, today: today(), costVisible: viewer(c) });
      return c.json({ dashboard }, 200);
    })
    .openapi(rows, async (c) => {
      const q = c.req.valid('query');
      const site = await resolveSite(deps.db, q.site);
      const page = await drillDown(deps.db, { ...q, site, today: today(), costVisible: viewer(c) });
      return c.json(page, 200);
    })
    .openapi(exportRoute('csv'), (c) => csv(c, c.req.valid('query')))
    .openapi(exportRoute('xlsx'), (c) => xlsx(c, c.req.valid('query')))
    .openapi(getSettings, async (c) => {
      const site = await resolveSite(deps.db, c.req.valid('query').site);
      return c.json({ settings: await readDashboardSettings(deps.db, site) }, 200);
    })
    .openapi(putSettings, async (c) => {
      const { site, version, ...next } = c.req.valid('json');
      return c.json({ settings: await saveDashboardSettings(deps.db, actorOf(c.get('session')!), site, next, version) }, 200);
    });
}
