import { signingRolesGranted, type Role } from '../../domain/auth';
import { appendAudit, type Actor, type AuditEntry } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError, conflict } from '../errors';
import { hashPassword } from './password';

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  locale: 'zh-CN' | 'en';
  active: boolean;
  version: number;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  locale: 'zh-CN' | 'en';
  active: boolean;
  version: number;
}

export const USER_COLUMNS = 'id, username, display_name, roles, locale, active, version';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    locale: row.locale,
    active: row.active,
    version: row.version,
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  locale?: 'zh-CN' | 'en';
  /** Why the user is made; required when the roles include one that signs. */
  reason?: string | undefined;
}

const reasonRequired = (granted: readonly Role[]) =>
  new AppError(400, 'reason_required', `Granting ${granted.join(', ')} lets the user sign records: give a reason.`, { field: 'reason', granted });

export async function createUser(tx: Queryable, actor: Actor, input: NewUser): Promise<User> {
  const granted = signingRolesGranted([], input.roles);
  const reason = input.reason?.trim() || null;
  if (granted.length > 0 && !reason) throw reasonRequired(granted);
  const passwordHash = await hashPassword(input.password);
  const existing = await tx.query('SELECT 1 FROM users WHERE username = $1', [input.username]);
  if (existing.rows.length > 0) throw conflict(`A user named '${input.username}' already exists.`, { field: 'username' });
  const result = await tx.query<UserRow>(
    `INSERT INTO users (username, display_name, password_hash, roles, locale)
     VALUES ($1, $2, $3, $4, $5) RETURNING ${USER_COLUMNS}`,
    [input.username, input.displayName, passwordHash, input.roles, input.locale ?? 'zh-CN'],
  );
  const user = toUser(result.rows[0]!);
  await appendAudit(tx, actor, [
    { action: 'user.created', entityType: 'user', entityId: user.id, after: user, reason },
    ...(granted.length > 0 ? [{ action: 'user.signing_roles_granted', entityType: 'user', entityId: user.id, before: { roles: [] }, after: { roles: user.roles, granted }, reason }] : []),
  ]);
  return user;
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const result = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY username`);
  return result.rows.map(toUser);
}

export async function getUser(db: Queryable, id: string): Promise<User | undefined> {
  const result = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  return result.rows[0] ? toUser(result.rows[0]) : undefined;
}

export interface UserChange {
  displayName?: string;
  roles?: Role[];
  locale?: 'zh-CN' | 'en';
  active?: boolean;
  password?: string;
}

/**
 * Refuses, on the record, a change no one may make to their own account: their roles (an
 * administrator granting itself QC) or their password behind the back of the password check.
 */
async function refuseOwnChange(db: Db, actor: Actor, id: string, change: UserChange): Promise<void> {
  const what = change.roles ? 'roles' : change.password ? 'password' : null;
  if (actor.id !== id || !what) return;
  await db.transaction((tx) => appendAudit(tx, actor, [{ action: 'user.change_refused', entityType: 'user', entityId: id, after: { why: `own_${what}` } }]));
  throw new AppError(
    403,
    'separation_of_duties',
    what === 'roles' ? 'No one may change their own roles: ask another administrator.' : 'Change your own password with your current one (POST /api/auth/password).',
    { field: what },
  );
}

/**
 * Optimistic: the caller names the version it saw; a stale version is a conflict, not an
 * overwrite. A password set here was chosen by the administrator, so its owner must replace
 * it before doing (or signing) anything; a grant of a signing role is a record of its own.
 */
export async function updateUser(db: Db, actor: Actor, id: string, expectedVersion: number, change: UserChange, reason: string): Promise<User> {
  await refuseOwnChange(db, actor, id, change);
  const passwordHash = change.password ? await hashPassword(change.password) : null;
  return db.transaction(async (tx) => {
    const current = await tx.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
    const before = current.rows[0];
    if (!before) throw new AppError(404, 'not_found', 'That user was not found.');
    if (before.version !== expectedVersion) {
      throw conflict('The user was changed by someone else; reload and try again.', { currentVersion: before.version });
    }
    const granted = change.roles ? signingRolesGranted(before.roles, change.roles) : [];
    if (granted.length > 0 && !reason.trim()) throw reasonRequired(granted);
    const result = await tx.query<UserRow>(
      `UPDATE users SET
         display_name = COALESCE($2, display_name),
         roles = COALESCE($3, roles),
         locale = COALESCE($4, locale),
         active = COALESCE($5, active),
         password_hash = COALESCE($6, password_hash),
         password_change_required = password_change_required OR $6 IS NOT NULL,
         version = version + 1,
         updated_at = now()
       WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [id, change.displayName ?? null, change.roles ?? null, change.locale ?? null, change.active ?? null, passwordHash],
    );
    const after = toUser(result.rows[0]!);
    if (change.active === false || passwordHash) {
      // Deactivating a user or resetting a password ends the sessions that user already has.
      await tx.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
    }
    const entries: AuditEntry[] = [];
    if (passwordHash) entries.push({ action: 'user.password_reset', entityType: 'user', entityId: id, after: { passwordChangeRequired: true, sessionsEnded: true }, reason });
    if (granted.length > 0) entries.push({ action: 'user.signing_roles_granted', entityType: 'user', entityId: id, before: { roles: before.roles }, after: { roles: after.roles, granted }, reason });
    const rest = change.displayName !== undefined || change.locale !== undefined || change.active !== undefined || (change.roles !== undefined && granted.length === 0);
    if (rest || entries.length === 0) entries.push({ action: 'user.updated', entityType: 'user', entityId: id, before: toUser(before), after, reason });
    await appendAudit(tx, actor, entries);
    return after;
  });
}
