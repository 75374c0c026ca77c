import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isConnectionLost, isRolledBackConflict } from '../db';
import { AppError } from '../errors';

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export function errorBody(code: string, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}

const statusCodes: Record<number, string> = { 400: 'invalid_request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 413: 'payload_too_large', 415: 'unsupported_media_type' };

/** Every error leaves as `{error:{code,message,details}}`; an unexpected one is logged here and never shown. */
export function renderError(error: Error, c: Context): Response {
  if (error instanceof AppError) {
    if (error.status === 429 && typeof error.details?.retryAfterSeconds === 'number') c.header('Retry-After', String(error.details.retryAfterSeconds));
    return c.json(errorBody(error.code, error.message, error.details), error.status);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    return c.json(errorBody(statusCodes[status] ?? 'http_error', error.message || 'Request refused.'), status);
  }
  const requestId = c.get('requestId') as string | undefined;
  if (isConnectionLost(error) || isRolledBackConflict(error)) {
    // The database restarted or gave up on the transaction: nothing was half-written, and the
    // same request a moment later will most likely go through. Devices retry on their own.
    console.warn(`[${requestId ?? '-'}] ${c.req.method} ${c.req.path}: database unavailable (${error.message})`);
    c.header('Retry-After', '2');
    return c.json(errorBody('database_unavailable', 'The database is not reachable just now. Try again in a moment.', requestId ? { requestId } : undefined), 503);
  }
  console.error(`[${requestId ?? '-'}] ${c.req.method} ${c.req.path} failed:`, error);
  return c.json(errorBody('internal', 'Something went wrong on the server. The error was logged.', requestId ? { requestId } : undefined), 500);
}
