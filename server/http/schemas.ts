import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/auth';
import { SIGNATURE_MEANINGS } from '../../domain/lots';
import { UUID_TEXT } from '../../domain/text';

/** An id as the database keeps it (see UUID_TEXT): ids this API hands out are always taken back. */
export const DbUuid = z.string().regex(UUID_TEXT, 'Invalid UUID');

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');

export const RoleSchema = z.enum(ROLES).openapi('Role');
export const LocaleSchema = z.enum(['zh-CN', 'en']);

export const UserSchema = z
  .object({
    id: DbUuid,
    username: z.string(),
    displayName: z.string(),
    roles: z.array(RoleSchema),
    locale: LocaleSchema,
    active: z.boolean(),
    version: z.number().int(),
  })
  .openapi('User');

export const UuidParam = z.object({ id: DbUuid.openapi({ param: { name: 'id', in: 'path' } }) });

/** The error responses every authenticated route can give, declared once. */
export const authErrors = {
  401: { description: 'Not signed in, or the session expired or was revoked', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'Signed in without the role this needs', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

export const badRequest = { 400: { description: 'The request failed validation', content: { 'application/json': { schema: ErrorSchema } } } } as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } }) as const;
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } }) as const;

export const bearer = [{ bearer: [] }];

/** What a signed record shows of its signer (21 CFR 11.50): printed name, time, meaning. */
export const SignatureSchema = z
  .object({ userId: z.string(), username: z.string(), name: z.string(), meaning: z.enum(SIGNATURE_MEANINGS), signedAt: z.string() })
  .openapi('Signature');
