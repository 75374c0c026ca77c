import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { createSubscription, eventsAfter, listDeadLetters, listSubscriptions, replaySubscription, retryDeadLetter, setSubscriptionActive } from '../../events';
import type { AppDeps, AppEnv } from '../../http/env';
import { actorOf } from '../../http/env';
import { ErrorSchema, UuidParam, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';

const EventSchema = z
  .object({
    position: z.number().int(),
    eventId: z.string(),
    site: z.string(),
    aggregateType: z.string(),
    aggregateId: z.string(),
    eventType: z.string(),
    occurredAt: z.string(),
    payload: z.record(z.string(), z.unknown()),
  })
  .openapi('DomainEvent');

const SubscriptionSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    eventFilter: z.array(z.string()),
    description: z.string(),
    active: z.boolean(),
    position: z.number().int().openapi({ description: 'The last event position queued for this subscription' }),
    version: z.number().int(),
    createdAt: z.string(),
    pending: z.number().int(),
    deadLetters: z.number().int(),
  })
  .openapi('WebhookSubscription');

const DeadLetterSchema = z
  .object({
    id: z.number().int(),
    subscriptionId: z.string(),
    url: z.string(),
    eventPosition: z.number().int(),
    eventId: z.string(),
    eventType: z.string(),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deadLetteredAt: z.string(),
  })
  .openapi('WebhookDeadLetter');

const Position = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Reason = z.string().trim().min(1, 'is required').max(500);

const NewSubscriptionBody = z
  .object({
    url: z.string().trim().min(1, 'is required').max(2000),
    eventFilter: z.array(z.string().trim().max(100)).min(1, 'needs at least one pattern').max(50),
    description: z.string().trim().max(200).optional(),
    fromPosition: Position.optional().openapi({ description: 'Deliver events after this position; only new events when absent' }),
  })
  .openapi('NewWebhookSubscription');

const events = createRoute({
  method: 'get',
  path: '/api/events',
  tags: ['events'],
  summary: 'Domain events after a position, in commit order (the outbox the relay publishes)',
  security: bearer,
  request: {
    query: z.object({
      after: z.coerce.number().int().min(0).default(0).openapi({ description: 'The last position already read' }),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
  },
  responses: { 200: jsonResponse('Events', z.object({ events: z.array(EventSchema), next: z.number().int() })), ...badRequest, ...authErrors },
});

const list = createRoute({
  method: 'get',
  path: '/api/webhooks',
  tags: ['events'],
  summary: 'Webhook subscriptions (without their secrets)',
  security: bearer,
  responses: { 200: jsonResponse('Subscriptions', z.object({ subscriptions: z.array(SubscriptionSchema) })), ...authErrors },
});

const create = createRoute({
  method: 'post',
  path: '/api/webhooks',
  tags: ['events'],
  summary: 'Subscribe a URL to events; the answer carries the signing secret, shown this once',
  security: bearer,
  request: { body: jsonBody(NewSubscriptionBody) },
  responses: { 201: jsonResponse('Subscribed', SubscriptionSchema.extend({ secret: z.string() })), ...badRequest, ...authErrors },
});

const activeRoute = (active: boolean) =>
  createRoute({
    method: 'post',
    path: active ? '/api/webhooks/{id}/enable' : '/api/webhooks/{id}/disable',
    tags: ['events'],
    summary: active ? 'Resume deliveries' : 'Pause deliveries (nothing is dropped)',
    security: bearer,
    request: { params: UuidParam, body: jsonBody(z.object({ reason: Reason })) },
    responses: { 200: jsonResponse('Changed', SubscriptionSchema), ...badRequest, ...authErrors, 404: jsonResponse('No such subscription', ErrorSchema) },
  });

const replay = createRoute({
  method: 'post',
  path: '/api/webhooks/{id}/replay',
  tags: ['events'],
  summary: 'Send again every matching event after a position (undelivered ones are superseded)',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(z.object({ fromPosition: Position, reason: Reason })) },
  responses: { 200: jsonResponse('Replaying', SubscriptionSchema), ...badRequest, ...authErrors, 404: jsonResponse('No such subscription', ErrorSchema) },
});

const deadLetters = createRoute({
  method: 'get',
  path: '/api/webhooks/dead-letters',
  tags: ['events'],
  summary: 'Deliveries given up after every attempt, newest first',
  security: bearer,
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }) },
  responses: { 200: jsonResponse('Dead letters', z.object({ deadLetters: z.array(DeadLetterSchema) })), ...badRequest, ...authErrors },
});

const retry = createRoute({
  method: 'post',
  path: '/api/webhooks/dead-letters/{id}/retry',
  tags: ['events'],
  summary: 'Put a dead letter back in its queue',
  security: bearer,
  request: { params: z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 204: { description: 'Queued again' }, ...badRequest, ...authErrors, 404: jsonResponse('No such dead letter', ErrorSchema) },
});

export function eventRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(events, async (c) => {
      const { after, limit } = c.req.valid('query');
      const found = await eventsAfter(deps.db, after, limit);
      return c.json({ events: found, next: found.at(-1)?.position ?? after }, 200);
    })
    .openapi(list, async (c) => c.json({ subscriptions: await listSubscriptions(deps.db) }, 200))
    .openapi(create, async (c) => c.json(await createSubscription(deps.db, actorOf(c.get('session')!), c.req.valid('json')), 201))
    .openapi(activeRoute(false), async (c) => c.json(await setSubscriptionActive(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, false, c.req.valid('json').reason), 200))
    .openapi(activeRoute(true), async (c) => c.json(await setSubscriptionActive(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, true, c.req.valid('json').reason), 200))
    .openapi(replay, async (c) => {
      const { fromPosition, reason } = c.req.valid('json');
      return c.json(await replaySubscription(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, fromPosition, reason), 200);
    })
    .openapi(deadLetters, async (c) => c.json({ deadLetters: await listDeadLetters(deps.db, c.req.valid('query').limit) }, 200))
    .openapi(retry, async (c) => {
      await retryDeadLetter(deps.db, actorOf(c.get('session')!), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
