import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError, conflict } from '../errors';
import { notifyChanges } from '../sync/notify';

export interface PickListLine {
  gtin: string;
  qty: number;
  pickedQty: number;
}

export interface PickList {
  id: string;
  number: string;
  customer: string | null;
  toLocationCode: string;
  lines: PickListLine[];
  status: 'open' | 'picking' | 'done' | 'cancelled';
  version: number;
}

const SELECT = `SELECT p.id, p.number, p.customer, loc.code AS to_location_code, p.lines, p.status, p.version
  FROM pick_lists p JOIN locations loc ON loc.id = p.to_location_id`;

function toPickList(r: Record<string, unknown>): PickList {
  return {
    id: r.id as string,
    number: r.number as string,
    customer: (r.customer as string | null) ?? null,
    toLocationCode: r.to_location_code as string,
    lines: r.lines as PickListLine[],
    status: r.status as PickList['status'],
    version: r.version as number,
  };
}

export async function listPickLists(db: Queryable, status?: PickList['status']): Promise<PickList[]> {
  const r = await db.query<Record<string, unknown>>(`${SELECT} WHERE NOT p.deleted AND ($1::text IS NULL OR p.status = $1) ORDER BY p.created_at DESC`, [status ?? null]);
  return r.rows.map(toPickList);
}

/** A pick list names items and quantities; the picker chooses lots on the floor, FEFO first. */
export async function createPickList(db: Db, actor: Actor, input: { number: string; customer?: string | null | undefined; toLocationCode: string; lines: { gtin: string; qty: number }[] }): Promise<PickList> {
  return db.transaction(async (tx) => {
    const location = await tx.query<{ id: string }>('SELECT id FROM locations WHERE code = $1 AND active', [input.toLocationCode]);
    if (!location.rows[0]) throw new AppError(400, 'invalid_request', `body.toLocationCode: location ${input.toLocationCode} is not known`, { field: 'toLocationCode' });
    const gtins = [...new Set(input.lines.map((l) => l.gtin))];
    const known = await tx.query<{ gtin: string }>('SELECT gtin FROM items WHERE gtin = ANY($1::text[]) AND active', [gtins]);
    const missing = gtins.filter((g) => !known.rows.some((k) => k.gtin === g));
    if (missing.length > 0) throw new AppError(400, 'invalid_request', `body.lines: GTIN ${missing.join(', ')} is not a known item`, { field: 'lines', missing });
    const existing = await tx.query('SELECT 1 FROM pick_lists WHERE number = $1', [input.number]);
    if (existing.rows.length > 0) throw conflict(`Pick list ${input.number} already exists.`, { field: 'number' });
    const inserted = await tx.query<{ id: string }>(
      'INSERT INTO pick_lists (number, customer, to_location_id, lines) VALUES ($1, $2, $3, $4) RETURNING id',
      [input.number, input.customer ?? null, location.rows[0].id, JSON.stringify(input.lines.map((l) => ({ gtin: l.gtin, qty: l.qty, pickedQty: 0 })))],
    );
    const created = toPickList((await tx.query<Record<string, unknown>>(`${SELECT} WHERE p.id = $1`, [inserted.rows[0]!.id])).rows[0]!);
    await appendAudit(tx, actor, [{ action: 'picklist.created', entityType: 'pick_list', entityId: created.id, after: created }]);
    await notifyChanges(tx, ['picklists']);
    return created;
  });
}
