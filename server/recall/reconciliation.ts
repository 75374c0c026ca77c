import { reconcile, type CaseReconciliation, type GapExplanation, type RecordedReply, type ReturnFlag } from '../../domain/recall';

export type { CaseReconciliation, FlaggedReturn, RecordedReply } from '../../domain/recall';
import type { Queryable } from '../db';


const iso = (d: Date | string) => new Date(d).toISOString();
const num = (s: string | null) => (s === null ? 0 : Number(s));

/**
 * The case's figures per consignee as they stand: what the frozen scope says was shipped and
 * came back before opening, the returns matched since, and the consignee's latest answer. Read
 * in the caller's transaction, so closure judges the figures under the case's row lock.
 */
export async function readReconciliation(db: Queryable, caseId: string): Promise<CaseReconciliation> {
  const rows = await db.query<{
    customer_id: string;
    code: string;
    name: string;
    shipped: string;
    returned_before: string;
    returned_since: string | null;
    reply_id: string | null;
    on_hand: string | null;
    returned: string | null;
    destroyed: string | null;
    corrected: string | null;
    lost: string | null;
    sub_distributed: { name: string; qty: number }[] | null;
    note: string | null;
    channel: 'qa' | 'code' | null;
    recorded_by: string | null;
    recorder_name: string | null;
    recorded_at: Date | null;
  }>(
    `SELECT f.customer_id, c.code, c.name, f.shipped::text, f.returned::text AS returned_before,
            (SELECT sum(r.qty)::text FROM recall_returns r WHERE r.case_id = f.case_id AND r.customer_id = f.customer_id AND r.in_scope) AS returned_since,
            a.id::text AS reply_id, a.on_hand::text, a.returned::text, a.destroyed::text, a.corrected::text, a.lost::text, a.sub_distributed, a.note,
            a.channel, a.recorded_by, a.recorder_name, a.recorded_at
       FROM recall_case_consignees f
       JOIN customers c ON c.id = f.customer_id
       LEFT JOIN LATERAL (SELECT * FROM recall_consignee_replies a WHERE a.case_id = f.case_id AND a.customer_id = f.customer_id ORDER BY a.id DESC LIMIT 1) a ON true
      WHERE f.case_id = $1`,
    [caseId],
  );
  const explained = await db.query<{ customer_id: string; gap: string; explanation: string; signer_name: string; signed_at: Date }>(
    'SELECT customer_id, gap::text, explanation, signer_name, signed_at FROM recall_gap_explanations WHERE case_id = $1 ORDER BY id',
    [caseId],
  );
  const explanations: GapExplanation[] = explained.rows.map((e) => ({ customerId: e.customer_id, gap: Number(e.gap), explanation: e.explanation, signerName: e.signer_name, signedAt: iso(e.signed_at) }));
  const replyOf = new Map<string, RecordedReply>();
  const nameOf = new Map<string, string>();
  const figures = rows.rows.map((r) => {
    nameOf.set(r.customer_id, r.name);
    if (r.reply_id !== null) {
      replyOf.set(r.customer_id, {
        id: Number(r.reply_id),
        onHand: num(r.on_hand),
        returned: num(r.returned),
        destroyed: num(r.destroyed),
        corrected: num(r.corrected),
        lost: num(r.lost),
        subDistributed: (r.sub_distributed ?? []).map((s) => ({ name: s.name, qty: Number(s.qty) })),
        note: r.note ?? '',
        channel: r.channel!,
        recordedBy: r.recorded_by,
        recorderName: r.recorder_name!,
        recordedAt: iso(r.recorded_at!),
      });
    }
    return {
      customerId: r.customer_id,
      code: r.code,
      shipped: Number(r.shipped),
      // What the plant received counts as returned, not what the consignee says it sent.
      returned: Math.round((Number(r.returned_before) + num(r.returned_since)) * 1000) / 1000,
      destroyed: num(r.destroyed),
      corrected: num(r.corrected),
      onHand: num(r.on_hand),
      lost: num(r.lost),
      answered: r.reply_id !== null,
    };
  });
  const rec = reconcile(figures, explanations);
  const flagged = await db.query<{ op_id: string; lot_number: string; customer_code: string; qty: string; flag: ReturnFlag; named_case: string | null; returned_at: Date }>(
    `SELECT r.op_id, l.lot_number, r.customer_code, r.qty::text, r.flag, r.named_case, r.returned_at
       FROM recall_returns r JOIN lots l ON l.id = r.lot_id WHERE r.case_id = $1 AND NOT r.in_scope ORDER BY r.id`,
    [caseId],
  );
  const disposed = await db.query<{ action: string; qty: string }>('SELECT action, sum(qty)::text AS qty FROM recall_dispositions WHERE case_id = $1 GROUP BY action ORDER BY action', [caseId]);
  return {
    ...rec,
    consignees: rec.consignees.map((c) => ({ ...c, name: nameOf.get(c.customerId) ?? '', reply: replyOf.get(c.customerId) ?? null })),
    openGaps: rec.openGaps.map((g) => ({ customerId: g.customerId, code: g.code, name: nameOf.get(g.customerId) ?? '', shipped: g.shipped, accounted: g.accounted, gap: g.gap })),
    flaggedReturns: flagged.rows.map((r) => ({ opId: r.op_id, lotNumber: r.lot_number, customerCode: r.customer_code, qty: Number(r.qty), flag: r.flag, namedCase: r.named_case, returnedAt: iso(r.returned_at) })),
    dispositions: disposed.rows.map((d) => ({ action: d.action, qty: Number(d.qty) })),
  };
}
