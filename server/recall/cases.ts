import { planCaseTransition, termsProblems, type EffectivenessLevel, type FdaClass, type Jurisdiction, type NmpaClass, type RecallDepth, type RecallState, type RecallTerms } from '../../domain/recall';
import type { SignatureMeaning } from '../../domain/lots';
import { HELD_LOTS_KEY, appendAudit, appendPrepared, prepareAudit, type Actor, type AuditEntry } from '../audit';
import type { Session } from '../auth';
import type { SignInGuard } from '../auth/rate-limit';
import { sign, type Signature } from '../auth/signature';
import { plantToday } from '../clock';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { allocateNumbers, loadRule } from '../numbering';
import { notifyChanges } from '../sync/notify';
import { freezeAndHold, type OpenedScope } from './freeze';
import { readReconciliation, type CaseReconciliation } from './reconciliation';
import { readOpeningScope, readScope, refuseConflicts, type OpeningScope, type RecallScope } from './scope';
import type { ScopeInput } from './scope-input';

export interface RecallTermsInput {
  reason: string;
  healthHazard?: string | undefined;
  classes?: { fda?: FdaClass | null | undefined; nmpa?: NmpaClass | null | undefined; euFsca?: boolean | undefined } | undefined;
  depth?: RecallDepth | null | undefined;
  strategy?: string | undefined;
  effectiveness?: { level: EffectivenessLevel; percent?: number | null | undefined } | null | undefined;
  jurisdictions?: Jurisdiction[] | undefined;
}

export interface NewRecall extends RecallTermsInput {
  scope: ScopeInput;
  /** Who answers for the case; the creator when absent. */
  ownerId?: string | undefined;
  drill?: boolean | undefined;
}

export interface RecallTransition {
  number: number;
  from: RecallState;
  to: RecallState;
  meaning: SignatureMeaning;
  reason: string;
  signedBy: string;
  signerName: string;
  signedAt: string;
}

export interface RecallCase {
  id: string;
  number: string;
  drill: boolean;
  state: RecallState;
  terms: RecallTerms;
  owner: { id: string; username: string; name: string };
  scopeInput: ScopeInput;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
  version: number;
}

export const recallTermsOf = (input: RecallTermsInput): RecallTerms => ({
  reason: input.reason,
  healthHazard: input.healthHazard ?? '',
  classes: { fda: input.classes?.fda ?? null, nmpa: input.classes?.nmpa ?? null, euFsca: input.classes?.euFsca ?? false },
  depth: input.depth ?? null,
  strategy: input.strategy ?? '',
  effectiveness: input.effectiveness ? { level: input.effectiveness.level, percent: input.effectiveness.percent ?? null } : null,
  jurisdictions: input.jurisdictions ?? [],
});

const actorOf = (session: Session): Actor => ({ id: session.user.id, name: session.user.username, deviceId: session.deviceId });

interface CaseRow {
  id: string;
  number: string;
  drill: boolean;
  state: RecallState;
  reason: string;
  health_hazard: string;
  class_fda: FdaClass | null;
  class_nmpa: number | null;
  eu_fsca: boolean;
  jurisdictions: Jurisdiction[];
  depth: RecallDepth | null;
  strategy: string;
  effectiveness_level: EffectivenessLevel | null;
  effectiveness_percent: number | null;
  owner_id: string;
  owner_username: string;
  owner_name: string;
  scope_input: ScopeInput;
  created_at: Date;
  opened_at: Date | null;
  closed_at: Date | null;
  version: number;
}

const CASE_SELECT = `SELECT c.id, c.number, c.drill, c.state, c.reason, c.health_hazard, c.class_fda, c.class_nmpa, c.eu_fsca, c.jurisdictions, c.depth, c.strategy,
         c.effectiveness_level, c.effectiveness_percent, c.owner_id, u.username AS owner_username, u.display_name AS owner_name, c.scope_input,
         c.created_at, c.opened_at, c.closed_at, c.version
    FROM recall_cases c JOIN users u ON u.id = c.owner_id`;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

function toCase(r: CaseRow): RecallCase {
  return {
    id: r.id,
    number: r.number,
    drill: r.drill,
    state: r.state,
    terms: {
      reason: r.reason,
      healthHazard: r.health_hazard,
      classes: { fda: r.class_fda, nmpa: r.class_nmpa === null ? null : (Number(r.class_nmpa) as NmpaClass), euFsca: r.eu_fsca },
      depth: r.depth,
      strategy: r.strategy,
      effectiveness: r.effectiveness_level ? { level: r.effectiveness_level, percent: r.effectiveness_percent } : null,
      jurisdictions: r.jurisdictions,
    },
    owner: { id: r.owner_id, username: r.owner_username, name: r.owner_name },
    scopeInput: r.scope_input,
    createdAt: iso(r.created_at)!,
    openedAt: iso(r.opened_at),
    closedAt: iso(r.closed_at),
    version: r.version,
  };
}

async function checkOwner(db: Queryable, ownerId: string): Promise<void> {
  const found = await db.query<{ active: boolean; roles: string[] }>('SELECT active, roles FROM users WHERE id = $1', [ownerId]);
  const owner = found.rows[0];
  if (!owner || !owner.active) throw new AppError(422, 'invalid_owner', 'The owner of a recall must be an active user.', { field: 'ownerId' });
  if (!owner.roles.some((r) => r === 'qc' || r === 'supervisor')) throw new AppError(422, 'invalid_owner', 'The owner of a recall must be QA or a supervisor.', { field: 'ownerId' });
}

/** The open case that already holds every lot of a scope, if one does: a second case would only duplicate it. */
function wholeScopeHolder(scope: RecallScope): string | null {
  const holders = new Set(scope.conflicts.map((c) => c.caseId));
  return holders.size === 1 && scope.conflicts.length === scope.lots.length ? [...holders][0]! : null;
}

/**
 * A recall starts as a draft naming what it is about. The scope input is checked now — an input
 * that matches nothing, or lots another open case holds, are refused before anything is written —
 * and read again when the case opens, which is when it is frozen. An input whose every lot one open
 * case already holds joins that case instead: the request is audited on it and no draft is made.
 */
export async function createRecall(db: Db, session: Session, input: NewRecall): Promise<{ case: RecallCase; joined: boolean }> {
  const terms = recallTermsOf(input);
  const problems = termsProblems(terms);
  if (problems.length > 0) throw new AppError(422, 'invalid_terms', `The recall's terms contradict each other: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`, { problems });
  const ownerId = input.ownerId ?? session.user.id;
  await checkOwner(db, ownerId);
  const drill = input.drill ?? false;
  const made = await db.transaction(async (tx) => {
    const scope = await readScope(tx, input.scope);
    const holder = drill ? null : wholeScopeHolder(scope);
    if (holder) {
      await appendAudit(tx, actorOf(session), [
        { action: 'recall.joined', entityType: 'recall_case', entityId: holder, after: { scope: input.scope, described: scope.described, lots: scope.lots.length, reason: terms.reason } },
      ]);
      return { id: holder, joined: true };
    }
    return { id: await insertRecallCase(tx, session, input, terms, ownerId, scope), joined: false };
  });
  return { case: await getRecall(db, made.id), joined: made.joined };
}

/** Writes the draft of a case whose scope was just read in the same transaction, and audits it. */
export async function insertRecallCase(tx: Queryable, session: Session, input: NewRecall, terms: RecallTerms, ownerId: string, scope: RecallScope): Promise<string> {
  const drill = input.drill ?? false;
  if (!drill) refuseConflicts(scope);
  const rule = await loadRule(tx, drill ? 'recall-drill-default' : 'recall-default');
  const [number] = await allocateNumbers(tx, rule, '', 1, plantToday());
  const made = await tx.query<{ id: string }>(
    `INSERT INTO recall_cases (number, drill, reason, health_hazard, class_fda, class_nmpa, eu_fsca, jurisdictions, depth, strategy,
                               effectiveness_level, effectiveness_percent, owner_id, scope_input, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [
      number,
      drill,
      terms.reason,
      terms.healthHazard,
      terms.classes.fda,
      terms.classes.nmpa,
      terms.classes.euFsca,
      terms.jurisdictions,
      terms.depth,
      terms.strategy,
      terms.effectiveness?.level ?? null,
      terms.effectiveness?.percent ?? null,
      ownerId,
      JSON.stringify(input.scope),
      session.user.id,
    ],
  );
  const caseId = made.rows[0]!.id;
  await appendAudit(tx, actorOf(session), [
    { action: 'recall.created', entityType: 'recall_case', entityId: caseId, after: { number, drill, ...terms, ownerId, scope: input.scope, described: scope.described, lots: scope.lots.length, consignees: scope.consignees.length } },
  ]);
  return caseId;
}

export async function getRecall(db: Queryable, id: string): Promise<RecallCase> {
  const found = await db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = $1`, [id]);
  if (found.rows.length === 0) throw new AppError(404, 'not_found', 'That recall case was not found.');
  return toCase(found.rows[0]!);
}

/** A case by the number people quote (RC20260001, MR20260001). */
export async function findRecallByNumber(db: Queryable, number: string): Promise<RecallCase> {
  const found = await db.query<CaseRow>(`${CASE_SELECT} WHERE c.number = $1`, [number]);
  if (found.rows.length === 0) throw new AppError(404, 'not_found', `No recall case ${number}.`);
  return toCase(found.rows[0]!);
}

export async function listRecalls(db: Queryable, filter: { state?: RecallState | undefined; drill?: boolean | undefined } = {}): Promise<RecallCase[]> {
  const found = await db.query<CaseRow>(`${CASE_SELECT} WHERE ($1::text IS NULL OR c.state = $1) AND ($2::boolean IS NULL OR c.drill = $2) ORDER BY c.created_at DESC, c.number DESC LIMIT 500`, [
    filter.state ?? null,
    filter.drill ?? null,
  ]);
  return found.rows.map(toCase);
}

export async function recallTransitions(db: Queryable, caseId: string): Promise<RecallTransition[]> {
  const found = await db.query<{ id: string; from_state: RecallState; to_state: RecallState; meaning: SignatureMeaning; reason: string; signed_by: string; signer_name: string; signed_at: Date }>(
    'SELECT id::text, from_state, to_state, meaning, reason, signed_by, signer_name, signed_at FROM recall_case_transitions WHERE case_id = $1 ORDER BY id',
    [caseId],
  );
  return found.rows.map((r, i) => ({ number: i + 1, from: r.from_state, to: r.to_state, meaning: r.meaning, reason: r.reason, signedBy: r.signed_by, signerName: r.signer_name, signedAt: iso(r.signed_at)! }));
}

export interface TransitionRequest {
  to: RecallState;
  meaning: SignatureMeaning;
  reason: string;
  password: string;
  version: number;
}

export interface TransitionOutcome {
  case: RecallCase;
  from: RecallState;
  to: RecallState;
  signature: Signature;
  /** What opening froze and held; null for other steps. */
  opened: OpenedScope | null;
}

/**
 * Moves a case under an electronic signature: the password is checked first, then in one
 * transaction the case row is locked, the step judged by the case rules and written with its
 * signed record. Opening reads the scope again, freezes it and holds every lot it reaches in the
 * same transaction, so a case is never open with part of its lots still pickable.
 */
export async function transitionRecall(db: Db, session: Session, caseId: string, request: TransitionRequest, guard?: SignInGuard): Promise<TransitionOutcome> {
  await getRecall(db, caseId);
  const signature = await sign(db, session, request.password, request.meaning, { entityType: 'recall_case', entityId: caseId }, guard);
  const outcome = await db.transaction(async (tx) => {
    const locked = await tx.query<CaseRow>(`${CASE_SELECT} WHERE c.id = $1 FOR UPDATE OF c`, [caseId]);
    const current = toCase(locked.rows[0]!);
    if (current.version !== request.version) {
      throw new AppError(409, 'conflict', `Recall ${current.number} changed meanwhile (now ${current.state}); reload it.`, { currentVersion: current.version, state: current.state });
    }
    const plan = planCaseTransition({ state: current.state, terms: current.terms }, { to: request.to, roles: session.user.roles, reason: request.reason, meaning: request.meaning });
    if (!plan.ok) {
      const status = plan.code === 'role' ? 403 : 422;
      throw new AppError(status, plan.code === 'role' ? 'forbidden' : 'transition_refused', `Recall ${current.number}: ${plan.reason}.`, { code: plan.code, ...(plan.gaps ? { gaps: plan.gaps } : {}) });
    }
    const actor = actorOf(session);
    const at = new Date();
    let opened: OpenedScope | null = null;
    const lotEntries: AuditEntry[] = [];
    let scope: OpeningScope | null = null;
    if (plan.to === 'open') {
      scope = await readOpeningScope(tx, current.scopeInput, current.id);
      if (!current.drill) refuseConflicts(scope, current.id);
      const frozen = await freezeAndHold(tx, { id: current.id, number: current.number, drill: current.drill }, scope);
      opened = frozen.opened;
      lotEntries.push(...frozen.audit);
    }
    // Closing declares the recall effective: every consignee's units accounted for, or the gap
    // explained and signed. A drill recovers nothing and is judged by its own report.
    let closing: CaseReconciliation | null = null;
    if (plan.to === 'closed' && !current.drill) {
      closing = await readReconciliation(tx, caseId);
      if (!closing.closable) {
        const gaps = closing.openGaps;
        throw new AppError(409, 'reconciliation_gaps', `Recall ${current.number} cannot close: ${gaps.map((g) => `${g.code} ${g.gap > 0 ? `${g.gap} unaccounted for` : `${-g.gap} more accounted for than shipped`} (${g.accounted} of ${g.shipped})`).join('; ')}. Record the answers, or explain and sign each gap.`, { gaps });
      }
    }
    if (plan.to === 'closed' || plan.to === 'cancelled') await tx.query('DELETE FROM recall_holds WHERE case_id = $1', [caseId]);
    await tx.query(
      `UPDATE recall_cases SET state = $2, version = version + 1, updated_at = now(),
              opened_at = CASE WHEN $2 = 'open' THEN now() ELSE opened_at END,
              closed_at = CASE WHEN $2 IN ('closed','cancelled') THEN now() ELSE closed_at END
        WHERE id = $1`,
      [caseId, plan.to],
    );
    // Handhelds take returns against the cases that are open or recovering: they learn of each change.
    await notifyChanges(tx, ['recalls']);
    await tx.query(
      `INSERT INTO recall_case_transitions (case_id, from_state, to_state, meaning, reason, signed_by, signer_name, signed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [caseId, plan.from, plan.to, request.meaning, request.reason, signature.userId, signature.name, signature.signedAt],
    );
    const caseAudit = prepareAudit(actor, [
      {
        action: 'recall.state',
        entityType: 'recall_case',
        entityId: caseId,
        before: { state: plan.from, version: current.version },
        after: {
          state: plan.to,
          number: current.number,
          signature,
          ...(closing ? { reconciliation: { shipped: closing.shipped, accounted: closing.accounted, percent: closing.percent, consignees: closing.consignees.map((c) => ({ code: c.code, shipped: c.shipped, returned: c.returned, destroyed: c.destroyed, corrected: c.corrected, onHand: c.onHand, lost: c.lost, gap: c.gap, explained: c.explained !== null })) } } : {}),
          ...(opened && scope ? { scope: { described: scope.described, lots: scope.lots.length, held: opened.held.length, consignees: scope.consignees.length, percent: scope.balance.percent, unbalancedLots: scope.balance.unbalancedLots } } : {}),
          // The signed record of every lot this opening made recalled (server/audit/held-lots.ts).
          ...(opened?.heldLots ? { [HELD_LOTS_KEY]: opened.heldLots } : {}),
        },
        reason: request.reason,
        signatureMeaning: request.meaning,
      },
      ...lotEntries,
    ], at);
    await appendPrepared(tx, caseAudit);
    // Read under the case's lock, before the commit lets every device ask for the held lots at once.
    return { case: await getRecall(tx, caseId), from: plan.from, to: plan.to, opened };
  });
  return { ...outcome, signature };
}
