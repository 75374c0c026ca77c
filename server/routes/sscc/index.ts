import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { isValidSscc } from '../../../domain/sscc';
import { AppError } from '../../errors';
import { actorOf, type AppDeps, type AppEnv } from '../../http/env';
import { authErrors, badRequest, bearer, ErrorSchema, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { MAX_SSCCS_AT_ONCE, findIssuedSscc, issueSsccsFor } from '../../numbering';

/** GS1: an SSCC is not issued again within 12 months of the shipment it named. */
export const DEFAULT_SSCC_REUSE_MONTHS = 12;

const IssuedSsccSchema = z
  .object({
    sscc: z.string().openapi({ description: 'The 18-digit Serial Shipping Container Code (AI 00)', example: '069012340000000017' }),
    issuedAt: z.string(),
    issuedBy: z.string().nullable().openapi({ description: 'User name of who issued it' }),
    purpose: z.string().openapi({ description: 'What it was issued for (a pallet of a shipment, a case of a work order)' }),
  })
  .openapi('IssuedSscc', { description: 'An SSCC Lotline issued' });

const issue = createRoute({
  method: 'post',
  path: '/api/sscc',
  tags: ['labels'],
  summary: 'Issue the next SSCCs of a GS1 Company Prefix and extension digit',
  description:
    'SSCCs are numbered from a counter per company prefix and extension digit, shared by every server on the database, and one issued within the reuse window (LOTLINE_SSCC_REUSE_MONTHS, at least 12) is passed over. The company prefix must be one GS1 allocates with that many digits.',
  security: bearer,
  request: {
    body: jsonBody(
      z.object({
        companyPrefix: z.string().regex(/^\d{6,12}$/, 'must be a GS1 Company Prefix of 6 to 12 digits'),
        extension: z.number().int().min(0, 'must be a digit 0-9').max(9, 'must be a digit 0-9'),
        count: z.number().int().min(1, `must be 1 to ${MAX_SSCCS_AT_ONCE}`).max(MAX_SSCCS_AT_ONCE, `must be 1 to ${MAX_SSCCS_AT_ONCE}`),
        purpose: z.string().min(1).max(200),
      }),
    ),
  },
  responses: {
    201: jsonResponse('Issued, in order', z.object({ ssccs: z.array(z.string()) })),
    ...badRequest,
    ...authErrors,
    409: jsonResponse('Every SSCC of this prefix and extension is in its reuse window', ErrorSchema),
    422: jsonResponse('Not a whole GS1 Company Prefix', ErrorSchema),
  },
});

const lookUp = createRoute({
  method: 'get',
  path: '/api/sscc/{sscc}',
  tags: ['labels'],
  summary: 'Who issued an SSCC, when and what for',
  security: bearer,
  request: { params: z.object({ sscc: z.string().openapi({ param: { name: 'sscc', in: 'path' }, example: '069012340000000017' }) }) },
  responses: { 200: jsonResponse('Issued', IssuedSsccSchema), ...badRequest, ...authErrors, 404: jsonResponse('Lotline did not issue it', ErrorSchema) },
});

export function ssccRoutes(deps: AppDeps) {
  const reuseMonths = deps.ssccReuseMonths ?? DEFAULT_SSCC_REUSE_MONTHS;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(issue, async (c) => {
      const session = c.get('session')!;
      const body = c.req.valid('json');
      const ssccs = await issueSsccsFor(deps.db, { ...actorOf(session), id: session.user.id }, { ...body, reuseMonths });
      return c.json({ ssccs }, 201);
    })
    .openapi(lookUp, async (c) => {
      const { sscc } = c.req.valid('param');
      if (!isValidSscc(sscc)) throw new AppError(400, 'bad_request', `${sscc} is not an SSCC: 18 digits with a GS1 check digit.`, { field: 'sscc' });
      const found = await findIssuedSscc(deps.db, sscc);
      if (!found) throw new AppError(404, 'not_found', `Lotline did not issue SSCC ${sscc}.`);
      return c.json(found, 200);
    });
}
