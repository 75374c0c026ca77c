import { nextEscalation, type CaseEffectiveness, type CheckMethod, type CheckedConsignee, type ContactMethod, type ContactStep, type DueEscalation, type EffectivenessLevel } from '../../domain/recall';
import type { Queryable } from '../db';
import { readEscalationRule } from './escalation-rule';
import { getRecall } from './cases';

const iso = (d: Date | string) => new Date(d).toISOString();

interface Scope {
  where: string;
  params: unknown[];
}

/**
 * The selected consignees of the cases a scope names, with everything that bears on their
 * escalation, read in a handful of queries whatever the number of consignees.
 */
async function readSelected(db: Queryable, scope: Scope, now: Date): Promise<(CheckedConsignee & { caseId: string; caseNumber: string })[]> {
  const selected = await db.query<{ case_id: string; case_number: string; customer_id: string; code: string; name: string }>(
    `SELECT s.case_id, rc.number AS case_number, s.customer_id, c.code, c.name FROM recall_effectiveness_selected s JOIN customers c ON c.id = s.customer_id JOIN recall_cases rc ON rc.id = s.case_id
     WHERE ${scope.where} ORDER BY rc.number, c.code`,
    scope.params,
  );
  if (selected.rows.length === 0) return [];
  const caseIds = [...new Set(selected.rows.map((r) => r.case_id))];
  const [checks, contacts, letters, replies] = await Promise.all([
    db.query<{ id: string; case_id: string; customer_id: string; method: CheckMethod; reached: boolean; received_notice: boolean | null; followed_instructions: boolean | null; on_hand: string | null; note: string; checker_name: string; checked_at: Date }>(
      'SELECT id::text, case_id, customer_id, method, reached, received_notice, followed_instructions, on_hand::text, note, checker_name, checked_at FROM recall_effectiveness_checks WHERE case_id = ANY($1::uuid[]) ORDER BY id',
      [caseIds],
    ),
    db.query<{ id: string; case_id: string; customer_id: string; step: ContactStep; method: ContactMethod; note: string; contacted_at: Date; recorder_name: string }>(
      'SELECT id::text, case_id, customer_id, step, method, note, contacted_at, recorder_name FROM recall_contact_attempts WHERE case_id = ANY($1::uuid[]) ORDER BY contacted_at, id',
      [caseIds],
    ),
    // The recall letter is the first step of the ladder: the first one issued to a consignee counts.
    db.query<{ case_id: string; customer_id: string; issued_at: Date; issuer_name: string }>(
      `SELECT DISTINCT ON (case_id, customer_id) case_id, customer_id, issued_at, issuer_name FROM recall_letters WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, customer_id, issued_at, id`,
      [caseIds],
    ),
    db.query<{ case_id: string; customer_id: string; recorded_at: Date; channel: 'qa' | 'code' }>(
      `SELECT DISTINCT ON (case_id, customer_id) case_id, customer_id, recorded_at, channel FROM recall_consignee_replies WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, customer_id, recorded_at, id`,
      [caseIds],
    ),
  ]);
  const key = (r: { case_id: string; customer_id: string }) => `${r.case_id}/${r.customer_id}`;
  // Grouped once: a level-A case of a hub lot draws thousands of consignees.
  const byConsignee = <R extends { case_id: string; customer_id: string }>(rows: R[]) => {
    const groups = new Map<string, R[]>();
    for (const r of rows) {
      const group = groups.get(key(r));
      if (group) group.push(r);
      else groups.set(key(r), [r]);
    }
    return groups;
  };
  const rule = await readEscalationRule(db);
  const checksOf = byConsignee(checks.rows);
  const contactsOf = byConsignee(contacts.rows);
  const letterOf = new Map(letters.rows.map((l) => [key(l), l]));
  const replyOf = new Map(replies.rows.map((r) => [key(r), r]));
  const at = iso(now);
  return selected.rows.map((s) => {
    const k = key(s);
    const letter = letterOf.get(k);
    const recorded = (contactsOf.get(k) ?? []).map((c) => ({ id: Number(c.id), step: c.step, method: c.method, note: c.note, at: iso(c.contacted_at), recorderName: c.recorder_name }));
    const all = [...(letter ? [{ id: null, step: 'letter' as const, method: 'letter' as const, note: '', at: iso(letter.issued_at), recorderName: letter.issuer_name }] : []), ...recorded].sort((a, b) => a.at.localeCompare(b.at));
    const first = replyOf.get(k);
    const reply = first ? { at: iso(first.recorded_at), channel: first.channel } : null;
    return {
      caseId: s.case_id,
      caseNumber: s.case_number,
      customerId: s.customer_id,
      code: s.code,
      name: s.name,
      reply,
      checks: (checksOf.get(k) ?? []).map((c) => ({
        id: Number(c.id),
        method: c.method,
        reached: c.reached,
        receivedNotice: c.received_notice,
        followedInstructions: c.followed_instructions,
        onHand: c.on_hand === null ? null : Number(c.on_hand),
        note: c.note,
        checkerName: c.checker_name,
        checkedAt: iso(c.checked_at),
      })),
      contacts: all,
      escalation: nextEscalation(all, reply?.at ?? null, rule, at),
    };
  });
}

/** A case's draw, its selected consignees, what the checks found and where each stands on the ladder at `now`. */
export async function readEffectiveness(db: Queryable, caseId: string, now: Date): Promise<CaseEffectiveness> {
  const c = await getRecall(db, caseId);
  const draw = await db.query<{ level: EffectivenessLevel; percent: number; seed: string; consignees: number; required: number; drawer_name: string; drawn_at: Date }>(
    'SELECT level, percent, seed, consignees, required, drawer_name, drawn_at FROM recall_effectiveness_draws WHERE case_id = $1',
    [caseId],
  );
  const d = draw.rows[0];
  const consignees = await readSelected(db, { where: 's.case_id = $1', params: [caseId] }, now);
  return {
    caseId,
    caseNumber: c.number,
    level: c.terms.effectiveness?.level ?? null,
    percent: c.terms.effectiveness ? (c.terms.effectiveness.percent ?? null) : null,
    draw: d ? { level: d.level, percent: d.percent, seed: d.seed, consignees: d.consignees, required: d.required, drawnBy: d.drawer_name, drawnAt: iso(d.drawn_at) } : null,
    consignees: consignees.map(({ caseId: _id, caseNumber: _number, ...rest }) => rest),
    asOf: iso(now),
  };
}

/**
 * Selected consignees of open cases (not drills, which send nothing) whose next step is due now or
 * who have not been contacted at all: the follow-up worklist, the longest overdue first.
 */
export async function readDueEscalations(db: Queryable, now: Date): Promise<DueEscalation[]> {
  const rows = await readSelected(db, { where: "rc.state IN ('open','recovering') AND NOT rc.drill", params: [] }, now);
  const due: DueEscalation[] = [];
  for (const r of rows) {
    const e = r.escalation;
    const base = { caseId: r.caseId, caseNumber: r.caseNumber, customerId: r.customerId, code: r.code, name: r.name };
    if (e.state === 'not_contacted') due.push({ ...base, escalation: e });
    else if (e.state === 'due') due.push({ ...base, escalation: { ...e, state: 'due' } });
  }
  // Never contacted first (the letter itself is late), then by how long the step has been due.
  const rank = (d: DueEscalation) => (d.escalation.state === 'not_contacted' ? '' : d.escalation.dueAt);
  return due.sort((a, b) => rank(a).localeCompare(rank(b)) || a.caseNumber.localeCompare(b.caseNumber) || a.code.localeCompare(b.code));
}
