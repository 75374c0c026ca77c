import { z } from '@hono/zod-openapi';
import { DbUuid } from '../../http/schemas';

const GTIN = z.string().regex(/^[0-9]{14}$/, 'must be a 14-digit GTIN');
const text = (max: number) => z.string().trim().min(1, 'is required').max(max);

// One input, told apart by its kind: what the recall starts from; `family` on any of them asks
// for the whole family besides the forward walk.
const family = { family: z.boolean().optional() };
export const ScopeInputSchema = z
  .union([
    z.object({ kind: z.enum(['lot', 'component_lot']), lotId: DbUuid, ...family }).strict(),
    z.object({ kind: z.enum(['lot', 'component_lot']), lotNumber: text(20), gtin: GTIN.optional(), ...family }).strict(),
    z.object({ kind: z.literal('serial'), gtin: GTIN, serial: text(20), ...family }).strict(),
    z.object({ kind: z.literal('supplier_lot'), supplierLot: text(40), supplier: text(200).optional(), gtin: GTIN.optional(), ...family }).strict(),
  ])
  .openapi('RecallScopeInput');
