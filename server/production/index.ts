import { parseRule, type NumberRule } from '../../domain/numbering';
import { appendAudit, type Actor } from '../audit';
import { plantToday } from '../clock';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { stateMasterDataChange } from '../masterdata/change-context';
import { allocateNumbers, loadRule, nextLotNumber } from '../numbering';
import { notifyChanges } from '../sync/notify';

export interface WorkOrder {
  id: string;
  number: string;
  gtin: string;
  itemName: string;
  itemNameZh: string | null;
  lotId: string | null;
  lotNumber: string | null;
  plannedQty: number | null;
  lineCode: string | null;
  status: 'open' | 'closed';
  createdAt: string;
}

const WO_SELECT = `SELECT w.id, w.number, i.gtin, i.name AS item_name, i.name_zh AS item_name_zh, w.lot_id, l.lot_number, w.planned_qty::text AS planned_qty, w.line_code, w.status, w.created_at
  FROM work_orders w JOIN items i ON i.id = w.item_id LEFT JOIN lots l ON l.id = w.lot_id`;

function toWorkOrder(r: Record<string, unknown>): WorkOrder {
  return {
    id: r.id as string,
    number: r.number as string,
    gtin: r.gtin as string,
    itemName: r.item_name as string,
    itemNameZh: (r.item_name_zh as string | null) ?? null,
    lotId: (r.lot_id as string | null) ?? null,
    lotNumber: (r.lot_number as string | null) ?? null,
    plannedQty: r.planned_qty === null ? null : Number(r.planned_qty),
    lineCode: (r.line_code as string | null) ?? null,
    status: r.status as WorkOrder['status'],
    createdAt: new Date(r.created_at as string).toISOString(),
  };
}

export async function listWorkOrders(db: Queryable): Promise<WorkOrder[]> {
  return (await db.query<Record<string, unknown>>(`${WO_SELECT} ORDER BY w.created_at DESC LIMIT 500`)).rows.map(toWorkOrder);
}

/**
 * Opens a work order and numbers its finished lot at once, from the item's lot rule, so the
 * traveller printed for the line carries the lot number the handheld will produce into.
 * The id is null when the number is taken. The caller audits and notifies.
 */
export async function openWorkOrder(
  tx: Queryable,
  actor: Actor,
  input: { number?: string | undefined; itemId: string; plannedQty?: number | null | undefined; lineCode?: string | null | undefined; status?: 'open' | 'closed'; externalId?: string | null },
): Promise<{ id: string | null; number: string }> {
  const today = plantToday();
  const number = input.number ?? `WO-${(await allocateNumbers(tx, await loadRule(tx, 'work-order-default'), '', 1, today))[0]}`;
  const lotNumber = await nextLotNumber(tx, input.itemId, today);
  const lot = await tx.query<{ id: string }>(
    `INSERT INTO lots (item_id, lot_number, manufactured_on, expires_on, origin)
     SELECT $1, $2, $3::date, $3::date + shelf_life_days, 'produced' FROM items WHERE id = $1 RETURNING id`,
    [input.itemId, lotNumber, today],
  );
  const made = await tx.query<{ id: string }>(
    `INSERT INTO work_orders (number, item_id, lot_id, planned_qty, line_code, created_by, status, external_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (number) DO NOTHING RETURNING id`,
    [number, input.itemId, lot.rows[0]!.id, input.plannedQty ?? null, input.lineCode ?? null, actor.id, input.status ?? 'open', input.externalId ?? null],
  );
  return { id: made.rows[0]?.id ?? null, number };
}

/** Opens a work order for an item known by its GTIN (the console's form). */
export async function createWorkOrder(db: Db, actor: Actor, input: { number?: string | undefined; gtin: string; plannedQty?: number | undefined; lineCode?: string | undefined }): Promise<WorkOrder> {
  return db.transaction(async (tx) => {
    const item = await tx.query<{ id: string; shelf_life_days: number | null }>('SELECT id, shelf_life_days FROM items WHERE gtin = $1 AND active', [input.gtin]);
    if (item.rows.length === 0) throw new AppError(422, 'unknown_item', `GTIN ${input.gtin} is not a known item.`);
    const { id, number } = await openWorkOrder(tx, actor, { ...input, itemId: item.rows[0]!.id });
    if (id === null) throw new AppError(409, 'conflict', `Work order ${number} already exists.`);
    const workOrder = toWorkOrder((await tx.query<Record<string, unknown>>(`${WO_SELECT} WHERE w.id = $1`, [id])).rows[0]!);
    await appendAudit(tx, actor, [{ action: 'work_order.created', entityType: 'work_order', entityId: workOrder.id, after: workOrder }]);
    await notifyChanges(tx, ['lots']);
    return workOrder;
  });
}

export interface Customer {
  id: string;
  code: string;
  name: string;
  minShelfLifeDays: number;
  /** Where recall letters go; null until someone enters it (the data-quality KPI counts shipments to such customers). */
  address: string | null;
}

export type CustomerInput = Omit<Customer, 'id' | 'address'> & { address?: string | null | undefined };

export async function listCustomers(db: Queryable): Promise<Customer[]> {
  const rows = await db.query<{ id: string; code: string; name: string; min_shelf_life_days: number; address: string | null }>('SELECT id, code, name, min_shelf_life_days, address FROM customers ORDER BY code LIMIT 2000');
  return rows.rows.map((r) => ({ id: r.id, code: r.code, name: r.name, minShelfLifeDays: r.min_shelf_life_days, address: r.address }));
}

export async function createCustomer(db: Db, actor: Actor, input: CustomerInput): Promise<Customer> {
  return db.transaction(async (tx) => {
    const address = input.address ?? null;
    await stateMasterDataChange(tx, { actor, reason: `customer ${input.code} created in the console` });
    const made = await tx.query<{ id: string }>('INSERT INTO customers (code, name, min_shelf_life_days, address) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING RETURNING id', [input.code, input.name, input.minShelfLifeDays, address]);
    if (made.rows.length === 0) throw new AppError(409, 'conflict', `Customer ${input.code} already exists.`);
    const customer: Customer = { id: made.rows[0]!.id, code: input.code, name: input.name, minShelfLifeDays: input.minShelfLifeDays, address };
    await appendAudit(tx, actor, [{ action: 'customer.created', entityType: 'customer', entityId: customer.id, after: customer }]);
    return customer;
  });
}

export interface StoredNumberRule extends NumberRule {
  id: string;
  name: string;
  kind: 'lot' | 'serial' | 'document';
}

export async function listNumberRules(db: Queryable): Promise<StoredNumberRule[]> {
  const rows = await db.query<Record<string, unknown>>('SELECT id, name, kind, pattern, reset, site_code, line_code, check_char FROM number_rules ORDER BY kind, name');
  return rows.rows.map((r) => ({ id: r.id as string, name: r.name as string, kind: r.kind as StoredNumberRule['kind'], pattern: r.pattern as string, reset: r.reset as NumberRule['reset'], siteCode: r.site_code as string, lineCode: r.line_code as string, check: r.check_char as NumberRule['check'] }));
}

/** Saves a number rule after checking every number it can make is unique and GS1-valid. */
export async function createNumberRule(db: Db, actor: Actor, input: Omit<StoredNumberRule, 'id'>): Promise<StoredNumberRule> {
  const parsed = parseRule(input);
  if (!parsed.ok) throw new AppError(422, 'bad_rule', `pattern: ${parsed.reason}`);
  return db.transaction(async (tx) => {
    await stateMasterDataChange(tx, { actor, reason: `number rule ${input.name} created in the console` });
    const made = await tx.query<{ id: string }>(
      `INSERT INTO number_rules (name, kind, pattern, reset, site_code, line_code, check_char) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (name) DO NOTHING RETURNING id`,
      [input.name, input.kind, input.pattern, input.reset, input.siteCode, input.lineCode, input.check],
    );
    if (made.rows.length === 0) throw new AppError(409, 'conflict', `A number rule named ${input.name} already exists.`);
    const rule = { id: made.rows[0]!.id, ...input };
    await appendAudit(tx, actor, [{ action: 'number_rule.created', entityType: 'number_rule', entityId: rule.id, after: rule }]);
    return rule;
  });
}
