import { api } from './client';
import type { Answer, Schema } from './types';

export type Account = Schema<'User'>;
export type NewAccount = Schema<'NewUser'>;
export type AccountChange = Schema<'UserChange'>;

export const listAccounts = (token: string) => api<Answer<'/api/users', 'get'>>('/api/users', { token }).then((r) => r.users);

export const createAccount = (token: string, account: NewAccount) => api<Answer<'/api/users', 'post'>>('/api/users', { token, method: 'POST', body: JSON.stringify(account) });

export const changeAccount = (token: string, id: string, change: AccountChange) => api<Answer<'/api/users/{id}', 'patch'>>(`/api/users/${id}`, { token, method: 'PATCH', body: JSON.stringify(change) });

export const unlockAccount = (token: string, id: string, reason: string) => api<undefined>(`/api/users/${id}/unlock`, { token, method: 'POST', body: JSON.stringify({ reason } satisfies Schema<'Unlock'>) });
