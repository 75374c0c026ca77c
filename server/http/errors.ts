import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
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
  console.error(`[${requestId ?? '-'}] ${c.req.method} ${c.req.path} failed:`, error);
  return c.json(errorBody('internal', 'Something went wrong on the server. The error was logged.', requestId ? { requestId } : undefined), 500);
}
