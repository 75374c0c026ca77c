import type { OpPayload, PlanContext, PrintOp } from '../../domain/ops';
import type { Actor } from '../audit';
import type { Queryable } from '../db';
import { AppError } from '../errors';
import { enqueuePrint } from '../printing/spool';

/**
 * Finds the lot a print op means: named by GTIN and lot number, or as the lot a produce op made
 * (in this batch, or applied before), whose number the device could not know offline.
 */
async function lotOf(tx: Queryable, payload: PrintOp, ctx: PlanContext, batch: readonly { doc: { id: string }; op: OpPayload }[]): Promise<string | null> {
  if (payload.gtin && payload.lotNumber) return ctx.lot(payload.gtin, payload.lotNumber)?.id ?? null;
  const inBatch = batch.find((b) => b.doc.id === payload.producedBy);
  if (inBatch?.op.type === 'produce' && inBatch.op.payload.lotNumber) return ctx.lot(inBatch.op.payload.gtin, inBatch.op.payload.lotNumber)?.id ?? null;
  const applied = await tx.query<{ id: string }>(
    `SELECT l.id FROM ops o JOIN items i ON i.gtin = o.payload->>'gtin' JOIN lots l ON l.item_id = i.id AND l.lot_number = o.outcome->>'lotNumber'
      WHERE o.id = $1 AND o.type = 'produce'`,
    [payload.producedBy],
  );
  return applied.rows[0]?.id ?? null;
}

/** Queues the labels a print op asks for; a refusal (unknown lot, template, printer, data GS1 forbids) rejects the op with the reason. */
export async function requestLabels(
  tx: Queryable,
  actor: Actor,
  opId: string,
  payload: PrintOp,
  ctx: PlanContext,
  batch: readonly { doc: { id: string }; op: OpPayload }[],
): Promise<{ ok: true; message: string } | { ok: false; message: string }> {
  const lotId = await lotOf(tx, payload, ctx, batch);
  if (!lotId) return { ok: false, message: payload.lotNumber ? `lot ${payload.lotNumber} is not known` : 'the produced lot this label is for is not known' };
  try {
    const queued = await enqueuePrint(tx, actor, { lotId, templateName: payload.template, printer: payload.printer, quantity: payload.quantity, opId });
    const serials = queued.serials.length > 0 ? `, serials ${queued.serials[0]}…${queued.serials.at(-1)}` : '';
    return { ok: true, message: `${payload.quantity} label(s) queued on ${payload.printer}${serials}` };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
