import { api } from './client';
import type { Answer, RequestBody, Schema } from './types';

export type ApiKey = Schema<'ApiKey'>;

/** A key just made: its secret is in this answer and nowhere else. */
export type IssuedKey = Answer<'/api/api-keys', 'post'>;

export const listApiKeys = (token: string) => api<Answer<'/api/api-keys', 'get'>>('/api/api-keys', { token }).then((r) => r.keys);

export const createApiKey = (token: string, input: RequestBody<'/api/api-keys', 'post'>) => api<IssuedKey>('/api/api-keys', { token, method: 'POST', body: JSON.stringify(input) });

export const rotateApiKey = (token: string, id: string, graceMinutes: number) =>
  api<Answer<'/api/api-keys/{id}/rotate', 'post'>>(`/api/api-keys/${id}/rotate`, { token, method: 'POST', body: JSON.stringify({ graceMinutes }) });

export const revokeApiKey = (token: string, id: string, reason: string) => api<Answer<'/api/api-keys/{id}/revoke', 'post'>>(`/api/api-keys/${id}/revoke`, { token, method: 'POST', body: JSON.stringify({ reason }) });
