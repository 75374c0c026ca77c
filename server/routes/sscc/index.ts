import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { LOGISTIC_SIZES, logisticLabelZpl } from '../../../domain/labels';
import { isValidSscc } from '../../../domain/sscc';
import { AppError } from '../../errors';
import { actorOf, type AppDeps, type AppEnv } from '../../http/env';
import { authErrors, badRequest, bearer, ErrorSchema, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { MAX_SSCCS_AT_ONCE, findIssuedSscc, issueSsccsFor } from '../../numbering';
import { containerContents } from '../../packaging/contents';
import { renderPreview } from '../../printing/preview';
import { textForPrinter } from '../../printing/text-graphics';
import { expectedRollUp, inboundRecord } from './inbound';

/** GS1: an SSCC is not issued again within 12 months of the shipment it named. */
export const DEFAULT_SSCC_REUSE_MONTHS = 12;

const SsccParam = z.object({ sscc: z.string().openapi({ param: { name: 'sscc', in: 'path' }, example: '069012340000000017' }) });

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
  request: { params: SsccParam },
  responses: { 200: jsonResponse('Issued', IssuedSsccSchema), ...badRequest, ...authErrors, 404: jsonResponse('Lotline did not issue it', ErrorSchema) },
});

const PartySchema = z.object({
  name: z.string().openapi({ description: 'Company name, up to 60 characters' }),
  address: z.array(z.string()).max(3).optional().openapi({ description: 'Up to three address lines' }),
});

const label = createRoute({
  method: 'post',
  path: '/api/sscc/{sscc}/label',
  tags: ['labels'],
  summary: 'The GS1 logistic label of an issued SSCC, as ZPL and as a preview',
  description:
    'Ship-from and ship-to on top, the data with their titles in the middle, the barcodes at the bottom with the SSCC lowest, at the GS1 minimum X-dimension (0.495 mm) and bar height (31.75 mm). The content (02)+(37) with (10) and (17) goes in one GS1-128 when it fits the width, else split. A label its data cannot fit on is refused (422) naming the field.',
  security: bearer,
  request: {
    params: SsccParam,
    body: jsonBody(
      z.object({
        size: z.enum(Object.keys(LOGISTIC_SIZES) as [keyof typeof LOGISTIC_SIZES]).default('4x6'),
        dpi: z.union([z.literal(203), z.literal(300)]).default(203),
        shipFrom: PartySchema,
        shipTo: PartySchema,
        content: z.object({ gtin: z.string(), count: z.number(), lot: z.string().optional(), expiry: z.string().optional() }).optional(),
        reference: z.string().optional(),
      }),
    ),
  },
  responses: {
    200: jsonResponse('The label', z.object({ zpl: z.string(), png: z.string().openapi({ description: 'Base64 PNG drawn from the same ZPL' }), symbols: z.array(z.array(z.string())) })),
    ...badRequest,
    ...authErrors,
    404: jsonResponse('Lotline did not issue it', ErrorSchema),
    422: jsonResponse('The data does not print well on this label', ErrorSchema),
  },
});

const UnitSchema = z.object({ gtin: z.string(), lotNumber: z.string(), serial: z.string().nullable(), qty: z.number() });
type TreeShape = { sscc: string; level: 'inner' | 'case' | 'pallet' | 'unit'; version: number; shipped: boolean; units: z.infer<typeof UnitSchema>[]; children: TreeShape[] };
const ContainerTreeSchema: z.ZodType<TreeShape> = z
  .lazy(() =>
    z.object({
      sscc: z.string(),
      level: z.enum(['unit', 'inner', 'case', 'pallet']),
      version: z.number().int(),
      shipped: z.boolean(),
      units: z.array(UnitSchema),
      children: z.array(ContainerTreeSchema),
    }),
  )
  .openapi('ContainerTree', { description: 'A container with what it holds directly: units and the containers inside it, each as a tree' });

const ContainerContentsSchema = z
  .object({
    sscc: z.string(),
    status: z.enum(['loose', 'packed', 'shipped', 'received', 'expected']).openapi({
      description: "A supplier's SSCC is expected while an open ship notice names it and received once booked (until packed or shipped); the plant's own are loose, packed or shipped",
    }),
    inbound: z
      .object({
        notice: z.string(),
        supplier: z.string(),
        receivedAt: z.string().nullable(),
        receivedBy: z.string().nullable().openapi({ description: 'User name of who received it' }),
        receivedLocation: z.string().nullable().openapi({ description: 'Code of the location it was received to' }),
      })
      .nullable()
      .openapi({ description: "The ship notice and supplier of a supplier's SSCC, and who received it, when and where; null for the plant's own" }),
    parent: z.string().nullable(),
    path: z.array(z.string()).openapi({ description: 'The containers above it, nearest first' }),
    spec: z.string().openapi({ description: 'Its packaging spec' }),
    version: z.number().int().openapi({ description: '0 when labelled and empty (or expected, not received yet); each pack or unpack adds one' }),
    shippedAt: z.string().nullable(),
    shipTo: z.object({ code: z.string(), name: z.string() }).nullable(),
    tree: ContainerTreeSchema,
    rollUp: z
      .array(z.object({ gtin: z.string(), lotNumber: z.string(), qty: z.number(), serials: z.number().int(), expiresOn: z.string().nullable(), held: z.number().openapi({ description: 'Units of the lot that may not ship now: held, recalled, expired, rejected' }) }))
      .openapi({ description: 'What it holds at any depth by item and lot, earliest expiry first' }),
  })
  .openapi('ContainerContents');

const contents = createRoute({
  method: 'get',
  path: '/api/sscc/{sscc}/contents',
  tags: ['labels'],
  summary: 'What a case or pallet holds: status, ship-to, the tree below it and a roll-up by item and lot',
  description:
    "Also a supplier's SSCC: received (its notice, supplier, who received it, when and where, and the lots it brought) or expected on an open ship notice (what the notice says it holds, so the dock can check a pallet before booking it).",
  security: bearer,
  request: { params: SsccParam },
  responses: { 200: jsonResponse('The container', ContainerContentsSchema), ...badRequest, ...authErrors, 404: jsonResponse('Nothing was packed or received under that SSCC, and no open notice expects it', ErrorSchema) },
});

async function issued(deps: AppDeps, sscc: string) {
  if (!isValidSscc(sscc)) throw new AppError(400, 'bad_request', `${sscc} is not an SSCC: 18 digits with a GS1 check digit.`, { field: 'sscc' });
  const found = await findIssuedSscc(deps.db, sscc);
  if (!found) throw new AppError(404, 'not_found', `Lotline did not issue SSCC ${sscc}.`);
  return found;
}

export function ssccRoutes(deps: AppDeps) {
  const reuseMonths = deps.ssccReuseMonths ?? DEFAULT_SSCC_REUSE_MONTHS;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(issue, async (c) => {
      const session = c.get('session')!;
      const body = c.req.valid('json');
      const ssccs = await issueSsccsFor(deps.db, { ...actorOf(session), id: session.user.id }, { ...body, reuseMonths });
      return c.json({ ssccs }, 201);
    })
    .openapi(lookUp, async (c) => c.json(await issued(deps, c.req.valid('param').sscc), 200))
    .openapi(contents, async (c) => {
      const { sscc } = c.req.valid('param');
      if (!isValidSscc(sscc)) throw new AppError(400, 'bad_request', `${sscc} is not an SSCC: 18 digits with a GS1 check digit.`, { field: 'sscc' });
      const [found, inbound] = await Promise.all([containerContents(deps.db, sscc), inboundRecord(deps.db, sscc)]);
      if (found) {
        // A received pallet reads as received until it is packed into another or shipped on.
        const status: 'received' | typeof found.status = inbound?.status === 'received' && found.status === 'loose' ? 'received' : found.status;
        return c.json({ ...found, status, inbound: inbound?.status === 'received' ? inbound.origin : null }, 200);
      }
      // Expected: the clerk at the dock checks the pallet against its notice before booking it.
      if (inbound?.status === 'expected') {
        const units = expectedRollUp(inbound.lines).map((l) => ({ gtin: l.gtin, lotNumber: l.lotNumber, serial: null, qty: l.qty }));
        return c.json(
          {
            sscc,
            status: 'expected' as const,
            inbound: inbound.origin,
            parent: null,
            path: [],
            spec: 'received-pallet',
            version: 0,
            shippedAt: null,
            shipTo: null,
            tree: { sscc, level: 'pallet' as const, version: 0, shipped: false, units, children: [] },
            rollUp: expectedRollUp(inbound.lines),
          },
          200,
        );
      }
      if (!(await findIssuedSscc(deps.db, sscc))) throw new AppError(404, 'not_found', `Lotline did not issue SSCC ${sscc}, and no open ship notice names it.`);
      throw new AppError(404, 'not_found', `Nothing was packed under SSCC ${sscc}.`);
    })
    .openapi(label, async (c) => {
      const { sscc } = await issued(deps, c.req.valid('param').sscc);
      const { size, dpi, ...data } = c.req.valid('json');
      const made = logisticLabelZpl({ ...data, sscc }, { size, dpi });
      if (!made.ok) throw new AppError(422, 'label_data_refused', `${made.field}: ${made.message}`, { field: made.field });
      // Chinese names drawn as pictures, so the ZPL prints on any printer and the preview shows them.
      const zpl = textForPrinter(made.zpl, { cjkFont: null });
      const png = await renderPreview(zpl, { widthDots: made.widthDots, heightDots: made.heightDots, dpi });
      return c.json({ zpl, png: Buffer.from(png).toString('base64'), symbols: made.symbols }, 200);
    });
}
