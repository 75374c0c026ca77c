import { z } from '@hono/zod-openapi';
import { LOT_STATUSES } from '../../../domain/lots';
import { StoredScopeInput } from './case-schemas';

/** What a recall of an input would reach now, and how that differs from a case's frozen scope (client/api/recalls.ts reads both). */

const quantity = z.number();
const perConsignee = z.object({ customerId: z.string(), qty: quantity });

export const ScopeBalanceSchema = z
  .object({
    lots: z.array(
      z.object({
        lotId: z.string(),
        broughtIn: quantity,
        inStock: quantity.openapi({ description: 'In stock and free: not picked for any list' }),
        picked: quantity.openapi({ description: 'In stock, picked and staged for a pick list' }),
        scrapped: quantity,
        atConsignees: z.array(perConsignee).openapi({ description: 'Shipped less returned, per consignee that still has some' }),
        shippedOut: quantity,
        consumed: quantity,
        corrected: quantity,
        accounted: quantity,
        unaccounted: quantity,
        percent: z.number().nullable().openapi({ description: 'accounted / broughtIn in percent; null for a lot nothing was ever booked into' }),
        balanced: z.boolean(),
      }),
    ),
    broughtIn: quantity,
    accounted: quantity,
    unaccounted: quantity,
    percent: z.number().nullable(),
    balanced: z.boolean().openapi({ description: 'Every lot balances on its own: a surplus in one lot cannot hide a loss in another' }),
    unbalancedLots: z.array(z.string()),
  })
  .openapi('RecallScopeBalance');

export const RecallScopeSchema = z
  .object({
    input: StoredScopeInput,
    described: z.string(),
    roots: z.array(z.string()).openapi({ description: 'The lots the input names, where the forward walk starts' }),
    lots: z.array(
      z.object({
        id: z.string(),
        lotNumber: z.string(),
        gtin: z.string(),
        itemName: z.string(),
        status: z.enum(LOT_STATUSES),
        origin: z.enum(['received', 'produced']),
        supplier: z.string().nullable(),
        supplierLot: z.string().nullable(),
        depth: z.number().int().openapi({ description: "Genealogy hops from the input (forward), or from the family's root (family)" }),
        reached: z.enum(['forward', 'family']),
        hold: z.enum(['recall', 'already_recalled', 'disposed']).openapi({ description: 'What opening the case does to the lot' }),
      }),
    ),
    stock: z.array(z.object({ lotId: z.string(), locationId: z.string(), locationCode: z.string(), locationKind: z.string(), qty: quantity })),
    shipmentLines: z.array(z.object({ id: z.string(), shipmentId: z.string(), shipment: z.string(), customerId: z.string(), lotId: z.string(), serial: z.string().nullable(), qty: quantity, shippedAt: z.string() })),
    consignees: z.array(z.object({ customerId: z.string(), code: z.string(), name: z.string(), lines: z.number().int(), shipped: quantity, returned: quantity, outstanding: quantity })),
    links: z.array(z.object({ parentLotId: z.string(), childLotId: z.string(), qty: quantity })),
    picked: z.array(z.object({ pickListId: z.string(), pickList: z.string(), lotId: z.string(), locationId: z.string(), qty: quantity })),
    unsynced: z
      .object({ devices: z.array(z.object({ deviceId: z.string(), name: z.string(), queuedOps: z.number().int(), lastSeenAt: z.string().nullable() })), queuedOps: z.number().int() })
      .openapi({ description: 'Handhelds that hold ops not yet sent: beside the mass balance, not in it' }),
    balance: ScopeBalanceSchema,
    conflicts: z.array(z.object({ lotId: z.string(), lotNumber: z.string(), caseId: z.string(), caseNumber: z.string() })).openapi({ description: 'Lots of the scope an open case already holds' }),
    containers: z
      .array(z.object({ lotId: z.string(), sscc: z.string(), level: z.enum(['inner', 'case', 'pallet']), qty: quantity, serials: z.number().int(), outermost: z.string(), shippedAt: z.string().nullable() }))
      .openapi({ description: 'Cases and pallets holding lots of the scope, each with the outermost container it sits in, as they were when shipped' }),
  })
  .openapi('RecallScope');

const DiffLot = z.object({ lotId: z.string(), lotNumber: z.string() });

export const RecallScopeDiffSchema = z
  .object({
    lotsAdded: z.array(DiffLot).openapi({ description: 'Lots the input reaches now and did not when the case froze its scope' }),
    lotsGone: z.array(DiffLot),
    consignees: z.array(
      z.object({
        customerId: z.string(),
        code: z.string(),
        name: z.string(),
        change: z.enum(['added', 'gone', 'more', 'less']),
        frozenShipped: quantity,
        nowShipped: quantity,
        frozenLines: z.number().int(),
        nowLines: z.number().int(),
      }),
    ),
    unchanged: z.boolean(),
  })
  .openapi('RecallScopeDiff');
