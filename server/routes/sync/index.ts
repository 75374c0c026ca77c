import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { DOWN_COLLECTIONS, type OpDoc, type PushRow } from '../../../sync';
import type { AppDeps, AppEnv } from '../../http/env';
import { DbUuid, ErrorSchema, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { acknowledgeHolds } from '../../recall';
import { COLLECTIONS } from '../../sync/collections';
import { requireDevice } from '../../sync/device-session';
import type { ChangeHub } from '../../sync/hub';
import { sharedPages } from '../../sync/shared-pages';
import { recordPushFailure } from '../../sync/push-failures';
import { pushOps } from '../../sync/push-ops';
import { sessionStillValid, streamChanges } from '../../sync/sse';

const CheckpointSchema = z.object({ xid: z.string(), id: z.string() }).nullable();
const Document = z.record(z.string(), z.unknown());

const PullPage = z.object({ documents: z.array(Document), checkpoint: CheckpointSchema, heldBack: z.boolean().optional() });

/** A page already written out as JSON, answered as the route declares it. */
const pageResponse = (body: string) => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }) as Response & TypedResponse<JSONParsed<z.infer<typeof PullPage>>, 200, 'json'>;

const pull = createRoute({
  method: 'get',
  path: '/api/sync/{collection}/pull',
  tags: ['sync'],
  summary: 'Changes after a checkpoint, in commit-safe order',
  security: bearer,
  request: {
    params: z.object({ collection: z.enum([...DOWN_COLLECTIONS, 'ops']).openapi({ param: { name: 'collection', in: 'path' } }) }),
    query: z.object({
      xid: z.string().regex(/^\d{1,20}$/, 'must be a transaction id').optional(),
      id: DbUuid.optional(),
      limit: z.coerce.number().int().min(1).max(5000).default(500),
      stored: z.enum(['true']).optional().openapi({ description: 'The device has stored everything up to the checkpoint: at the end of the lots, that acknowledges the recall holds among them' }),
    }),
  },
  responses: { 200: jsonResponse('A page of documents and the checkpoint after it; heldBack: newer rows wait for an older transaction, pull again shortly', PullPage), ...badRequest, ...authErrors, 409: jsonResponse('The client speaks an older sync format', ErrorSchema) },
});

const push = createRoute({
  method: 'post',
  path: '/api/sync/ops/push',
  tags: ['sync'],
  summary: 'Send ops; answers with the server copy of every op whose assumed state was wrong',
  security: bearer,
  request: { body: jsonBody(z.array(z.object({ assumedMasterState: Document.nullish(), newDocumentState: Document })).max(2000, 'send at most 2000 ops at once')) },
  responses: { 200: jsonResponse('Conflicting master documents (empty when all were taken)', z.array(Document)), ...badRequest, ...authErrors, 409: jsonResponse('The client speaks an older sync format', ErrorSchema) },
});

const stream = createRoute({
  method: 'get',
  path: '/api/sync/stream',
  tags: ['sync'],
  summary: 'Server-sent events: `resync` when opened, then `changed` with the collections to pull',
  security: bearer,
  responses: { 200: { description: 'text/event-stream' }, ...authErrors },
});

export function syncRoutes(deps: AppDeps & { hub: ChangeHub }) {
  const pullChanges = sharedPages();
  // A shared page goes to every device that asks for it: written out as JSON once, not per device.
  const written = new WeakMap<object, string>();
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(pull, async (c) => {
      const device = await requireDevice(deps.db, c, c.get('session')!);
      const { collection } = c.req.valid('param');
      const q = c.req.valid('query');
      const checkpoint = q.xid && q.id ? { xid: q.xid, id: q.id } : null;
      const page = await pullChanges(deps.db, COLLECTIONS[collection], checkpoint, q.limit, device.deviceId);
      // A device at the end of the lots that has stored everything before its checkpoint has every
      // recall hold among them: that is its acknowledgement. Pages on the way there are not checked.
      if (collection === 'lots' && checkpoint && q.stored && page.documents.length < q.limit) await acknowledgeHolds(deps.db, device.deviceId, checkpoint);
      let body = written.get(page);
      if (body === undefined) written.set(page, (body = JSON.stringify(page)));
      return pageResponse(body);
    })
    .openapi(push, async (c) => {
      const device = await requireDevice(deps.db, c, c.get('session')!);
      const rows = c.req.valid('json') as unknown as PushRow<OpDoc>[];
      try {
        const result = await pushOps(deps.db, device, rows);
        return c.json(result.conflicts as unknown as Record<string, unknown>[], 200);
      } catch (error) {
        await recordPushFailure(deps.db, device.deviceId, error);
        throw error;
      }
    })
    .openapi(stream, async (c) => {
      const device = await requireDevice(deps.db, c, c.get('session')!);
      return streamChanges(c, deps.hub, device.deviceId, sessionStillValid(deps.db, c));
    });
}
