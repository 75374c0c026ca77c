import { pickLine, type PickLine, type PickListRecallBreak, type PickListStatus } from '../../domain/ops';
import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError, conflict } from '../errors';
import { notifyChanges } from '../sync/notify';

export interface PickList {
  id: string;
  number: string;
  /** The customer's name; lists made before customers were linked may name one that is not on file. */
  customer: string | null;
  customerCode: string | null;
  minShelfLifeDays: number;
  toLocationCode: string;
  lines: PickLine[];
  status: PickListStatus;
  recallBreaks: PickListRecallBreak[];
  version: number;
}

const SELECT = `SELECT p.id, p.number, coalesce(c.name, p.customer) AS customer, c.code AS customer_code, coalesce(c.min_shelf_life_days, 0) AS min_shelf_life_days,
       loc.code AS to_location_code, p.lines, p.status, p.recall_breaks, p.version
  FROM pick_lists p JOIN locations loc ON loc.id = p.to_location_id LEFT JOIN customers c ON c.id = p.customer_id`;

function toPickList(r: Record<string, unknown>): PickList {
  return {
    id: r.id as string,
    number: r.number as string,
    customer: (r.customer as string | null) ?? null,
    customerCode: (r.customer_code as string | null) ?? null,
    minShelfLifeDays: Number(r.min_shelf_life_days),
    toLocationCode: r.to_location_code as string,
    lines: (r.lines as { gtin: string; qty: number; pickedQty?: number }[]).map((l) => pickLine(l)),
    status: r.status as PickListStatus,
    recallBreaks: r.recall_breaks as PickListRecallBreak[],
    version: r.version as number,
  };
}

export async function listPickLists(db: Queryable, status?: PickList['status']): Promise<PickList[]> {
  const r = await db.query<Record<string, unknown>>(`${SELECT} WHERE NOT p.deleted AND ($1::text IS NULL OR p.status = $1) ORDER BY p.created_at DESC`, [status ?? null]);
  return r.rows.map(toPickList);
}

/**
 * A pick list names items and quantities, and the customer the goods go to (whose minimum shelf
 * life every picked lot must keep); the picker chooses lots on the floor, FEFO first.
 */
export async function createPickList(db: Db, actor: Actor, input: { number: string; customerCode?: string | null | undefined; toLocationCode: string; lines: { gtin: string; qty: number }[] }): Promise<PickList> {
  return db.transaction(async (tx) => {
    const location = await tx.query<{ id: string }>('SELECT id FROM locations WHERE code = $1 AND active', [input.toLocationCode]);
    if (!location.rows[0]) throw new AppError(400, 'invalid_request', `body.toLocationCode: location ${input.toLocationCode} is not known`, { field: 'toLocationCode' });
    let customerId: string | null = null;
    if (input.customerCode) {
      const customer = await tx.query<{ id: string }>('SELECT id FROM customers WHERE code = $1', [input.customerCode]);
      if (!customer.rows[0]) throw new AppError(400, 'invalid_request', `body.customerCode: customer ${input.customerCode} is not known`, { field: 'customerCode' });
      customerId = customer.rows[0].id;
    }
    const gtins = [...new Set(input.lines.map((l) => l.gtin))];
    const known = await tx.query<{ gtin: string }>('SELECT gtin FROM items WHERE gtin = ANY($1::text[]) AND active', [gtins]);
    const missing = gtins.filter((g) => !known.rows.some((k) => k.gtin === g));
    if (missing.length > 0) throw new AppError(400, 'invalid_request', `body.lines: GTIN ${missing.join(', ')} is not a known item`, { field: 'lines', missing });
    const existing = await tx.query('SELECT 1 FROM pick_lists WHERE number = $1', [input.number]);
    if (existing.rows.length > 0) throw conflict(`Pick list ${input.number} already exists.`, { field: 'number' });
    const inserted = await tx.query<{ id: string }>('INSERT INTO pick_lists (number, customer_id, to_location_id, lines) VALUES ($1, $2, $3, $4) RETURNING id', [
      input.number,
      customerId,
      location.rows[0].id,
      JSON.stringify(input.lines.map((l) => pickLine({ gtin: l.gtin, qty: l.qty, pickedQty: 0 }))),
    ]);
    const created = toPickList((await tx.query<Record<string, unknown>>(`${SELECT} WHERE p.id = $1`, [inserted.rows[0]!.id])).rows[0]!);
    await appendAudit(tx, actor, [{ action: 'picklist.created', entityType: 'pick_list', entityId: created.id, after: created }]);
    await notifyChanges(tx, ['picklists']);
    return created;
  });
}
