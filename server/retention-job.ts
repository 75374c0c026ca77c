import { systemClock } from './clock';
import type { Db } from './db';
import { pruneDeliveredEvents } from './events';
import { DEFAULT_KEY_FAILURE_LIMIT, pruneIdempotentAnswers, pruneKeyFailures } from './integration';

export interface RetentionSettings {
  /** Delivered domain events older than this are removed (LOTLINE_EVENT_RETENTION_DAYS). */
  eventDays: number;
  /** Saved Idempotency-Key answers older than this are forgotten (LOTLINE_IDEMPOTENCY_RETENTION_HOURS). */
  idempotencyHours: number;
  /** This server publishes to JetStream, so events wait for the relay's NATS position too. */
  natsInUse: boolean;
}

export interface RetentionRun {
  events: number;
  deliveries: number;
  idempotentAnswers: number;
  keyFailureWindows: number;
}

/** One pass of the retention job; safe on several instances at once (each delete takes what is still there). */
export async function runRetention(db: Db, settings: RetentionSettings): Promise<RetentionRun> {
  const pruned = await pruneDeliveredEvents(db, { days: settings.eventDays, natsInUse: settings.natsInUse });
  const idempotentAnswers = await pruneIdempotentAnswers(db, settings.idempotencyHours);
  const keyFailureWindows = await pruneKeyFailures(db, DEFAULT_KEY_FAILURE_LIMIT, systemClock.now());
  return { ...pruned, idempotentAnswers, keyFailureWindows };
}

/** Runs the retention job a minute after start, then every hour. */
export function scheduleRetention(db: Db, settings: RetentionSettings, onError: (error: unknown) => void, everyMs = 3_600_000): { stop(): void } {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runRetention(db, settings)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, Math.min(60_000, everyMs));
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
