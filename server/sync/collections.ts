import { pickLine } from '../../domain/ops';
import type { BalanceDoc, ContainerDoc, DownCollection, InboundContainerDoc, ItemDoc, LocationDoc, LotDoc, OpDoc, PickListDoc, PrinterDoc, RecallCaseDoc, TemplateDoc } from '../../sync';

/**
 * How each replicated collection is read from its table. `select` yields the document columns
 * plus `id`, `deleted` and `xid`; `scope` limits the rows a device sees (its own ops only).
 */
export interface CollectionSpec<Doc> {
  table: string;
  select: string;
  scope?: 'device';
  toDocument(row: Record<string, unknown>): Doc;
}

const date = (v: unknown) => (v === null || v === undefined ? null : String(v));
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

export const items: CollectionSpec<ItemDoc> = {
  table: 'items',
  select: 'id, gtin, sku, name, name_zh, uom, shelf_life_days, near_expiry_days, serialized, active, deleted',
  toDocument: (r) => ({
    id: r.id as string,
    gtin: r.gtin as string,
    sku: r.sku as string,
    name: r.name as string,
    nameZh: (r.name_zh as string | null) ?? null,
    uom: r.uom as string,
    shelfLifeDays: (r.shelf_life_days as number | null) ?? null,
    nearExpiryDays: r.near_expiry_days as number[],
    serialized: r.serialized as boolean,
    active: r.active as boolean,
  }),
};

export const locations: CollectionSpec<LocationDoc> = {
  table: 'locations',
  select: 'id, code, name, kind, active, deleted',
  toDocument: (r) => ({ id: r.id as string, code: r.code as string, name: r.name as string, kind: r.kind as string, active: r.active as boolean }),
};

export const lots: CollectionSpec<LotDoc> = {
  table: 'lots',
  select: `id, item_id, (SELECT gtin FROM items i WHERE i.id = lots.item_id) AS gtin, lot_number, status,
           to_char(expires_on, 'YYYY-MM-DD') AS expires_on, to_char(manufactured_on, 'YYYY-MM-DD') AS manufactured_on,
           supplier, supplier_lot, origin, deleted,
           (SELECT c.number FROM recall_holds h JOIN recall_cases c ON c.id = h.case_id WHERE h.lot_id = lots.id) AS recall_case`,
  toDocument: (r) => ({
    id: r.id as string,
    itemId: r.item_id as string,
    gtin: r.gtin as string,
    lotNumber: r.lot_number as string,
    status: r.status as LotDoc['status'],
    expiresOn: date(r.expires_on),
    manufacturedOn: date(r.manufactured_on),
    supplier: (r.supplier as string | null) ?? null,
    supplierLot: (r.supplier_lot as string | null) ?? null,
    origin: r.origin as LotDoc['origin'],
    recallCase: (r.recall_case as string | null) ?? null,
  }),
};

export const balances: CollectionSpec<BalanceDoc> = {
  table: 'stock_balances',
  select: 'id, lot_id, location_id, qty::float8 AS qty, qty = 0 AS deleted',
  toDocument: (r) => ({ id: r.id as string, lotId: r.lot_id as string, locationId: r.location_id as string, qty: Number(r.qty) }),
};

export const picklists: CollectionSpec<PickListDoc> = {
  table: 'pick_lists',
  select: `id, number, coalesce((SELECT c.name FROM customers c WHERE c.id = pick_lists.customer_id), customer) AS customer,
           (SELECT c.code FROM customers c WHERE c.id = pick_lists.customer_id) AS customer_code,
           coalesce((SELECT c.min_shelf_life_days FROM customers c WHERE c.id = pick_lists.customer_id), 0) AS min_shelf_life_days,
           to_location_id, lines, status, recall_breaks, deleted`,
  toDocument: (r) => ({
    id: r.id as string,
    number: r.number as string,
    customer: (r.customer as string | null) ?? null,
    customerCode: (r.customer_code as string | null) ?? null,
    minShelfLifeDays: Number(r.min_shelf_life_days),
    toLocationId: r.to_location_id as string,
    lines: (r.lines as Parameters<typeof pickLine>[0][]).map(pickLine),
    status: r.status as PickListDoc['status'],
    recallBreaks: r.recall_breaks as PickListDoc['recallBreaks'],
  }),
};

export const printers: CollectionSpec<PrinterDoc> = {
  table: 'printers',
  select: 'id, name, dpi, location_code, state, NOT active AS deleted',
  toDocument: (r) => ({ id: r.id as string, name: r.name as string, dpi: r.dpi as number, locationCode: (r.location_code as string | null) ?? null, state: r.state as string }),
};

/** Only approved versions exist on a device: a draft or a retired version arrives as deleted. */
export const templates: CollectionSpec<TemplateDoc> = {
  table: 'label_templates',
  select: "id, name, version, kind, status <> 'approved' AS deleted",
  toDocument: (r) => ({ id: r.id as string, name: r.name as string, version: r.version as number, kind: r.kind as string }),
};

/**
 * Only cases taking returns exist on a device; the rest arrive as deleted. Each carries the ids of
 * the lots its opening made recalled: one small document tells a handheld of the whole hold, which
 * it applies to the lots it has before the lots themselves arrive (tens of thousands of them, for a
 * hub lot's recall, and every device pulling them at once).
 */
export const recalls: CollectionSpec<RecallCaseDoc> = {
  table: 'recall_cases',
  select: `id, number, state, (drill OR state NOT IN ('open','recovering')) AS deleted,
           (SELECT coalesce(json_agg(json_build_object('id', cu.id, 'code', cu.code, 'name', cu.name) ORDER BY cu.code), '[]'::json)
              FROM recall_case_consignees f JOIN customers cu ON cu.id = f.customer_id WHERE f.case_id = recall_cases.id) AS consignees,
           (SELECT coalesce(json_agg(f.lot_id ORDER BY f.lot_id), '[]'::json) FROM recall_case_lots f
             WHERE f.case_id = recall_cases.id AND f.hold = 'recall' AND NOT recall_cases.drill AND recall_cases.state IN ('open','recovering')) AS held_lots`,
  toDocument: (r) => ({
    id: r.id as string,
    number: r.number as string,
    state: r.state as RecallCaseDoc['state'],
    consignees: r.consignees as RecallCaseDoc['consignees'],
    heldLots: r.held_lots as string[],
  }),
};

/** Each container with its spec and direct contents: a handheld builds the packing hierarchy from them. */
export const containers: CollectionSpec<ContainerDoc> = {
  table: 'containers',
  select: `id, sscc, parent_sscc, version, shipped_at IS NOT NULL AS shipped, deleted, label_version, label_verified_version,
           (SELECT json_build_object('name', s.name, 'level', s.level, 'childLevels', s.child_levels, 'capacity', s.capacity, 'mix', s.mix)
              FROM packaging_specs s WHERE s.id = containers.spec_id) AS spec,
           (SELECT coalesce(json_agg(json_build_object('gtin', i.gtin, 'lotNumber', l.lot_number, 'serial', cu.serial, 'qty', cu.qty::float8) ORDER BY cu.id), '[]'::json)
              FROM container_units cu JOIN items i ON i.id = cu.item_id JOIN lots l ON l.id = cu.lot_id WHERE cu.sscc = containers.sscc) AS units`,
  toDocument: (r) => ({
    id: r.id as string,
    sscc: r.sscc as string,
    spec: r.spec as ContainerDoc['spec'],
    parent: (r.parent_sscc as string | null) ?? null,
    version: r.version as number,
    shipped: r.shipped as boolean,
    units: r.units as ContainerDoc['units'],
    labelVersion: (r.label_version as number | null) ?? null,
    labelVerifiedVersion: (r.label_verified_version as number | null) ?? null,
  }),
};

/**
 * SSCCs open ship notices expect, and those received (so a second scan is told when), with the
 * notice's lines by GTIN and lot: a handheld receives a pallet by one scan against them offline.
 */
export const inbound: CollectionSpec<InboundContainerDoc> = {
  table: 'inbound_containers',
  select: `id, sscc, status, status = 'withdrawn' AS deleted, received_at,
           (SELECT po.number FROM purchase_orders po WHERE po.id = inbound_containers.purchase_order_id) AS notice,
           (SELECT s.name FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id WHERE po.id = inbound_containers.purchase_order_id) AS supplier,
           (SELECT coalesce(json_agg(json_build_object('line', (l->>'line')::int, 'gtin', i.gtin, 'lotNumber', l->>'supplierLot', 'expiresOn', l->>'expiresOn', 'qty', (l->>'qty')::float8)
                                    ORDER BY (l->>'line')::int), '[]'::json)
              FROM jsonb_array_elements(inbound_containers.lines) l JOIN items i ON i.id = (l->>'itemId')::uuid) AS lines`,
  toDocument: (r) => ({
    id: r.id as string,
    sscc: r.sscc as string,
    notice: r.notice as string,
    supplier: r.supplier as string,
    status: r.status === 'received' ? 'received' : 'expected',
    receivedAt: iso(r.received_at),
    lines: r.lines as InboundContainerDoc['lines'],
  }),
};

export const ops: CollectionSpec<OpDoc> = {
  table: 'ops',
  select: 'id, type, device_id, user_id, device_time, payload, status, outcome, applied_at, false AS deleted',
  scope: 'device',
  toDocument: (r) => ({
    id: r.id as string,
    type: r.type as OpDoc['type'],
    deviceId: r.device_id as string,
    userId: r.user_id as string,
    deviceTime: iso(r.device_time)!,
    payload: r.payload as Record<string, unknown>,
    status: r.status as OpDoc['status'],
    outcome: (r.outcome as OpDoc['outcome']) ?? null,
    appliedAt: iso(r.applied_at),
  }),
};

export const COLLECTIONS: Record<DownCollection | 'ops', CollectionSpec<unknown>> = { items, locations, lots, balances, picklists, printers, templates, recalls, containers, inbound, ops };
