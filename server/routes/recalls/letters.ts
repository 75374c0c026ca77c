import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { JURISDICTIONS, LETTER_LANGS, defaultLetterLang, type Jurisdiction, type LetterLang } from '../../../domain/recall';
import { AppError } from '../../errors';
import type { AppDeps, AppEnv } from '../../http/env';
import { DbUuid, ErrorSchema, UuidParam, authErrors, badRequest, bearer, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { issueLetter, issueReplyCodes, listLetters, replyCodeKeyFromAnchor, type ReplyCodeKey } from '../../recall/letters';

/** A case's consignees with their reply code's state and each letter printed (client/api/recall-letters.ts). */
const CaseLettersSchema = z
  .object({
    jurisdictions: z.array(z.enum(JURISDICTIONS)),
    consignees: z.array(
      z.object({
        customerId: z.string(),
        code: z.string(),
        name: z.string(),
        shipped: z.number(),
        replyCode: z.object({ issuedAt: z.string(), answeredAt: z.string().nullable() }).nullable().openapi({ description: 'When the reply code was issued, and when it was answered with; null before it is issued' }),
        letters: z.array(z.object({ jurisdiction: z.enum(JURISDICTIONS), lang: z.enum(LETTER_LANGS), format: z.enum(['pdf', 'html']), issuedAt: z.string(), issuerName: z.string() })),
      }),
    ),
  })
  .openapi('RecallCaseLetters');
const notFound = { 404: jsonResponse('No such case, or the customer is not its consignee', ErrorSchema) } as const;
const conflict = { 409: jsonResponse('The case is a draft, closed, cancelled or a drill: no letters go out for it', ErrorSchema) } as const;
const LetterParams = UuidParam.extend({ customerId: DbUuid.openapi({ param: { name: 'customerId', in: 'path' } }) });
const LetterQuery = z.object({ jurisdiction: z.enum(JURISDICTIONS), lang: z.enum(LETTER_LANGS).optional() });

const list = createRoute({
  method: 'get',
  path: '/api/recalls/{id}/letters',
  tags: ['recall'],
  summary: 'Each consignee of the case: its reply code (issued, answered when) and the letters printed for it',
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: jsonResponse('The letters', CaseLettersSchema), ...badRequest, ...authErrors, ...notFound, ...conflict },
});

const issue = createRoute({
  method: 'post',
  path: '/api/recalls/{id}/letters',
  tags: ['recall'],
  summary: 'Issue the one-time reply code of every consignee that has none yet (never replaces one)',
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: jsonResponse('The letters', CaseLettersSchema), ...badRequest, ...authErrors, ...notFound, ...conflict },
});

const refused = { 422: jsonResponse('A jurisdiction the case is not reported in, or nothing shipped to the consignee', ErrorSchema) } as const;

const pdf = createRoute({
  method: 'get',
  path: '/api/recalls/{id}/letters/{customerId}/pdf',
  tags: ['recall'],
  summary: "A consignee's recall letter for one jurisdiction as PDF (FDA 7.49, NMPA notice or EU FSN), with its reply code, link and QR",
  security: bearer,
  request: { params: LetterParams, query: LetterQuery },
  responses: { 200: { description: 'The letter (application/pdf)' }, ...badRequest, ...authErrors, ...notFound, ...conflict, ...refused },
});

const page = createRoute({
  method: 'get',
  path: '/api/recalls/{id}/letters/{customerId}/page',
  tags: ['recall'],
  summary: 'The same letter as a printable page (text/html with print CSS)',
  security: bearer,
  request: { params: LetterParams, query: LetterQuery },
  responses: { 200: { description: 'The letter (text/html)' }, ...badRequest, ...authErrors, ...notFound, ...conflict, ...refused },
});

/** The key reply codes are derived with: the configured one, else the audit anchor's. */
export function lettersKey(deps: AppDeps): ReplyCodeKey {
  const key = deps.replyCodeKey ?? replyCodeKeyFromAnchor(deps.auditAnchor);
  if (!key) throw new AppError(503, 'letters_unavailable', 'This server has no key to derive reply codes with (the audit anchor key is missing).');
  return key;
}

/** Where consignees reach this server: the configured public address, else the one the console used. */
const baseUrl = (deps: AppDeps, c: Context) => deps.publicUrl ?? new URL(c.req.url).origin;
const fileName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '_');

export function recallLetterRoutes(deps: AppDeps) {
  const render = async (c: Context<AppEnv>, params: { id: string; customerId: string }, query: { jurisdiction: Jurisdiction; lang?: LetterLang | undefined }, format: 'pdf' | 'html') => {
    const lang = query.lang ?? defaultLetterLang(query.jurisdiction);
    return issueLetter(deps.db, c.get('session')!, lettersKey(deps), params.id, params.customerId, { jurisdiction: query.jurisdiction, lang, format, baseUrl: baseUrl(deps, c) });
  };
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => c.json(await listLetters(deps.db, c.req.valid('param').id), 200))
    .openapi(issue, async (c) => c.json(await issueReplyCodes(deps.db, c.get('session')!, lettersKey(deps), c.req.valid('param').id), 200))
    .openapi(pdf, async (c) => {
      const letter = await render(c, c.req.valid('param'), c.req.valid('query'), 'pdf');
      return c.body(new Uint8Array(letter.body as Buffer), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${fileName(letter.filename)}"`, 'x-content-type-options': 'nosniff' });
    })
    .openapi(page, async (c) => {
      const letter = await render(c, c.req.valid('param'), c.req.valid('query'), 'html');
      return c.body(letter.body as string, 200, { 'content-type': 'text/html; charset=utf-8', 'x-content-type-options': 'nosniff' });
    });
}
