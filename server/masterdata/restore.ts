import { KIND_NOUN, UNIQUE_FIELDS, contentProblem, judgeSignature, planRestore, type MasterDataKind, type RestorePlan, type RowData } from '../../domain/masterdata';
import { appendAudit, type Actor } from '../audit';
import type { Session } from '../auth';
import type { SignInGuard } from '../auth/rate-limit';
import { sign, witness, type Signature } from '../auth/signature';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { notifyChanges } from '../sync/notify';
import type { Collection } from '../../sync';
import { stateMasterDataChange } from './change-context';
import { listVersions, versionData, type MasterDataHistory } from './read';

export interface RestoreInput {
  version: number;
  /** The version the person looked at as current; another written since is refused. */
  baseVersion: number;
  reason: string;
  /** A QC user's password (their own, or a QC colleague's named by username) where regulated data changes. */
  signature?: { username?: string | undefined; password: string } | undefined;
}

/** Handheld collections that carry the kind: a restore must reach the devices as any change does. */
const COLLECTIONS: Partial<Record<MasterDataKind, readonly Collection[]>> = { items: ['items'], locations: ['locations'] };
const COLUMN = /^[a-z_][a-z0-9_]*$/;

async function currentRow(db: Queryable, kind: MasterDataKind, id: string, lock: boolean): Promise<RowData> {
  const found = await db.query<{ data: Record<string, unknown> }>(`SELECT to_jsonb(t) - 'change_xid' AS data FROM ${kind} t WHERE t.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  const row = found.rows[0];
  if (!row) throw new AppError(409, 'record_deleted', `The ${KIND_NOUN[kind]} was deleted: an earlier version cannot be restored over it.`, { field: 'id' });
  return row.data;
}

async function headVersion(db: Queryable, kind: MasterDataKind, id: string): Promise<number> {
  return (await listVersions(db, kind, id)).currentVersion;
}

async function plan(db: Queryable, kind: MasterDataKind, id: string, input: RestoreInput, lock: boolean): Promise<RestorePlan> {
  const earlier = await versionData(db, kind, id, input.version);
  const head = await headVersion(db, kind, id);
  if (head !== input.baseVersion)
    throw new AppError(409, 'stale_version', `The ${KIND_NOUN[kind]} is at version ${head}, not ${input.baseVersion}: review it before restoring.`, { field: 'baseVersion', currentVersion: head });
  const planned = planRestore(await currentRow(db, kind, id, lock), earlier);
  if (planned.changes.length === 0) throw new AppError(422, 'no_change', `Version ${input.version} reads as the current one: there is nothing to restore.`, { field: 'version' });
  const problem = contentProblem(kind, planned.after);
  if (problem) throw new AppError(422, 'invalid_content', `Version ${input.version} cannot be restored: ${problem.field}: ${problem.message}.`, { field: problem.field });
  return planned;
}

/** The signer, checked the way every e-signature is (backoff, lock), who must hold the QC role; approving a held change request signs the same way. */
export async function qcSignature(db: Db, session: Session, kind: MasterDataKind, id: string, given: NonNullable<RestoreInput['signature']>, guard?: SignInGuard): Promise<Signature> {
  const what = { entityType: KIND_NOUN[kind].replace(/ /g, '_'), entityId: id };
  const signature =
    given.username === undefined || given.username === session.user.username ? await sign(db, session, given.password, 'approved', what, guard) : await witness(db, session, { username: given.username, password: given.password }, 'approved', what, guard);
  const roles = await db.query<{ qc: boolean }>(`SELECT 'qc' = ANY(roles) AS qc FROM users WHERE id = $1`, [signature.userId]);
  if (!roles.rows[0]?.qc) throw new AppError(403, 'qc_signature_required', `${signature.username} does not hold the QC role: regulated master data needs a QC signature.`, { field: 'signature.username' });
  return signature;
}

async function refuseTakenValues(tx: Queryable, kind: MasterDataKind, id: string, columns: Record<string, unknown>): Promise<void> {
  for (const field of UNIQUE_FIELDS[kind]) {
    const value = columns[field];
    if (value === undefined || value === null) continue;
    const taken = await tx.query<{ id: string }>(`SELECT id FROM ${kind} WHERE ${field} = $1 AND id <> $2 LIMIT 1`, [value, id]);
    if (taken.rows[0])
      throw new AppError(409, 'conflict', `${field} ${String(value)} is now used by another ${KIND_NOUN[kind]}: version cannot be restored as it is.`, { field, takenBy: taken.rows[0].id });
  }
}

/** A unique index the pre-check could not see (a column unique since, a race) still names its field. */
function uniqueViolation(kind: MasterDataKind, error: unknown): AppError | null {
  const e = error as { code?: unknown; constraint?: unknown };
  if (e.code !== '23505') return null;
  const field = typeof e.constraint === 'string' ? (new RegExp(`^${kind}_(.+)_key$`).exec(e.constraint)?.[1] ?? e.constraint) : 'unknown';
  return new AppError(409, 'conflict', `${field}: the restored value is now used by another ${KIND_NOUN[kind]}.`, { field });
}

async function writeColumns(tx: Queryable, kind: MasterDataKind, id: string, planned: RestorePlan): Promise<void> {
  const fields = Object.keys(planned.columns);
  if (!fields.every((f) => COLUMN.test(f))) throw new Error(`a stored ${kind} version names a column that is not a plain identifier`);
  // The row's own version moves on, as any change does, so handhelds pull it.
  const bump = ['version' in planned.after ? 'version = t.version + 1' : null, 'updated_at' in planned.after ? 'updated_at = now()' : null].filter((s) => s !== null);
  const set = [...fields.map((f) => `${f} = r.${f}`), ...bump].join(', ');
  await tx.query(`UPDATE ${kind} t SET ${set} FROM jsonb_populate_record(NULL::${kind}, $1::jsonb) r WHERE t.id = $2`, [JSON.stringify(planned.columns), id]);
}

/**
 * Writes an earlier version's content again as a new version, by the same rules as a live
 * change: unique codes stay unique, a regulated field needs QC's signature, and the history
 * records the restore with its reason and signature. All in one transaction, or nothing.
 */
export async function restoreVersion(db: Db, session: Session, kind: MasterDataKind, id: string, input: RestoreInput, guard?: SignInGuard): Promise<MasterDataHistory> {
  const preview = await plan(db, kind, id, input, false);
  const judged = judgeSignature(kind, preview.changes);
  if (judged.needed && !input.signature) throw new AppError(403, 'signature_required', judged.message, { field: 'signature', regulatedFields: judged.fields });
  // The password is checked before the write, and its failures are audited even though nothing is restored.
  const signature = input.signature ? await qcSignature(db, session, kind, id, input.signature, guard) : undefined;
  const actor: Actor = { id: session.user.id, name: session.user.username, deviceId: session.deviceId };
  return db.transaction(async (tx) => {
    const planned = await plan(tx, kind, id, input, true);
    const now = judgeSignature(kind, planned.changes);
    if (now.needed && !signature) throw new AppError(409, 'stale_version', 'The record changed while it was being signed: review it again.', { field: 'baseVersion' });
    await refuseTakenValues(tx, kind, id, planned.columns);
    await stateMasterDataChange(tx, { actor, reason: input.reason, restoredFrom: input.version, ...(signature ? { signature } : {}) });
    try {
      await writeColumns(tx, kind, id, planned);
    } catch (error) {
      throw uniqueViolation(kind, error) ?? error;
    }
    const history = await listVersions(tx, kind, id);
    await appendAudit(tx, actor, [
      {
        action: 'master_data.restored',
        entityType: KIND_NOUN[kind].replace(/ /g, '_'),
        entityId: id,
        before: { version: input.baseVersion, ...Object.fromEntries(planned.changes.map((c) => [c.field, c.before])) },
        after: { version: history.currentVersion, restoredFrom: input.version, ...Object.fromEntries(planned.changes.map((c) => [c.field, c.after])), ...(signature ? { signature } : {}) },
        reason: input.reason,
        ...(signature ? { signatureMeaning: 'approved' as const } : {}),
      },
    ]);
    const collections = COLLECTIONS[kind];
    if (collections) await notifyChanges(tx, collections);
    return history;
  });
}
