import type { MiddlewareHandler } from 'hono';
import { findIllFormedText, type IllFormedText } from '../../domain/text';
import { AppError } from '../errors';
import type { AppEnv } from './env';

/**
 * Device op batches are judged op by op in the push, so one bad op is rejected on its own and
 * does not block the device's queue; every stored string there goes through the same rule.
 */
const JUDGED_PER_OP = new Set(['/api/sync/ops/push']);

const PROBLEM_TEXT: Record<IllFormedText['problem'], string> = {
  nul: 'contains a NUL character',
  lone_surrogate: 'is not well-formed Unicode (a lone UTF-16 surrogate)',
};

function refuse(field: string, problem: IllFormedText['problem']): AppError {
  return new AppError(400, 'invalid_text', `${field} ${PROBLEM_TEXT[problem]}; such text cannot be stored as it is.`, { field, problem });
}

function percentDecoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null; // not UTF-8 at all: the router and the schemas refuse it on their own
  }
}

/**
 * Every string that enters the database must be stored exactly as it was received, or the
 * audit chain would hash one text and keep another. A JSON body, query or path holding NUL or
 * a lone surrogate is refused here, before any route reads it, with the field named.
 */
export function wellFormedText(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const pathText = percentDecoded(url.pathname);
    if (pathText !== null && findIllFormedText(pathText)) throw refuse('path', findIllFormedText(pathText)!.problem);
    for (const [key, value] of url.searchParams) {
      const found = findIllFormedText(key) ?? findIllFormedText(value);
      if (found) throw refuse(`query.${key}`, found.problem);
    }
    const type = c.req.header('content-type') ?? '';
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && /^application\/([\w.+-]*\+)?json\b/i.test(type) && !JUDGED_PER_OP.has(c.req.path)) {
      // Parsed once and cached by the request: the route's own validator reads the same value.
      const body: unknown = await c.req.json().catch(() => undefined);
      const found = findIllFormedText(body);
      if (found) throw refuse(found.path ? `body.${found.path}` : 'body', found.problem);
    }
    await next();
  };
}
