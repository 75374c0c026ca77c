import type { Hook } from '@hono/zod-openapi';
import { AppError } from '../errors';
import type { AppEnv } from './env';

interface Issue {
  path: PropertyKey[];
  message: string;
}

/** A failed schema check becomes one 400 that names the failing field first. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches the library's own hook signature
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (result.success) return;
  const issues = (result.error.issues as Issue[]).map((issue) => ({
    field: [result.target === 'json' ? 'body' : result.target, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  throw new AppError(400, 'invalid_request', first ? `${first.field}: ${first.message}` : 'The request is not valid.', { issues });
};
