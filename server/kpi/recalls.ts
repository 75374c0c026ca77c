import { epochDay, type KpiInputs } from '../../domain/kpi';
import { plantToday } from '../clock';
import type { Queryable } from '../db';
import type { Window } from './window';

export const RESPONSE_DAYS = [3, 7, 14] as const;
export type ResponseDay = (typeof RESPONSE_DAYS)[number];

export interface RecallCounts {
  letters: KpiInputs<'recall_letters_sent_days'>;
  respondedBy: Record<ResponseDay, KpiInputs<'recall_responded_by_day_3'>>;
  recovered: KpiInputs<'recall_quantity_recovered'>;
}

// Real recalls that opened in the period; drills have KPIs of their own.
const CASES = 'SELECT id, opened_at FROM recall_cases WHERE NOT drill AND opened_at >= $1 AND opened_at < $2';

export async function recallCounts(db: Queryable, w: Window): Promise<RecallCounts> {
  const cases = await db.query<{ opened_at: Date; sent_on: string | null }>(
    `SELECT c.opened_at, (SELECT to_char(min(e.happened_on), 'YYYY-MM-DD') FROM recall_case_events e WHERE e.case_id = c.id AND e.kind = 'letters_sent') AS sent_on
       FROM (${CASES}) c`,
    [w.fromAt, w.toAt],
  );
  const recalls = cases.rows.length;
  // Letters are recorded by the plant day they went (recall_case_events.happened_on): count whole plant days from the opening day.
  const sent = cases.rows.filter((c) => c.sent_on !== null).map((c) => epochDay(c.sent_on!)! - epochDay(plantToday(new Date(c.opened_at)))!);
  const letters = { recalls, withLetters: sent.length, totalDays: sent.reduce((a, b) => a + b, 0) };

  const responses = await db.query<Record<string, number>>(
    `WITH cons AS (
       SELECT c.opened_at, (SELECT min(r.recorded_at) FROM recall_consignee_replies r WHERE r.case_id = f.case_id AND r.customer_id = f.customer_id) AS first_reply
         FROM (${CASES}) c JOIN recall_case_consignees f ON f.case_id = c.id)
     SELECT ${RESPONSE_DAYS.map(
       (d) => `(count(*) FILTER (WHERE opened_at + interval '${d} days' <= now()))::int AS due_${d},
               (count(*) FILTER (WHERE opened_at + interval '${d} days' <= now() AND first_reply < opened_at + interval '${d} days'))::int AS replied_${d}`,
     ).join(',\n')}
       FROM cons`,
    [w.fromAt, w.toAt],
  );
  const r = responses.rows[0]!;
  const respondedBy = Object.fromEntries(RESPONSE_DAYS.map((d) => [d, { recalls, consignees: r[`due_${d}`]!, responded: r[`replied_${d}`]! }])) as RecallCounts['respondedBy'];

  const quantities = await db.query<{ outstanding: string; recovered: string }>(
    `SELECT COALESCE((SELECT sum(f.outstanding) FROM recall_case_consignees f WHERE f.case_id IN (SELECT id FROM (${CASES}) c)), 0)::text AS outstanding,
            COALESCE((SELECT sum(r.qty) FROM recall_returns r WHERE r.in_scope AND r.case_id IN (SELECT id FROM (${CASES}) c)), 0)::text AS recovered`,
    [w.fromAt, w.toAt],
  );
  const q = quantities.rows[0]!;
  return { letters, respondedBy, recovered: { recalls, outstanding: Number(q.outstanding), recovered: Number(q.recovered) } };
}

export interface DrillCounts {
  time: KpiInputs<'mock_recall_time'>;
  accounted: KpiInputs<'mock_recall_accounted'>;
}

export async function drillCounts(db: Queryable, w: Window): Promise<DrillCounts> {
  const found = await db.query<{ drills: number; ms: string; brought_in: string; accounted: string }>(
    `SELECT count(*)::int AS drills, COALESCE(sum(EXTRACT(EPOCH FROM balance_ready_at - started_at) * 1000), 0)::text AS ms,
            COALESCE(sum(brought_in), 0)::text AS brought_in, COALESCE(sum(accounted), 0)::text AS accounted
       FROM recall_drills WHERE started_at >= $1 AND started_at < $2`,
    [w.fromAt, w.toAt],
  );
  const r = found.rows[0]!;
  return { time: { drills: r.drills, totalMs: Number(r.ms) }, accounted: { drills: r.drills, broughtIn: Number(r.brought_in), accounted: Number(r.accounted) } };
}
