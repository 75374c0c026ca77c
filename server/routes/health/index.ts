import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../http/env';
import { jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';

const HealthSchema = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }).openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  summary: 'Liveness, database kind and server version',
  responses: { 200: jsonResponse('The server and its database answer', HealthSchema) },
});

export function healthRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(health, async (c) => {
    await deps.db.query('SELECT 1');
    return c.json({ status: 'ok' as const, db: deps.db.kind, version: deps.version }, 200);
  });
}
