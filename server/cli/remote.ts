import type { CliIo } from './io';

/** An API error as the server worded it, or a transport failure. */
export class RemoteError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

export interface RemoteSession {
  url: string;
  /** JSON in, JSON out; an error answer becomes a RemoteError with the server's message. */
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** The raw answer, for downloads; errors already turned into RemoteError. */
  fetch(method: string, path: string): Promise<Response>;
  /** A file as the raw request body (POST), JSON back. */
  upload<T>(path: string, content: Uint8Array): Promise<T>;
  close(): Promise<void>;
}

export interface RemoteCredentials {
  token?: string | undefined;
  user?: string | undefined;
  password?: string | undefined;
}

/** Credentials from the environment and flags; a password is asked for on stdin only if needed. */
export function credentialsFrom(env: Record<string, string | undefined>, user: string | undefined): RemoteCredentials {
  return { token: env.LOTLINE_TOKEN || undefined, user: user ?? (env.LOTLINE_USER || undefined), password: env.LOTLINE_PASSWORD || undefined };
}

export function hasCredentials(c: RemoteCredentials): boolean {
  return Boolean(c.token || c.user);
}

async function errorOf(response: Response): Promise<RemoteError> {
  let code = 'http_error';
  let message = `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {
    // Not our JSON (a proxy's error page): the status says enough.
  }
  return new RemoteError(message, response.status, code);
}

async function send(base: string, method: string, path: string, token: string | undefined, body?: unknown): Promise<Response> {
  let response: Response;
  const raw = body instanceof Uint8Array;
  try {
    response = await fetch(new URL(path, base), {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': raw ? 'application/octet-stream' : 'application/json' }) },
      ...(body === undefined ? {} : { body: raw ? new Blob([body as Uint8Array<ArrayBuffer>]) : JSON.stringify(body) }),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new RemoteError(`cannot reach ${base}: ${cause?.code ?? cause?.message ?? (error as Error).message}`, 0, 'unreachable');
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

async function readPassword(io: CliIo, user: string): Promise<string> {
  io.err(`Password for ${user}: `);
  for await (const line of io.lines()) return line;
  return '';
}

/**
 * Signs in to a running server: with a session token (LOTLINE_TOKEN) as is, or as a user whose
 * password comes from LOTLINE_PASSWORD or one line of stdin. A session opened here is closed
 * again by close().
 */
export async function connectRemote(url: string, credentials: RemoteCredentials, io: CliIo): Promise<RemoteSession> {
  let base: string;
  try {
    base = new URL(url).toString();
  } catch {
    throw new RemoteError(`--url is not a URL: ${url}`, 0, 'bad_url');
  }
  let token = credentials.token;
  let ownSession = false;
  if (!token) {
    if (!credentials.user) throw new RemoteError('the server needs credentials: set LOTLINE_TOKEN to a session token, or give --user NAME (password from LOTLINE_PASSWORD or stdin)', 0, 'no_credentials');
    const password = credentials.password ?? (await readPassword(io, credentials.user));
    const login = (await (await send(base, 'POST', '/api/auth/login', undefined, { username: credentials.user, password })).json()) as { token: string; passwordChangeRequired?: boolean };
    token = login.token;
    ownSession = true;
  }
  const bearer = token;
  return {
    url: base,
    async json<T>(method: string, path: string, body?: unknown) {
      return (await (await send(base, method, path, bearer, body)).json()) as T;
    },
    fetch: (method, path) => send(base, method, path, bearer),
    async upload<T>(path: string, content: Uint8Array) {
      return (await (await send(base, 'POST', path, bearer, content)).json()) as T;
    },
    async close() {
      if (ownSession) await send(base, 'POST', '/api/auth/logout', bearer).catch(() => undefined);
    },
  };
}
