import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { DICTIONARY_LANGS, buildDictionary, dictionaryMarkdown, type ApiSchema, type DbSnapshot } from '../../../domain/dictionary';
import { apiSchemas, readDbSnapshot } from '../../dictionary';
import type { AppDeps, AppEnv } from '../../http/env';
import { authErrors, badRequest, bearer } from '../../http/schemas';
import { validationHook } from '../../http/validation';

const Field = z.object({
  name: z.string(),
  type: z.string(),
  nullable: z.boolean(),
  unit: z.string().nullable(),
  codes: z.array(z.string()).nullable(),
  rules: z.array(z.string()),
  description: z.string(),
  described: z.enum(['curated', 'generated']).openapi({ description: 'curated: written by hand; generated: made from the name until someone writes one' }),
});

const DictionarySchema = z
  .object({
    lang: z.enum(DICTIONARY_LANGS),
    tables: z.array(z.object({ name: z.string(), kind: z.enum(['table', 'view']), description: z.string(), described: z.enum(['curated', 'generated']), fields: z.array(Field), rules: z.array(z.string()) })),
    entities: z.array(z.object({ name: z.string(), description: z.string(), described: z.enum(['curated', 'generated']), fields: z.array(Field) })),
  })
  .openapi('DataDictionary');

const dictionary = createRoute({
  method: 'get',
  path: '/api/dictionary',
  tags: ['system'],
  summary: 'The data dictionary: every table and API entity with its fields, types, units, code lists and descriptions (en or zh-CN), as JSON or Markdown',
  security: bearer,
  request: {
    query: z.object({
      lang: z.enum(DICTIONARY_LANGS).optional().openapi({ description: 'Language of the descriptions; en when absent' }),
      format: z.enum(['json', 'md']).optional().openapi({ description: 'md answers the same dictionary as Markdown (text/markdown), as docs/dictionary.md has it' }),
    }),
  },
  responses: {
    200: { description: 'The dictionary', content: { 'application/json': { schema: DictionarySchema }, 'text/markdown': { schema: z.string() } } },
    ...badRequest,
    ...authErrors,
  },
});

/**
 * The dictionary of this server's own database and routes. The schema is read once: migrations
 * run before the server answers, so it does not change while it runs.
 */
export function dictionaryRoutes(deps: AppDeps, document: () => { components?: { schemas?: Record<string, unknown> } }) {
  let snapshot: Promise<DbSnapshot> | undefined;
  let schemas: Record<string, ApiSchema> | undefined;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(dictionary, async (c) => {
    const { lang = 'en', format = 'json' } = c.req.valid('query');
    snapshot ??= readDbSnapshot(deps.db).catch((error: unknown) => {
      snapshot = undefined;
      throw error;
    });
    const built = buildDictionary(await snapshot, (schemas ??= apiSchemas(document())), lang);
    if (format === 'md') return c.body(dictionaryMarkdown(built), 200, { 'content-type': 'text/markdown; charset=utf-8' });
    return c.json(built, 200);
  });
}
