import { randomBytes } from 'node:crypto';
import { patternProblem } from '../../domain/events';
import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError, notFound } from '../errors';
import { headPosition } from './store';

/** A subscription as the console sees it: never its secret, which is shown once at creation. */
export interface WebhookSubscription {
  id: string;
  url: string;
  eventFilter: string[];
  description: string;
  active: boolean;
  position: number;
  version: number;
  createdAt: string;
  pending: number;
  deadLetters: number;
}

export interface DeadLetter {
  id: number;
  subscriptionId: string;
  url: string;
  eventPosition: number;
  eventId: string;
  eventType: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  deadLetteredAt: string;
}

export interface NewSubscription {
  url: string;
  eventFilter: string[];
  description?: string | undefined;
  /** Deliver events after this position; the current head (only new events) when absent. */
  fromPosition?: number | undefined;
}

const bad = (field: string, message: string) => new AppError(400, 'invalid_input', `${field} ${message}`, { field });

/** Why a URL cannot receive webhooks, or null. */
export function webhookUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must be an http:// or https:// URL';
  if (parsed.username || parsed.password) return 'must not carry a user name or password: the signature authenticates Lotline';
  if (parsed.hash) return 'must not have a #fragment';
  return null;
}

function checkFilter(filter: readonly string[]): void {
  if (filter.length === 0) throw bad('eventFilter', 'needs at least one pattern');
  filter.forEach((pattern, i) => {
    const problem = patternProblem(pattern);
    if (problem) throw new AppError(400, 'invalid_input', `eventFilter[${i}] "${pattern}" ${problem}`, { field: `eventFilter.${i}` });
  });
}

const SELECT = `
  SELECT s.id, s.url, s.event_filter, s.description, s.active, s.position::text, s.version, s.created_at,
         count(d.id) FILTER (WHERE d.delivered_at IS NULL AND d.dead_lettered_at IS NULL)::int AS pending,
         count(d.id) FILTER (WHERE d.delivered_at IS NULL AND d.dead_lettered_at IS NOT NULL)::int AS dead
    FROM webhook_subscriptions s LEFT JOIN webhook_deliveries d ON d.subscription_id = s.id`;

interface SubscriptionRow {
  id: string;
  url: string;
  event_filter: string[];
  description: string;
  active: boolean;
  position: string;
  version: number;
  created_at: Date | string;
  pending: number;
  dead: number;
}

const toSubscription = (r: SubscriptionRow): WebhookSubscription => ({
  id: r.id,
  url: r.url,
  eventFilter: r.event_filter,
  description: r.description,
  active: r.active,
  position: Number(r.position),
  version: r.version,
  createdAt: new Date(r.created_at).toISOString(),
  pending: r.pending,
  deadLetters: r.dead,
});

export async function listSubscriptions(db: Queryable): Promise<WebhookSubscription[]> {
  const found = await db.query<SubscriptionRow>(`${SELECT} GROUP BY s.id ORDER BY s.created_at, s.id`);
  return found.rows.map(toSubscription);
}

export async function getSubscription(db: Queryable, id: string): Promise<WebhookSubscription> {
  const found = await db.query<SubscriptionRow>(`${SELECT} WHERE s.id = $1 GROUP BY s.id`, [id]);
  if (!found.rows[0]) throw notFound('The webhook subscription');
  return toSubscription(found.rows[0]);
}

/** Creates a subscription; the answer holds the signing secret, the only time it is shown. */
export async function createSubscription(db: Db, actor: Actor, input: NewSubscription): Promise<WebhookSubscription & { secret: string }> {
  const urlProblem = webhookUrlProblem(input.url);
  if (urlProblem) throw bad('url', urlProblem);
  checkFilter(input.eventFilter);
  const secret = `whsec_${randomBytes(32).toString('hex')}`;
  const id = await db.transaction(async (tx) => {
    const head = await headPosition(tx);
    if (input.fromPosition !== undefined && input.fromPosition > head) throw bad('fromPosition', `is past the last event (${head})`);
    const made = await tx.query<{ id: string }>(
      `INSERT INTO webhook_subscriptions (url, secret, event_filter, description, position, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.url, secret, input.eventFilter, input.description ?? '', input.fromPosition ?? head, actor.id],
    );
    const subscriptionId = made.rows[0]!.id;
    await appendAudit(tx, actor, [{ action: 'webhook.subscribe', entityType: 'webhook_subscription', entityId: subscriptionId, after: { url: input.url, eventFilter: input.eventFilter, fromPosition: input.fromPosition ?? head } }]);
    return subscriptionId;
  });
  return { ...(await getSubscription(db, id)), secret };
}

async function lockSubscription(tx: Queryable, id: string): Promise<{ active: boolean; position: number; version: number }> {
  const found = await tx.query<{ active: boolean; position: string; version: number }>('SELECT active, position::text, version FROM webhook_subscriptions WHERE id = $1 FOR UPDATE', [id]);
  const row = found.rows[0];
  if (!row) throw notFound('The webhook subscription');
  return { active: row.active, position: Number(row.position), version: row.version };
}

/** Stops (or resumes) deliveries; pending ones wait, nothing is dropped. */
export async function setSubscriptionActive(db: Db, actor: Actor, id: string, active: boolean, reason: string): Promise<WebhookSubscription> {
  await db.transaction(async (tx) => {
    const before = await lockSubscription(tx, id);
    if (before.active === active) return;
    await tx.query('UPDATE webhook_subscriptions SET active = $2, version = version + 1, updated_at = now() WHERE id = $1', [id, active]);
    await appendAudit(tx, actor, [{ action: active ? 'webhook.enable' : 'webhook.disable', entityType: 'webhook_subscription', entityId: id, before: { active: before.active }, after: { active }, reason }]);
  });
  return getSubscription(db, id);
}

/**
 * Sends again every matching event after `fromPosition`: the subscription's cursor goes back and
 * its undelivered deliveries are dropped from the queue (marked dead with the replay as reason),
 * so the receiver gets one ordered run, not the old queue and the replay interleaved.
 */
export async function replaySubscription(db: Db, actor: Actor, id: string, fromPosition: number, reason: string): Promise<WebhookSubscription> {
  await db.transaction(async (tx) => {
    const before = await lockSubscription(tx, id);
    const head = await headPosition(tx);
    if (fromPosition > head) throw bad('fromPosition', `is past the last event (${head})`);
    await tx.query(
      `UPDATE webhook_deliveries SET dead_lettered_at = now(), last_error = 'superseded by a replay'
        WHERE subscription_id = $1 AND delivered_at IS NULL AND dead_lettered_at IS NULL`,
      [id],
    );
    await tx.query('UPDATE webhook_subscriptions SET position = $2, version = version + 1, updated_at = now() WHERE id = $1', [id, fromPosition]);
    await appendAudit(tx, actor, [{ action: 'webhook.replay', entityType: 'webhook_subscription', entityId: id, before: { position: before.position }, after: { position: fromPosition }, reason }]);
  });
  return getSubscription(db, id);
}

export async function listDeadLetters(db: Queryable, limit = 200): Promise<DeadLetter[]> {
  const found = await db.query<{
    id: string; subscription_id: string; url: string; event_position: string; event_id: string; event_type: string;
    attempts: number; last_status: number | null; last_error: string | null; dead_lettered_at: Date | string;
  }>(
    `SELECT d.id::text, d.subscription_id, s.url, d.event_position::text, d.event_id::text, d.event_type, d.attempts, d.last_status, d.last_error, d.dead_lettered_at
       FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
      WHERE d.dead_lettered_at IS NOT NULL AND d.delivered_at IS NULL
      ORDER BY d.dead_lettered_at DESC, d.id DESC LIMIT $1`,
    [limit],
  );
  return found.rows.map((r) => ({
    id: Number(r.id),
    subscriptionId: r.subscription_id,
    url: r.url,
    eventPosition: Number(r.event_position),
    eventId: r.event_id,
    eventType: r.event_type,
    attempts: r.attempts,
    lastStatus: r.last_status,
    lastError: r.last_error,
    deadLetteredAt: new Date(r.dead_lettered_at).toISOString(),
  }));
}

/**
 * Puts a dead letter back in its subscription's queue with a fresh count of attempts. It keeps
 * its place by position, so it goes before anything newer still waiting.
 */
export async function retryDeadLetter(db: Db, actor: Actor, deliveryId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const revived = await tx.query<{ subscription_id: string }>(
      `UPDATE webhook_deliveries SET dead_lettered_at = NULL, attempts = 0, next_attempt_at = now()
        WHERE id = $1 AND dead_lettered_at IS NOT NULL AND delivered_at IS NULL RETURNING subscription_id`,
      [deliveryId],
    );
    if (!revived.rows[0]) throw notFound('The dead letter');
    await appendAudit(tx, actor, [{ action: 'webhook.retry', entityType: 'webhook_delivery', entityId: String(deliveryId), after: { subscriptionId: revived.rows[0].subscription_id } }]);
  });
}
