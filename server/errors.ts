import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error type that crosses module borders on the server. Codes are stable strings the
 * clients switch on; messages are for people; details carry the failing field or limit.
 */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'Sign in first.') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message: string) => new AppError(403, 'forbidden', message);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
export const conflict = (message: string, details?: Record<string, unknown>) => new AppError(409, 'conflict', message, details);
