import type { Queryable } from '../db';
import { AppError } from '../errors';
import { findLot } from '../lots/trace';

/**
 * What a recall starts from: one thing a person scans or types. `family` asks for the whole
 * family besides the forward walk: every lot that shares an ancestor with the input's lots.
 */
export type ScopeInput = (
  | { kind: 'lot' | 'component_lot'; lotId: string }
  | { kind: 'lot' | 'component_lot'; lotNumber: string; gtin?: string | undefined }
  | { kind: 'serial'; gtin: string; serial: string }
  | { kind: 'supplier_lot'; supplierLot: string; supplier?: string | undefined; gtin?: string | undefined }
) & { family?: boolean | undefined };

/** The lots a scope input names, where the forward walk starts. */
export interface ScopeRoots {
  lotIds: string[];
  /** How the input was understood, for the case record. */
  described: string;
}

/**
 * Finds the lots an input means; an input that matches nothing is a 404 with what was looked
 * for. A serial stands for the lot it belongs to: the lot is what is held, so the whole lot is
 * in scope (narrowing a recall to single units is a later step).
 */
async function resolveScopeInput(db: Queryable, input: ScopeInput): Promise<ScopeRoots> {
  switch (input.kind) {
    case 'lot':
    case 'component_lot': {
      const what = input.kind === 'lot' ? 'lot' : 'component lot';
      const found = 'lotId' in input ? await findLot(db, input.lotId) : await findLot(db, input.lotNumber, input.gtin ?? null);
      return { lotIds: [found.id], described: `${what} ${found.lotNumber} of GTIN ${found.gtin}` };
    }
    case 'serial': {
      // Registered serials first; a received serial may be known only from the moves that brought it in.
      const found = await db.query<{ lot_id: string; lot_number: string }>(
        `SELECT l.id AS lot_id, l.lot_number FROM items i JOIN serials s ON s.item_id = i.id JOIN lots l ON l.id = s.lot_id
          WHERE i.gtin = $1 AND s.serial = $2
         UNION
         SELECT l.id, l.lot_number FROM items i JOIN lots l ON l.item_id = i.id JOIN stock_moves m ON m.lot_id = l.id
          WHERE i.gtin = $1 AND m.serial = $2`,
        [input.gtin, input.serial],
      );
      if (found.rows.length === 0) throw new AppError(404, 'scope_not_found', `No lot holds serial ${input.serial} of GTIN ${input.gtin}.`, { input });
      return { lotIds: found.rows.map((r) => r.lot_id).sort(), described: `serial ${input.serial} of GTIN ${input.gtin} (lot ${found.rows.map((r) => r.lot_number).join(', ')})` };
    }
    case 'supplier_lot': {
      const found = await db.query<{ id: string }>(
        `SELECT l.id FROM lots l JOIN items i ON i.id = l.item_id
          WHERE l.supplier_lot = $1 AND ($2::text IS NULL OR l.supplier = $2) AND ($3::text IS NULL OR i.gtin = $3)
          ORDER BY l.id`,
        [input.supplierLot, input.supplier ?? null, input.gtin ?? null],
      );
      const from = input.supplier ? ` from ${input.supplier}` : '';
      const of = input.gtin ? ` of GTIN ${input.gtin}` : '';
      if (found.rows.length === 0) throw new AppError(404, 'scope_not_found', `No lot was received as supplier lot ${input.supplierLot}${from}${of}.`, { input });
      return { lotIds: found.rows.map((r) => r.id), described: `supplier lot ${input.supplierLot}${from}${of} (${found.rows.length} lot${found.rows.length === 1 ? '' : 's'})` };
    }
  }
}

/** findLot answers 'not_found' for an unknown lot; a recall speaks of its scope. */
export async function resolveScope(db: Queryable, input: ScopeInput): Promise<ScopeRoots> {
  try {
    const roots = await resolveScopeInput(db, input);
    return input.family ? { ...roots, described: `${roots.described}, whole family` } : roots;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw new AppError(404, 'scope_not_found', `${error.message} Nothing to recall.`, { input });
    throw error;
  }
}
