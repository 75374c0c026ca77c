import { z } from '@hono/zod-openapi';
import { DISPOSITION_ACTIONS, RETURN_FLAGS } from '../../../domain/recall';
import { SignatureSchema } from '../../http/schemas';

/** The answers of the recovery routes: the closure figures per consignee (client/api/recall-recovery.ts reads them). */

const quantity = z.number();

const ReplySchema = z.object({
  id: z.number().int(),
  channel: z.enum(['qa', 'code']),
  recordedBy: z.string().nullable(),
  recorderName: z.string(),
  recordedAt: z.string(),
  onHand: quantity,
  returned: quantity,
  destroyed: quantity,
  corrected: quantity,
  lost: quantity,
  subDistributed: z.array(z.object({ name: z.string(), qty: quantity })).readonly(),
  note: z.string(),
});

export const ReconciledConsigneeSchema = z
  .object({
    customerId: z.string(),
    code: z.string(),
    name: z.string(),
    shipped: quantity,
    returned: quantity.openapi({ description: 'Units back in the plant: before the case opened and matched to it since' }),
    destroyed: quantity,
    corrected: quantity,
    onHand: quantity,
    lost: quantity,
    answered: z.boolean(),
    accounted: quantity,
    gap: quantity.openapi({ description: 'Positive: units still unaccounted for; negative: more accounted for than was shipped' }),
    explained: z.object({ customerId: z.string(), gap: quantity, explanation: z.string(), signerName: z.string(), signedAt: z.string() }).nullable(),
    open: z.boolean().openapi({ description: 'A gap with no explanation for it: what stands in the way of closure' }),
    reply: ReplySchema.nullable(),
  })
  .openapi('RecallReconciledConsignee');

export const CaseReconciliationSchema = z
  .object({
    consignees: z.array(ReconciledConsigneeSchema),
    shipped: quantity,
    accounted: quantity,
    percent: z.number().nullable(),
    openGaps: z.array(z.object({ customerId: z.string(), code: z.string(), name: z.string(), shipped: quantity, accounted: quantity, gap: quantity })),
    closable: z.boolean(),
    flaggedReturns: z
      .array(z.object({ opId: z.string(), lotNumber: z.string(), customerCode: z.string(), qty: quantity, flag: z.enum(RETURN_FLAGS), namedCase: z.string().nullable(), returnedAt: z.string() }))
      .openapi({ description: 'Returns kept against the case that did not fit its scope: for the owner to sort out' }),
    dispositions: z.array(z.object({ action: z.string(), qty: quantity })),
  })
  .openapi('RecallReconciliation');

export const RecordedDispositionSchema = z
  .object({
    id: z.number().int(),
    lotId: z.string(),
    action: z.enum(DISPOSITION_ACTIONS),
    qty: quantity,
    remaining: quantity.openapi({ description: 'Returned units of the lot still waiting for a disposition' }),
    signature: SignatureSchema,
    witness: SignatureSchema,
  })
  .openapi('RecallRecordedDisposition');
