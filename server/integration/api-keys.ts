import { API_KEY_PATTERN, isApiScope, type ApiScope } from '../../domain/integration';
import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { hashToken, newToken } from '../auth/tokens';

/** A key as the console and the API show it: never the secret, only its first characters. */
export interface ApiKeyView {
  id: string;
  integration: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  replacedBy: string | null;
  lastUsedAt: string | null;
  /** The trading partner the key speaks for: it reads only EPCIS events shipped to this GLN. */
  partnerGln: string | null;
  /** Judged by the database's clock: a key past its grace period is expired. */
  state: 'active' | 'expiring' | 'expired' | 'revoked';
}

/** The caller of an integration route, once its key was found good. */
export interface IntegrationCaller {
  keyId: string;
  integration: string;
  prefix: string;
  scopes: ApiScope[];
  partnerGln: string | null;
}

export type ApiKeyLookup = { status: 'valid'; caller: IntegrationCaller } | { status: 'unknown' | 'revoked' | 'expired' };

interface KeyRow {
  id: string;
  integration: string;
  prefix: string;
  scopes: string[];
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  replaced_by: string | null;
  last_used_at: Date | null;
  partner_gln: string | null;
  state: ApiKeyView['state'];
}

const iso = (d: Date | null): string | null => (d === null ? null : new Date(d).toISOString());
const KEY_COLUMNS = `id, integration, prefix, scopes, created_at, expires_at, revoked_at, replaced_by, last_used_at, partner_gln,
  CASE WHEN revoked_at IS NOT NULL THEN 'revoked' WHEN expires_at <= now() THEN 'expired' WHEN expires_at IS NOT NULL THEN 'expiring' ELSE 'active' END AS state`;

function toView(r: KeyRow): ApiKeyView {
  return { id: r.id, integration: r.integration, prefix: r.prefix, scopes: r.scopes.filter(isApiScope), createdAt: iso(r.created_at)!, expiresAt: iso(r.expires_at), revokedAt: iso(r.revoked_at), replacedBy: r.replaced_by, lastUsedAt: iso(r.last_used_at), partnerGln: r.partner_gln, state: r.state };
}

/** The audit actor for writes made with a key: the integration by name, never a user. */
export function integrationActor(caller: IntegrationCaller): Actor {
  return { id: null, name: `integration:${caller.integration}`, deviceId: null };
}

async function insertKey(tx: Queryable, integration: string, scopes: readonly ApiScope[], createdBy: string, partnerGln: string | null): Promise<{ view: ApiKeyView; secret: string }> {
  const secret = newToken('lk');
  const made = await tx.query<KeyRow>(`INSERT INTO api_keys (integration, prefix, key_hash, scopes, created_by, partner_gln) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${KEY_COLUMNS}`, [
    integration,
    secret.slice(0, 10),
    hashToken(secret),
    [...new Set(scopes)],
    createdBy,
    partnerGln,
  ]);
  return { view: toView(made.rows[0]!), secret };
}

/** A new key for an integration; the secret is in this answer and nowhere else, ever. */
export async function createApiKey(db: Db, actor: Actor & { id: string }, input: { integration: string; scopes: readonly ApiScope[]; partnerGln?: string | null | undefined }): Promise<{ key: ApiKeyView; secret: string }> {
  return db.transaction(async (tx) => {
    const { view, secret } = await insertKey(tx, input.integration, input.scopes, actor.id, input.partnerGln ?? null);
    await appendAudit(tx, actor, [{ action: 'api_key.created', entityType: 'api_key', entityId: view.id, after: view }]);
    return { key: view, secret };
  });
}

async function lockedKey(tx: Queryable, id: string): Promise<KeyRow> {
  const found = await tx.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE id = $1 FOR UPDATE`, [id]);
  const row = found.rows[0];
  if (!row) throw new AppError(404, 'not_found', 'That API key was not found.');
  if (row.revoked_at) throw new AppError(409, 'api_key_revoked', 'That API key is already revoked.');
  if (row.replaced_by) throw new AppError(409, 'api_key_replaced', 'That API key was already rotated; rotate its replacement.');
  return row;
}

/**
 * Replaces a key with a new one of the same integration and scopes. The old key keeps working
 * for `graceMinutes` so the ERP can be switched over without a gap; 0 ends it at once.
 */
export async function rotateApiKey(db: Db, actor: Actor & { id: string }, id: string, graceMinutes: number): Promise<{ key: ApiKeyView; secret: string; replaced: ApiKeyView }> {
  return db.transaction(async (tx) => {
    const old = await lockedKey(tx, id);
    const { view, secret } = await insertKey(tx, old.integration, old.scopes.filter(isApiScope), actor.id, old.partner_gln);
    const ended = await tx.query<KeyRow>(
      `UPDATE api_keys SET replaced_by = $2,
              expires_at = CASE WHEN $3::int = 0 THEN expires_at ELSE LEAST(COALESCE(expires_at, 'infinity'), now() + make_interval(mins => $3::int)) END,
              revoked_at = CASE WHEN $3::int = 0 THEN now() ELSE revoked_at END
        WHERE id = $1 RETURNING ${KEY_COLUMNS}`,
      [id, view.id, graceMinutes],
    );
    const replaced = toView(ended.rows[0]!);
    await appendAudit(tx, actor, [
      { action: 'api_key.created', entityType: 'api_key', entityId: view.id, after: view, reason: `rotation of ${old.prefix}` },
      { action: 'api_key.rotated', entityType: 'api_key', entityId: id, before: toView(old), after: replaced, reason: graceMinutes === 0 ? 'ended at once' : `valid for ${graceMinutes} more minutes` },
    ]);
    return { key: view, secret, replaced };
  });
}

export async function revokeApiKey(db: Db, actor: Actor, id: string, reason: string): Promise<ApiKeyView> {
  return db.transaction(async (tx) => {
    const found = await tx.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE id = $1 FOR UPDATE`, [id]);
    const old = found.rows[0];
    if (!old) throw new AppError(404, 'not_found', 'That API key was not found.');
    if (old.revoked_at) throw new AppError(409, 'api_key_revoked', 'That API key is already revoked.');
    const done = await tx.query<KeyRow>(`UPDATE api_keys SET revoked_at = now() WHERE id = $1 RETURNING ${KEY_COLUMNS}`, [id]);
    const view = toView(done.rows[0]!);
    await appendAudit(tx, actor, [{ action: 'api_key.revoked', entityType: 'api_key', entityId: id, before: toView(old), after: view, reason }]);
    return view;
  });
}

export async function listApiKeys(db: Queryable): Promise<ApiKeyView[]> {
  return (await db.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY integration, created_at DESC`)).rows.map(toView);
}

/** One lookup per request, so a revocation bites on the next call. */
export async function resolveApiKey(db: Queryable, secret: string): Promise<ApiKeyLookup> {
  if (!API_KEY_PATTERN.test(secret)) return { status: 'unknown' };
  const found = await db.query<KeyRow & { expired: boolean }>(`SELECT ${KEY_COLUMNS}, expires_at <= now() AS expired FROM api_keys WHERE key_hash = $1`, [hashToken(secret)]);
  const row = found.rows[0];
  if (!row) return { status: 'unknown' };
  if (row.revoked_at) return { status: 'revoked' };
  if (row.expired) return { status: 'expired' };
  return { status: 'valid', caller: { keyId: row.id, integration: row.integration, prefix: row.prefix, scopes: row.scopes.filter(isApiScope), partnerGln: row.partner_gln } };
}

/** Marks the key used, in the write's transaction. */
export async function markKeyUsed(tx: Queryable, keyId: string): Promise<void> {
  await tx.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [keyId]);
}
