import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { JURISDICTIONS } from '../../../domain/udi';
import type { AppDeps, AppEnv } from '../../http/env';
import { actorOf } from '../../http/env';
import { DbUuid, ErrorSchema, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { assignTemplateItem, listTemplateItems, setPublicationRule, unassignTemplateItem } from '../../printing/template-items';
import { publicationRule } from '../../printing/udi-check';

const errors = { 404: jsonResponse('Not found', ErrorSchema), 409: jsonResponse('Conflict', ErrorSchema), 422: jsonResponse('Refused', ErrorSchema) } as const;
const templateName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a template name: lower-case letters, digits and "-"');

const MismatchSchema = z.object({
  code: z.enum(['carried_not_declared', 'declared_not_carried']),
  ai: z.enum(['10', '21', '11', '17']),
  field: z.enum(['lot', 'serial', 'manufactureDate', 'expiry']).openapi({ description: "The DI record's production identifier" }),
  expected: z.enum(['carried', 'not carried']),
  found: z.enum(['in a barcode', 'human-readable only', 'not on the label', 'no value in the label data']),
});
const TemplateItemSchema = z
  .object({
    template: z.string(),
    itemId: z.string(),
    sku: z.string(),
    name: z.string(),
    udiDi: z.string().nullable().openapi({ description: "The UDI-DI of the item's device record; null: the item has none, its labels print unchecked" }),
    recordVersion: z.number().int().nullable(),
    published: z.boolean(),
    mismatches: z.array(MismatchSchema).openapi({ description: "How the template's approved version disagrees with the record now" }),
    assignedBy: z.string().nullable(),
    assignedAt: z.string(),
  })
  .openapi('LabelTemplateItem');
const SettingsSchema = z
  .object({
    publishBeforeSale: z.array(z.enum(JURISDICTIONS)).max(JURISDICTIONS.length).openapi({ description: 'Jurisdictions whose rule "DI data published before sale" the plant is held to; a label for an unpublished UDI-DI is refused under any of them' }),
  })
  .openapi('UdiLabelSettings');

const list = createRoute({
  method: 'get',
  path: '/api/template-items',
  tags: ['printing'],
  summary: 'Items assigned to label templates, each with how the approved version agrees with its UDI device record',
  security: bearer,
  request: { query: z.object({ template: templateName.optional() }) },
  responses: { 200: jsonResponse('Assignments', z.object({ items: z.array(TemplateItemSchema) })), ...badRequest, ...authErrors },
});
const assign = createRoute({
  method: 'post',
  path: '/api/template-items',
  tags: ['printing'],
  summary: "Assign an item to a template: approving the template's versions is checked against the item's DI record",
  security: bearer,
  request: { body: jsonBody(z.object({ template: templateName, itemId: DbUuid }).strict()) },
  responses: { 201: jsonResponse('Assigned', TemplateItemSchema), ...badRequest, ...authErrors, ...errors },
});
const unassign = createRoute({
  method: 'delete',
  path: '/api/template-items/{template}/{itemId}',
  tags: ['printing'],
  summary: 'Take an item off a template',
  security: bearer,
  request: { params: z.object({ template: templateName.openapi({ param: { name: 'template', in: 'path' } }), itemId: DbUuid.openapi({ param: { name: 'itemId', in: 'path' } }) }) },
  responses: { 204: { description: 'Taken off' }, ...badRequest, ...authErrors, ...errors },
});
const settings = createRoute({
  method: 'get',
  path: '/api/udi-label-settings',
  tags: ['printing'],
  summary: 'Which jurisdictions refuse a label for a UDI-DI whose data is not published',
  security: bearer,
  responses: { 200: jsonResponse('Settings', SettingsSchema), ...authErrors },
});
const changeSettings = createRoute({
  method: 'put',
  path: '/api/udi-label-settings',
  tags: ['printing'],
  summary: 'Change which jurisdictions refuse a label for an unpublished UDI-DI (audited)',
  security: bearer,
  request: { body: jsonBody(SettingsSchema.strict()) },
  responses: { 200: jsonResponse('Settings', SettingsSchema), ...badRequest, ...authErrors },
});

export function templateItemRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => c.json({ items: await listTemplateItems(deps.db, c.req.valid('query').template) }, 200))
    .openapi(assign, async (c) => c.json(await assignTemplateItem(deps.db, actorOf(c.get('session')!), c.req.valid('json')), 201))
    .openapi(unassign, async (c) => {
      await unassignTemplateItem(deps.db, actorOf(c.get('session')!), c.req.valid('param'));
      return c.body(null, 204);
    })
    .openapi(settings, async (c) => c.json({ publishBeforeSale: await publicationRule(deps.db) }, 200))
    .openapi(changeSettings, async (c) => c.json({ publishBeforeSale: await setPublicationRule(deps.db, actorOf(c.get('session')!), c.req.valid('json').publishBeforeSale) }, 200));
}
