import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, afterFailure, matchesFilter, type RetryPolicy } from '../../domain/events';
import type { Db } from '../db';
import { signWebhook } from './sign';
import { eventAt, eventsAfter, type DomainEvent } from './store';

export interface WebhookSettings {
  retry: RetryPolicy;
  timeoutMs: number;
  /** Deliveries sent to one subscription per pass, so one busy receiver does not hold the rest. */
  perPass: number;
}

/**
 * Turns new events into deliveries for every active subscription whose filter takes them, and
 * moves the subscription's cursor past what it read, in one transaction: an event is queued
 * once per run through the log, and a subscription another instance is fanning out is skipped.
 */
export async function fanOutWebhooks(db: Db, batch = 500): Promise<number> {
  const subscriptions = await db.query<{ id: string }>(
    `SELECT id FROM webhook_subscriptions WHERE active AND position < (SELECT coalesce(max(position), 0) FROM domain_events) ORDER BY id`,
  );
  let queued = 0;
  for (const { id } of subscriptions.rows) {
    queued += await db.transaction(async (tx) => {
      const locked = await tx.query<{ position: string; event_filter: string[] }>(
        'SELECT position::text, event_filter FROM webhook_subscriptions WHERE id = $1 AND active FOR UPDATE SKIP LOCKED',
        [id],
      );
      const sub = locked.rows[0];
      if (!sub) return 0;
      const events = await eventsAfter(tx, Number(sub.position), batch);
      if (events.length === 0) return 0;
      const wanted = events.filter((e) => matchesFilter(sub.event_filter, e.eventType));
      if (wanted.length > 0) {
        await tx.query(
          `INSERT INTO webhook_deliveries (subscription_id, event_position, event_id, event_type)
           SELECT $1, p, e, t FROM unnest($2::bigint[], $3::uuid[], $4::text[]) AS w(p, e, t)`,
          [id, wanted.map((e) => e.position), wanted.map((e) => e.eventId), wanted.map((e) => e.eventType)],
        );
      }
      await tx.query('UPDATE webhook_subscriptions SET position = $2 WHERE id = $1', [id, events.at(-1)!.position]);
      return wanted.length;
    });
  }
  return queued;
}

interface Head {
  id: string;
  event_position: string;
  attempts: number;
  due: boolean;
}

/** The body a receiver gets: the event as the events API shows it. */
export function webhookBody(event: DomainEvent): string {
  return JSON.stringify(event);
}

async function post(url: string, secret: string, event: DomainEvent, timeoutMs: number, stopping: AbortSignal | undefined): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const body = webhookBody(event);
  try {
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: stopping ? AbortSignal.any([AbortSignal.timeout(timeoutMs), stopping]) : AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Lotline-Webhooks',
        [SIGNATURE_HEADER]: signWebhook(secret, Math.floor(Date.now() / 1000), body),
        [EVENT_ID_HEADER]: event.eventId,
        [EVENT_TYPE_HEADER]: event.eventType,
      },
      body,
    });
    // The receiver's answer is not kept, only its status; reading it frees the connection.
    await res.arrayBuffer().catch(() => undefined);
    return { ok: res.status >= 200 && res.status < 300, status: res.status, error: res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { ok: false, status: null, error: `${error instanceof Error ? error.message : String(error)}${cause}`.slice(0, 500) };
  }
}

/**
 * Sends one subscription's queue in position order. The head of the queue must be delivered or
 * dead-lettered before the next is tried, so a receiver sees each aggregate's events in the
 * order they happened even across retries.
 */
async function deliverSubscription(db: Db, subscription: { id: string; url: string; secret: string }, settings: WebhookSettings, stopping: AbortSignal | undefined): Promise<number> {
  let sent = 0;
  for (let n = 0; n < settings.perPass && !stopping?.aborted; n++) {
    const found = await db.query<Head>(
      // Qualified: the text output columns of the same names would sort '10' before '9'.
      `SELECT d.id::text, d.event_position::text, d.attempts, d.next_attempt_at <= now() AS due FROM webhook_deliveries d
        WHERE d.subscription_id = $1 AND d.delivered_at IS NULL AND d.dead_lettered_at IS NULL
        ORDER BY d.event_position, d.id LIMIT 1`,
      [subscription.id],
    );
    const head = found.rows[0];
    if (!head || !head.due) return sent;
    const event = await eventAt(db, Number(head.event_position));
    if (!event) throw new Error(`event at position ${head.event_position} is missing`);
    const result = await post(subscription.url, subscription.secret, event, settings.timeoutMs, stopping);
    // Cut short by the server stopping, not refused by the receiver: the attempt does not count.
    if (stopping?.aborted) return sent;
    const attempts = head.attempts + 1;
    if (result.ok) {
      await db.query('UPDATE webhook_deliveries SET attempts = $2, last_status = $3, last_error = NULL, delivered_at = now() WHERE id = $1', [head.id, attempts, result.status]);
      sent++;
      continue;
    }
    const next = afterFailure(attempts, settings.retry, Math.random());
    if (next.deadLetter) {
      await db.query('UPDATE webhook_deliveries SET attempts = $2, last_status = $3, last_error = $4, dead_lettered_at = now() WHERE id = $1', [head.id, attempts, result.status, result.error]);
      continue;
    }
    await db.query(
      `UPDATE webhook_deliveries SET attempts = $2, last_status = $3, last_error = $4, next_attempt_at = now() + make_interval(secs => $5) WHERE id = $1`,
      [head.id, attempts, result.status, result.error, next.delayMs / 1000],
    );
    return sent;
  }
  return sent;
}

/** One pass over every active subscription with something due, receivers in parallel. */
/** `stopping` ends the pass early when the server stops; a post it cuts short is tried again later. */
export async function deliverWebhooks(db: Db, settings: WebhookSettings, stopping?: AbortSignal): Promise<number> {
  const due = await db.query<{ id: string; url: string; secret: string }>(
    `SELECT s.id, s.url, s.secret FROM webhook_subscriptions s
      WHERE s.active AND EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.delivered_at IS NULL AND d.dead_lettered_at IS NULL AND d.next_attempt_at <= now())`,
  );
  const sent = await Promise.all(due.rows.map((s) => deliverSubscription(db, s, settings, stopping)));
  return sent.reduce((a, b) => a + b, 0);
}
