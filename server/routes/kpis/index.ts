import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { KPI_IDS, isKpiId, parsePeriod, type Period } from '../../../domain/kpi';
import { plantToday } from '../../clock';
import { AppError } from '../../errors';
import type { AppDeps, AppEnv } from '../../http/env';
import { ErrorSchema, authErrors, badRequest, bearer, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { readKpis } from '../../kpi';

const Localized = z.object({ en: z.string(), 'zh-CN': z.string() }).openapi('LocalizedText');
const KpiSchema = z
  .object({
    id: z.enum(KPI_IDS as [string, ...string[]]),
    label: Localized,
    unit: z.enum(['percent', 'per_1000', 'hours', 'ms', 'days', 'count', 'ratio']),
    better: z.enum(['higher', 'lower', 'none']),
    target: z.object({ min: z.number(), max: z.number() }).nullable(),
    formula: Localized,
    value: z.number().nullable().openapi({ description: 'null when the inputs give nothing to stand on (no labels, no recall in the period, no stock)' }),
    inputs: z.array(z.object({ name: z.string(), label: Localized, value: z.number() })),
  })
  .openapi('Kpi');
const PeriodSchema = z.object({ from: z.string(), to: z.string(), days: z.number().int() }).openapi('KpiPeriod');

const day = (name: 'from' | 'to', description: string) => z.string().max(40).optional().openapi({ param: { name, in: 'query' }, description, example: name === 'from' ? '2025-01-01' : '2025-02-01' });
const PeriodQuery = z.object({
  from: day('from', 'First plant day of the period (YYYY-MM-DD); 30 days before `to` when absent'),
  to: day('to', 'The day after the period (YYYY-MM-DD, exclusive), at the latest tomorrow; tomorrow when absent'),
});
const refused = { 422: jsonResponse('A day that is not a date, from not before to, a period past today or longer than three years; details.field names the parameter', ErrorSchema) } as const;

const list = createRoute({
  method: 'get',
  path: '/api/kpis',
  tags: ['kpi'],
  summary: 'Every KPI over the period [from, to): its label, unit and formula, its figure, and the inputs it was computed from',
  security: bearer,
  request: { query: PeriodQuery },
  responses: { 200: jsonResponse('The KPIs', z.object({ period: PeriodSchema, kpis: z.array(KpiSchema) })), ...badRequest, ...authErrors, ...refused },
});

const one = createRoute({
  method: 'get',
  path: '/api/kpis/{id}',
  tags: ['kpi'],
  summary: 'One KPI over the period [from, to), with the inputs it was computed from',
  security: bearer,
  request: { params: z.object({ id: z.string().regex(/^[a-z0-9_]{1,64}$/, 'is not a KPI id').openapi({ param: { name: 'id', in: 'path' }, example: 'reprint_rate' }) }), query: PeriodQuery },
  responses: { 200: jsonResponse('The KPI', z.object({ period: PeriodSchema, kpi: KpiSchema })), ...badRequest, ...authErrors, 404: jsonResponse('No KPI with that id', ErrorSchema), ...refused },
});

function periodOf(query: { from?: string | undefined; to?: string | undefined }): Period {
  const checked = parsePeriod(query, plantToday());
  if (!checked.ok) throw new AppError(422, checked.code, checked.message, { field: checked.field });
  return { from: checked.from, to: checked.to, days: checked.days };
}

export function kpiRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const period = periodOf(c.req.valid('query'));
      return c.json({ period, kpis: await readKpis(deps.db, period) }, 200);
    })
    .openapi(one, async (c) => {
      const { id } = c.req.valid('param');
      if (!isKpiId(id)) throw new AppError(404, 'not_found', `No KPI '${id}'. The KPIs are: ${KPI_IDS.join(', ')}.`);
      const period = periodOf(c.req.valid('query'));
      const [kpi] = await readKpis(deps.db, period, [id]);
      return c.json({ period, kpi: kpi! }, 200);
    });
}
