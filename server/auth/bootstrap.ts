import type { Db } from '../db';
import { randomPassword } from './password';
import { createUser } from './users';

export interface AdminBootstrap {
  created: boolean;
  /** Present only when the password was generated here: shown once, never stored in clear. */
  generatedPassword?: string;
}

/**
 * On an empty user table, creates `admin` with the configured password or a random one. A
 * production start also marks that password as one to change before anything else: it was
 * printed on a terminal or written in the environment, where others can read it.
 */
export async function ensureAdmin(db: Db, configuredPassword: string | undefined, options: { requirePasswordChange?: boolean } = {}): Promise<AdminBootstrap> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7701003)');
    const any = await tx.query('SELECT 1 FROM users LIMIT 1');
    if (any.rows.length > 0) return { created: false };
    const password = configuredPassword ?? randomPassword();
    const admin = await createUser(tx, { id: null, name: 'system' }, { username: 'admin', displayName: 'Administrator', password, roles: ['admin'], locale: 'zh-CN' });
    if (options.requirePasswordChange) await tx.query('UPDATE users SET password_change_required = true WHERE id = $1', [admin.id]);
    return configuredPassword ? { created: true } : { created: true, generatedPassword: password };
  });
}
