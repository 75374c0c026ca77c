import type { Answer, Schema } from './types';

export type User = Schema<'User'>;
export type Health = Schema<'Health'>;

/** A refusal from the server, or `offline` when it could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get offline(): boolean {
    return this.code === 'offline';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: Record<string, unknown> };
}

export async function api<T>(path: string, init: RequestInit & { token?: string | undefined } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  // JSON unless the caller sends a file: a FormData body carries its own multipart type.
  if (typeof init.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, 'offline', 'The server cannot be reached.');
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as T & ErrorBody;
  if (!response.ok) {
    // A page served by something other than the API (a captive portal, a proxy error) is offline too.
    const error = (body as ErrorBody).error;
    if (!error?.code) throw new ApiError(response.status, response.status >= 500 ? 'offline' : 'unknown', `HTTP ${response.status}`);
    throw new ApiError(response.status, error.code, error.message ?? error.code, error.details ?? {});
  }
  return body;
}

/** passwordChangeRequired: a first password someone else chose; the server allows only changing it. */
export type LoginResponse = Schema<'LoginResponse'>;

export const login = (username: string, password: string, deviceToken?: string) =>
  api<LoginResponse>('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }), headers: deviceToken ? { 'x-lotline-device': deviceToken } : {} });
export const me = (token: string) => api<Answer<'/api/auth/me', 'get'>>('/api/auth/me', { token });
export const changePassword = (token: string, currentPassword: string, newPassword: string) =>
  api<void>('/api/auth/password', { method: 'POST', token, body: JSON.stringify({ currentPassword, newPassword }) });
export const logout = (token: string) => api<void>('/api/auth/logout', { method: 'POST', token });
export const health = () => api<Health>('/api/health');
