import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret: 256 random bits. Only its hash is stored. */
export function newToken(prefix: 'ses' | 'dev' | 'lk'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
