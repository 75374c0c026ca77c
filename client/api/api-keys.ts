import type { ApiScope } from '../../domain/integration';
import { api } from './client';

export interface ApiKey {
  id: string;
  integration: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  replacedBy: string | null;
  lastUsedAt: string | null;
  state: 'active' | 'expiring' | 'expired' | 'revoked';
}

/** A key just made: its secret is in this answer and nowhere else. */
export interface IssuedKey {
  key: ApiKey;
  secret: string;
}

export const listApiKeys = (token: string) => api<{ keys: ApiKey[] }>('/api/api-keys', { token }).then((r) => r.keys);

export const createApiKey = (token: string, input: { integration: string; scopes: ApiScope[] }) => api<IssuedKey>('/api/api-keys', { token, method: 'POST', body: JSON.stringify(input) });

export const rotateApiKey = (token: string, id: string, graceMinutes: number) => api<IssuedKey>(`/api/api-keys/${id}/rotate`, { token, method: 'POST', body: JSON.stringify({ graceMinutes }) });

export const revokeApiKey = (token: string, id: string, reason: string) => api<ApiKey>(`/api/api-keys/${id}/revoke`, { token, method: 'POST', body: JSON.stringify({ reason }) });
