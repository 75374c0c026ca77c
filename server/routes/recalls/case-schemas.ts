import { z } from '@hono/zod-openapi';
import { LOT_STATUSES, SIGNATURE_MEANINGS } from '../../../domain/lots';
import { EFFECTIVENESS_LEVELS, FDA_CLASSES, JURISDICTIONS, NMPA_CLASSES, RECALL_DEPTHS, RECALL_STATES } from '../../../domain/recall';

/** The answers of the recall case routes, as the console reads them (client/api/recalls.ts). */

const when = z.string().nullable();
const Reached = z.enum(['forward', 'family']);
const Hold = z.enum(['recall', 'already_recalled', 'disposed', 'drill']);

export const StoredScopeInput = z
  .union([
    z.object({ kind: z.enum(['lot', 'component_lot']), lotId: z.string(), family: z.boolean().optional() }),
    z.object({ kind: z.enum(['lot', 'component_lot']), lotNumber: z.string(), gtin: z.string().optional(), family: z.boolean().optional() }),
    z.object({ kind: z.literal('serial'), gtin: z.string(), serial: z.string(), family: z.boolean().optional() }),
    z.object({ kind: z.literal('supplier_lot'), supplierLot: z.string(), supplier: z.string().optional(), gtin: z.string().optional(), family: z.boolean().optional() }),
  ])
  .openapi('RecallStoredScopeInput');

export const RecallCaseSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    drill: z.boolean(),
    state: z.enum(RECALL_STATES),
    terms: z.object({
      reason: z.string(),
      healthHazard: z.string(),
      classes: z.object({ fda: z.enum(FDA_CLASSES).nullable(), nmpa: z.union(NMPA_CLASSES.map((c) => z.literal(c)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>]).nullable(), euFsca: z.boolean() }),
      depth: z.enum(RECALL_DEPTHS).nullable(),
      strategy: z.string(),
      effectiveness: z.object({ level: z.enum(EFFECTIVENESS_LEVELS), percent: z.number().int().nullable() }).nullable(),
      jurisdictions: z.array(z.enum(JURISDICTIONS)).readonly(),
    }),
    owner: z.object({ id: z.string(), username: z.string(), name: z.string() }),
    scopeInput: StoredScopeInput,
    createdAt: z.string(),
    openedAt: when,
    closedAt: when,
    version: z.number().int(),
  })
  .openapi('RecallCase');

export const RecallStepSchema = z
  .object({
    number: z.number().int(),
    from: z.enum(RECALL_STATES),
    to: z.enum(RECALL_STATES),
    meaning: z.enum(SIGNATURE_MEANINGS),
    reason: z.string(),
    signedBy: z.string(),
    signerName: z.string(),
    signedAt: z.string(),
  })
  .openapi('RecallStep');

const quantity = z.number();
export const FrozenScopeSchema = z
  .object({
    lots: z.array(
      z.object({
        lotId: z.string(),
        lotNumber: z.string(),
        gtin: z.string(),
        depth: z.number().int(),
        reached: Reached,
        statusBefore: z.enum(LOT_STATUSES),
        hold: Hold,
        broughtIn: quantity,
        inStock: quantity,
        picked: quantity,
        scrapped: quantity,
        shippedOut: quantity,
        consumed: quantity,
        corrected: quantity,
        unaccounted: quantity,
      }),
    ),
    consignees: z.array(z.object({ customerId: z.string(), code: z.string(), name: z.string(), lines: z.number().int(), shipped: quantity, returned: quantity, outstanding: quantity })),
    shipmentLines: z.number().int(),
    broughtIn: quantity,
    unaccounted: quantity,
  })
  .openapi('RecallFrozenScope');

export const RecallStepOutcomeSchema = z
  .object({
    case: RecallCaseSchema,
    from: z.enum(RECALL_STATES),
    to: z.enum(RECALL_STATES),
    signature: z.object({ userId: z.string(), username: z.string(), name: z.string(), meaning: z.enum(SIGNATURE_MEANINGS), signedAt: z.string() }),
    opened: z
      .object({
        lots: z.number().int(),
        held: z.array(z.string()).openapi({ description: 'The lots this opening made recalled' }),
        heldLots: z.object({ lots: z.number().int(), digest: z.string() }).nullable().openapi({ description: "As the opening's signed audit row records them; null for a drill" }),
        consignees: z.number().int(),
        percent: z.number().nullable(),
        balanced: z.boolean(),
      })
      .nullable(),
  })
  .openapi('RecallStepOutcome');
