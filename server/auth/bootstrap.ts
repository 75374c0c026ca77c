import type { Db } from '../db';
import { randomPassword } from './password';
import { createUser } from './users';

export interface AdminBootstrap {
  created: boolean;
  /** Present only when the password was generated here: shown once, never stored in clear. */
  generatedPassword?: string;
}

/** On an empty user table, creates `admin` with the configured password or a random one. */
export async function ensureAdmin(db: Db, configuredPassword: string | undefined): Promise<AdminBootstrap> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7701003)');
    const any = await tx.query('SELECT 1 FROM users LIMIT 1');
    if (any.rows.length > 0) return { created: false };
    const password = configuredPassword ?? randomPassword();
    await createUser(tx, { id: null, name: 'system' }, { username: 'admin', displayName: 'Administrator', password, roles: ['admin'], locale: 'zh-CN' });
    return configuredPassword ? { created: true } : { created: true, generatedPassword: password };
  });
}
