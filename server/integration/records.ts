import {
  CustomerRecord,
  ItemRecord,
  LocationRecord,
  PurchaseOrderRecord,
  SalesOrderRecord,
  SupplierRecord,
  WorkOrderRecord,
  type InboundKind,
  type RowProblem,
} from '../../domain/integration';
import type { Queryable } from '../db';
import { openWorkOrder } from '../production';
import { noticeSsccProblems } from '../receiving/notice-ssccs';
import type { Mapped, RecordSpec } from './upsert';

const ok = (columns: Record<string, unknown>): Mapped => ({ ok: true, columns });

/** Lotline's ids for records known by their external ids. */
async function idsOf(tx: Queryable, table: 'items' | 'suppliers' | 'customers', externalIds: readonly string[]): Promise<Map<string, string>> {
  const found = await tx.query<{ id: string; external_id: string }>(`SELECT id, external_id FROM ${table} WHERE external_id = ANY($1::text[])`, [[...new Set(externalIds)]]);
  return new Map(found.rows.map((r) => [r.external_id, r.id]));
}

const unknown = (field: string, what: string, id: string): RowProblem => ({ field, message: `${id} is not the external id of a known ${what}`, code: 'unknown_reference' });

const byCode = (field = 'code', column = 'code') => ({ field, sql: `t.${column}`, valueOf: (c: Record<string, unknown>) => String(c[column]) });

export const itemSpec: RecordSpec<ItemRecord> = {
  entityType: 'item',
  table: 'items',
  schema: ItemRecord,
  uniqueFields: ['gtin', 'sku'],
  naturalKeys: [byCode('gtin', 'gtin'), byCode('sku', 'sku')],
  adoptBy: 'gtin',
  stored: `jsonb_build_object('gtin', t.gtin, 'sku', t.sku, 'name', t.name, 'name_zh', t.name_zh, 'uom', t.uom, 'udi_di', t.udi_di, 'udi_attributes', t.udi_attributes,
           'shelf_life_days', t.shelf_life_days, 'near_expiry_days', t.near_expiry_days, 'serialized', t.serialized, 'active', t.active)`,
  map: async (_tx, rows) =>
    rows.map((r) =>
      ok({ gtin: r.gtin, sku: r.sku, name: r.name, name_zh: r.nameZh, uom: r.uom, udi_di: r.udiDi, udi_attributes: r.udi, shelf_life_days: r.shelfLifeDays, near_expiry_days: r.nearExpiryDays, serialized: r.serialized, active: r.active }),
    ),
  collections: ['items'],
};

export const supplierSpec: RecordSpec<SupplierRecord> = {
  entityType: 'supplier',
  table: 'suppliers',
  schema: SupplierRecord,
  uniqueFields: ['code'],
  naturalKeys: [byCode()],
  adoptBy: 'code',
  stored: `jsonb_build_object('code', t.code, 'name', t.name, 'gln', t.gln, 'address', t.address, 'phone', t.phone, 'active', t.active)`,
  map: async (_tx, rows) => rows.map((r) => ok({ code: r.code, name: r.name, gln: r.gln, address: r.address, phone: r.phone, active: r.active })),
};

export const customerSpec: RecordSpec<CustomerRecord> = {
  entityType: 'customer',
  table: 'customers',
  schema: CustomerRecord,
  uniqueFields: ['code'],
  naturalKeys: [byCode()],
  adoptBy: 'code',
  stored: `jsonb_build_object('code', t.code, 'name', t.name, 'consignee_name', t.consignee_name, 'address', t.address, 'phone', t.phone, 'gln', t.gln, 'min_shelf_life_days', t.min_shelf_life_days)`,
  map: async (_tx, rows) =>
    rows.map((r) => ok({ code: r.code, name: r.name, consignee_name: r.consigneeName, address: r.address, phone: r.phone, gln: r.gln, min_shelf_life_days: r.minShelfLifeDays })),
};

export const locationSpec: RecordSpec<LocationRecord> = {
  entityType: 'location',
  table: 'locations',
  schema: LocationRecord,
  uniqueFields: ['code'],
  naturalKeys: [byCode()],
  adoptBy: 'code',
  stored: `jsonb_build_object('code', t.code, 'name', t.name, 'kind', t.kind, 'active', t.active)`,
  map: async (_tx, rows) => rows.map((r) => ok({ code: r.code, name: r.name, kind: r.kind, active: r.active })),
  collections: ['locations'],
};

export const purchaseOrderSpec: RecordSpec<PurchaseOrderRecord> = {
  entityType: 'purchase_order',
  table: 'purchase_orders',
  schema: PurchaseOrderRecord,
  uniqueFields: [],
  naturalKeys: [{ field: 'number', sql: `t.kind || ' ' || t.number`, valueOf: (c) => `${String(c.kind)} ${String(c.number)}` }],
  stored: `jsonb_build_object('kind', t.kind, 'number', t.number, 'supplier_id', t.supplier_id, 'expected_on', to_char(t.expected_on, 'YYYY-MM-DD'), 'status', t.status, 'lines', t.lines)`,
  map: async (tx, rows) => {
    const suppliers = await idsOf(tx, 'suppliers', rows.map((r) => r.supplier));
    const items = await idsOf(tx, 'items', rows.flatMap((r) => r.lines.map((l) => l.item)));
    const shelfLives = await tx.query<{ external_id: string; shelf_life_days: number | null }>('SELECT external_id, shelf_life_days FROM items WHERE external_id = ANY($1::text[])', [[...items.keys()]]);
    const ssccProblems = await noticeSsccProblems(tx, rows, new Map(shelfLives.rows.map((r) => [r.external_id, r.shelf_life_days])));
    return rows.map((r, index) => {
      const problems: RowProblem[] = [];
      const supplierId = suppliers.get(r.supplier);
      if (!supplierId) problems.push(unknown('supplier', 'supplier', r.supplier));
      const lines = r.lines.map((l, i) => {
        const itemId = items.get(l.item);
        if (!itemId) problems.push(unknown(`lines.${i}.item`, 'item', l.item));
        // A line without an SSCC is stored as before, so notices sent before SSCCs read the same.
        return { line: l.line, item: l.item, itemId: itemId ?? null, qty: l.qty, supplierLot: l.supplierLot, expiresOn: l.expiresOn, ...(l.sscc ? { sscc: l.sscc } : {}) };
      });
      problems.push(...ssccProblems[index]!);
      if (problems.length > 0) return { ok: false, problems };
      return ok({ kind: r.kind, number: r.number, supplier_id: supplierId, expected_on: r.expectedOn, status: r.status, lines });
    });
  },
  // Notices name the SSCCs handhelds receive by one scan.
  collections: ['inbound'],
};

export const salesOrderSpec: RecordSpec<SalesOrderRecord> = {
  entityType: 'sales_order',
  table: 'sales_orders',
  schema: SalesOrderRecord,
  uniqueFields: ['number'],
  naturalKeys: [byCode('number', 'number')],
  stored: `jsonb_build_object('number', t.number, 'customer_id', t.customer_id, 'ship_by', to_char(t.ship_by, 'YYYY-MM-DD'), 'status', t.status, 'lines', t.lines)`,
  map: async (tx, rows) => {
    const customers = await idsOf(tx, 'customers', rows.map((r) => r.customer));
    const items = await idsOf(tx, 'items', rows.flatMap((r) => r.lines.map((l) => l.item)));
    return rows.map((r) => {
      const problems: RowProblem[] = [];
      const customerId = customers.get(r.customer);
      if (!customerId) problems.push(unknown('customer', 'customer', r.customer));
      const lines = r.lines.map((l, i) => {
        const itemId = items.get(l.item);
        if (!itemId) problems.push(unknown(`lines.${i}.item`, 'item', l.item));
        return { line: l.line, item: l.item, itemId: itemId ?? null, qty: l.qty };
      });
      if (problems.length > 0) return { ok: false, problems };
      return ok({ number: r.number, customer_id: customerId, ship_by: r.shipBy, status: r.status, lines });
    });
  },
};

export const workOrderSpec: RecordSpec<WorkOrderRecord> = {
  entityType: 'work_order',
  table: 'work_orders',
  schema: WorkOrderRecord,
  uniqueFields: ['number'],
  naturalKeys: [byCode('number', 'number')],
  adoptBy: 'number',
  stored: `jsonb_build_object('number', t.number, 'item_id', t.item_id, 'planned_qty', t.planned_qty::float8, 'line_code', t.line_code, 'status', t.status)`,
  map: async (tx, rows) => {
    const items = await idsOf(tx, 'items', rows.map((r) => r.item));
    return rows.map((r) => {
      const itemId = items.get(r.item);
      if (!itemId) return { ok: false, problems: [unknown('item', 'item', r.item)] };
      return ok({ number: r.number, item_id: itemId, planned_qty: r.plannedQty, line_code: r.lineCode, status: r.status });
    });
  },
  refuseUpdate: (stored, columns) =>
    stored.item_id === columns.item_id ? null : { field: 'item', message: `cannot change: work order ${String(stored.number)} already has its finished lot numbered for another item`, code: 'conflict' },
  // Each new work order numbers its finished lot from the item's rule, as the console's does.
  create: async (tx, actor, rows) => {
    const ids: string[] = [];
    for (const row of rows) {
      const c = row.columns;
      const { id } = await openWorkOrder(tx, actor, {
        number: String(c.number),
        itemId: String(c.item_id),
        plannedQty: c.planned_qty as number | null,
        lineCode: c.line_code as string | null,
        status: c.status as 'open' | 'closed',
        externalId: row.externalId,
      });
      if (id === null) throw new Error(`work order ${String(c.number)} appeared while its batch held the lock`);
      ids.push(id);
    }
    return ids;
  },
  collections: ['lots'],
};

export const RECORD_SPECS: { [K in InboundKind]: RecordSpec<{ externalId: string }> } = {
  items: itemSpec as unknown as RecordSpec<{ externalId: string }>,
  suppliers: supplierSpec as unknown as RecordSpec<{ externalId: string }>,
  customers: customerSpec as unknown as RecordSpec<{ externalId: string }>,
  locations: locationSpec as unknown as RecordSpec<{ externalId: string }>,
  'purchase-orders': purchaseOrderSpec as unknown as RecordSpec<{ externalId: string }>,
  'sales-orders': salesOrderSpec as unknown as RecordSpec<{ externalId: string }>,
  'work-orders': workOrderSpec as unknown as RecordSpec<{ externalId: string }>,
};
