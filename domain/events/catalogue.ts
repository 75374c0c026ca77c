import { LOT_STATUSES } from '../lots';
import { RECALL_STATES } from '../recall';

/**
 * Print job states as the spool stores them (server/printing/job-status.ts keeps the same list;
 * domain cannot import the server).
 */
export const PRINT_JOB_STATES = ['queued', 'printing', 'in_printer', 'printed', 'uncertain', 'cancelled', 'voided'] as const;
export const OP_OUTCOMES = ['applied', 'exception', 'rejected'] as const;
export const RECALL_ACTS = ['report_generated', 'letters_sent', 'report_submitted'] as const;

/**
 * Every event type the outbox writes (server/db/migrations/031_domain_events.sql), named as the
 * triggers name them: the aggregate, then what happened to it in the warehouse's words.
 */
export const EVENT_TYPES: readonly string[] = [
  'lot.created',
  ...LOT_STATUSES.map((s) => `lot.${s}`),
  ...OP_OUTCOMES.map((s) => `op.${s}`),
  ...PRINT_JOB_STATES.map((s) => `print.job.${s}`),
  ...RECALL_STATES.map((s) => `recall.${s}`),
  ...RECALL_ACTS.map((s) => `recall.${s}`),
  'signature.recorded',
];

const TOKEN = /^[a-z0-9_-]+$/;

/** A site code as a subject token: lower case, and only what NATS allows in one token. */
export function siteToken(site: string): string {
  const token = site.trim().toLowerCase();
  if (!TOKEN.test(token)) throw new Error(`site code "${site}" cannot be a subject token (letters, digits, dash, underscore)`);
  return token;
}

/**
 * The JetStream subject of an event: `<prefix>.<site>.<event type>`, e.g.
 * `lotline.main.lot.released`, `lotline.main.print.job.uncertain`. Subscribers filter with NATS
 * wildcards (`lotline.*.lot.>`).
 */
export function eventSubject(prefix: string, site: string, eventType: string): string {
  const tokens = eventType.split('.');
  if (tokens.length === 0 || tokens.some((t) => !TOKEN.test(t))) throw new Error(`event type "${eventType}" cannot be a subject`);
  return `${prefix}.${siteToken(site)}.${eventType}`;
}
