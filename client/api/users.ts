import type { Role } from '../../domain/auth';
import { api } from './client';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  locale: 'zh-CN' | 'en';
  active: boolean;
  version: number;
}

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  locale: 'zh-CN' | 'en';
  /** Required by the server when a signing role (qc, supervisor) is granted. */
  reason?: string;
}

export interface AccountChange {
  version: number;
  reason: string;
  roles?: Role[];
  active?: boolean;
}

export const listAccounts = (token: string) => api<{ users: Account[] }>('/api/users', { token }).then((r) => r.users);

export const createAccount = (token: string, account: NewAccount) => api<Account>('/api/users', { token, method: 'POST', body: JSON.stringify(account) });

export const changeAccount = (token: string, id: string, change: AccountChange) => api<Account>(`/api/users/${id}`, { token, method: 'PATCH', body: JSON.stringify(change) });

export const unlockAccount = (token: string, id: string, reason: string) => api<undefined>(`/api/users/${id}/unlock`, { token, method: 'POST', body: JSON.stringify({ reason }) });
