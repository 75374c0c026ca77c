import { DEFAULT_ESCALATION, type EscalationRule } from '../../domain/recall';
import type { Queryable } from '../db';

/** The follow-up ladder's waits as the plant set them. */
export async function readEscalationRule(db: Queryable): Promise<EscalationRule> {
  const found = await db.query<{ waits: EscalationRule['waitDays'] | string }>('SELECT escalation_wait_days AS waits FROM recall_settings WHERE id');
  const waits = found.rows[0]?.waits;
  if (waits === undefined) return DEFAULT_ESCALATION;
  return { waitDays: typeof waits === 'string' ? (JSON.parse(waits) as EscalationRule['waitDays']) : waits };
}
