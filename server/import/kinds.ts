import { addIssue, hasCompleteConsignee, KEY_SEPARATOR, type ImportKind, type JudgedRow, type ReadinessCounts } from '../../domain/import';
import { ItemRecord, type JudgedRow as BatchRow } from '../../domain/integration';
import type { Actor, AuditEntry } from '../audit';
import type { Queryable } from '../db';
import { AppError } from '../errors';
import { itemSpec } from '../integration/records';
import { upsertRows } from '../integration/upsert';
import { postMoves } from '../ledger';
import { idsByCode, itemsByGtin, itemsBySku, lotKey, lotsByKey } from './lookups';

/** The import the rows come from, named in every audit row they write. */
export interface ImportRef {
  jobId: string;
  fileName: string;
}

export interface Written {
  /** The record each row created or changed, by row number. */
  entityIds: Map<number, string>;
  audit: AuditEntry[];
}

/** What one kind needs from the database: rules only it can judge, and how its rows are written. */
export interface KindPlan {
  /** What the rows left without errors add to the recall-readiness counts. */
  contribution(rows: readonly JudgedRow[]): Partial<ReadinessCounts>;
  write(tx: Queryable, actor: Actor, rows: readonly JudgedRow[], ref: ImportRef): Promise<Written>;
}

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const CHUNK = 5000;

async function inChunks<T>(items: readonly T[], fn: (chunk: readonly T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await fn(items.slice(i, i + CHUNK));
}

const provenance = (row: JudgedRow, ref: ImportRef) => ({ importJob: ref.jobId, file: ref.fileName, row: row.row });

async function planItems(tx: Queryable, rows: readonly JudgedRow[]): Promise<KindPlan> {
  const byGtin = await itemsByGtin(tx, rows.map((r) => s(r.values.gtin)));
  const bySku = await itemsBySku(tx, rows.map((r) => s(r.values.sku)));
  for (const r of rows) {
    const gtin = s(r.values.gtin);
    const sku = s(r.values.sku);
    const held = byGtin.get(gtin);
    if (held && held.external_id !== null && held.external_id !== `import:${sku}`) addIssue(r, 'gtin', '', 'conflict', 'error', `${gtin} is already the item of ${held.external_id}, kept by an integration`);
    else if (held && held.sku !== sku) addIssue(r, 'sku', '', 'conflict', 'error', `GTIN ${gtin} is item ${held.sku} in Lotline, not ${sku}`);
    const other = bySku.get(sku);
    if (other && other.gtin !== gtin) addIssue(r, 'sku', '', 'conflict', 'error', `${sku} is already the SKU of GTIN ${other.gtin}`);
  }
  return {
    contribution: () => ({}),
    // Items are master data the ERP integration also writes: they go through its upsert, keyed
    // `import:<sku>`, and an item entered by hand with the same GTIN is taken over, not doubled.
    async write(tx, actor, good, ref) {
      const judged: BatchRow<ItemRecord>[] = good.map((r, index) => {
        const v = r.values;
        const value = ItemRecord.parse({ externalId: `import:${s(v.sku)}`, gtin: v.gtin, sku: v.sku, name: v.name, nameZh: v.nameZh, uom: v.uom ?? 'EA', shelfLifeDays: v.shelfLifeDays, serialized: v.serialized ?? false });
        return { index, externalId: value.externalId, ok: true, value };
      });
      const { results, audit } = await upsertRows(tx, actor, itemSpec, judged);
      const refused = results.find((r) => r.outcome === 'error');
      if (refused) throw new AppError(409, 'conflict', `row ${good[refused.index]!.row}, ${refused.field}: ${refused.message}`);
      const entityIds = new Map(results.map((r) => [good[r.index]!.row, r.id!]));
      return { entityIds, audit: audit.map((a) => ({ ...a, action: a.action.replace(/^item\./, 'item.imported_'), reason: `import ${ref.fileName}` })) };
    },
  };
}

async function planLots(tx: Queryable, rows: readonly JudgedRow[]): Promise<KindPlan> {
  const items = await itemsByGtin(tx, rows.map((r) => s(r.values.gtin)));
  const existing = await lotsByKey(tx, rows.map((r) => ({ gtin: s(r.values.gtin), lotNumber: s(r.values.lotNumber) })));
  for (const r of rows) {
    if (!items.has(s(r.values.gtin))) addIssue(r, 'gtin', '', 'unknown_item', 'error', `no item has GTIN ${s(r.values.gtin)}: import the items first`);
    else if (existing.has(lotKey(s(r.values.gtin), s(r.values.lotNumber)))) addIssue(r, 'lotNumber', '', 'conflict', 'error', `lot ${s(r.values.lotNumber)} of this GTIN already exists in Lotline; an import does not overwrite it`);
  }
  return {
    contribution: (good) => ({
      lots: good.length,
      lotsWithExpiry: good.filter((r) => r.values.expiresOn !== null).length,
      finishedLots: good.filter((r) => r.values.origin === 'produced').length,
    }),
    async write(tx, actor, good, ref) {
      const entityIds = new Map<number, string>();
      const audit: AuditEntry[] = [];
      await inChunks(good, async (chunk) => {
        const made = await tx.query<{ id: string; gtin: string; lot_number: string }>(
          `WITH made AS (
             INSERT INTO lots (item_id, lot_number, supplier, supplier_lot, manufactured_on, expires_on, origin, status)
             SELECT i.id, r.lot_number, r.supplier, r.supplier_lot, r.manufactured_on, r.expires_on, r.origin, r.status
               FROM jsonb_to_recordset($1::jsonb) AS r(gtin text, lot_number text, supplier text, supplier_lot text, manufactured_on date, expires_on date, origin text, status text)
               JOIN items i ON i.gtin = r.gtin
             RETURNING id, item_id, lot_number)
           SELECT m.id, i.gtin, m.lot_number FROM made m JOIN items i ON i.id = m.item_id`,
          [JSON.stringify(chunk.map((r) => ({ gtin: r.values.gtin, lot_number: r.values.lotNumber, supplier: r.values.supplier, supplier_lot: r.values.supplierLot, manufactured_on: r.values.manufacturedOn, expires_on: r.values.expiresOn, origin: r.values.origin, status: r.values.status })))],
        );
        if (made.rows.length !== chunk.length) throw new Error(`lot import wrote ${made.rows.length} of ${chunk.length} lots`);
        const idOf = new Map(made.rows.map((m) => [lotKey(m.gtin, m.lot_number), m.id]));
        chunk.forEach((r) => {
          const id = idOf.get(lotKey(s(r.values.gtin), s(r.values.lotNumber)))!;
          entityIds.set(r.row, id);
          const v = r.values;
          audit.push({ action: 'lot.imported', entityType: 'lot', entityId: id, after: { ...provenance(r, ref), gtin: v.gtin, lotNumber: v.lotNumber, supplier: v.supplier, supplierLot: v.supplierLot, manufacturedOn: v.manufacturedOn, expiresOn: v.expiresOn, origin: v.origin, status: v.status } });
          // A lot's status is read back from its last lot.status row (audit verify): one not in
          // quarantine carries the decision the legacy system recorded.
          if (v.status !== 'quarantine') audit.push({ action: 'lot.status', entityType: 'lot', entityId: id, before: { status: 'quarantine' }, after: { status: v.status, qcRecord: v.qcRecord }, reason: `legacy import ${ref.fileName} row ${r.row}` });
        });
      });
      return { entityIds, audit };
    },
  };
}

async function planStock(tx: Queryable, rows: readonly JudgedRow[]): Promise<KindPlan> {
  const lots = await lotsByKey(tx, rows.map((r) => ({ gtin: s(r.values.gtin), lotNumber: s(r.values.lotNumber) })));
  const locations = await idsByCode(tx, 'locations', rows.map((r) => s(r.values.locationCode)));
  for (const r of rows) {
    if (!lots.has(lotKey(s(r.values.gtin), s(r.values.lotNumber)))) addIssue(r, 'lotNumber', '', 'unknown_lot', 'error', `no lot ${s(r.values.lotNumber)} of GTIN ${s(r.values.gtin)}: import the lots first`);
    if (!locations.has(s(r.values.locationCode))) addIssue(r, 'locationCode', '', 'unknown_location', 'error', `no location ${s(r.values.locationCode)}`);
  }
  return {
    contribution: () => ({}),
    // Opening stock is a move into the location from nowhere, on the ledger like any receipt.
    async write(tx, actor, good, ref) {
      const moves = good.map((r) => ({ lotId: lots.get(lotKey(s(r.values.gtin), s(r.values.lotNumber)))!.id, fromLocationId: null, toLocationId: locations.get(s(r.values.locationCode))!, qty: Number(r.values.qty), reason: 'import.stock', actorId: actor.id }));
      await inChunks(moves, (chunk) => postMoves(tx, chunk));
      const entityIds = new Map(good.map((r, i) => [r.row, moves[i]!.lotId]));
      const audit = good.map((r, i): AuditEntry => ({ action: 'stock.imported', entityType: 'lot', entityId: moves[i]!.lotId, after: { ...provenance(r, ref), locationCode: r.values.locationCode, qty: r.values.qty } }));
      return { entityIds, audit };
    },
  };
}

async function planGenealogy(tx: Queryable, rows: readonly JudgedRow[]): Promise<KindPlan> {
  const lots = await lotsByKey(tx, rows.flatMap((r) => [{ gtin: s(r.values.parentGtin), lotNumber: s(r.values.parentLot) }, { gtin: s(r.values.childGtin), lotNumber: s(r.values.childLot) }]));
  const parentOf = (r: JudgedRow) => lots.get(lotKey(s(r.values.parentGtin), s(r.values.parentLot)));
  const childOf = (r: JudgedRow) => lots.get(lotKey(s(r.values.childGtin), s(r.values.childLot)));
  for (const r of rows) {
    if (!parentOf(r)) addIssue(r, 'parentLot', '', 'unknown_lot', 'error', `no lot ${s(r.values.parentLot)} of GTIN ${s(r.values.parentGtin)}`);
    if (!childOf(r)) addIssue(r, 'childLot', '', 'unknown_lot', 'error', `no lot ${s(r.values.childLot)} of GTIN ${s(r.values.childGtin)}`);
  }
  return {
    contribution: (good) => ({ finishedLotsWithGenealogy: new Set(good.map(childOf).filter((l) => l && l.origin === 'produced' && !l.has_parents).map((l) => l!.id)).size }),
    async write(tx, actor, good, ref) {
      const edges = good.map((r) => ({ parent_lot_id: parentOf(r)!.id, child_lot_id: childOf(r)!.id, qty: r.values.qty }));
      await inChunks(edges, async (chunk) => {
        await tx.query(
          `INSERT INTO genealogy_edges (parent_lot_id, child_lot_id, qty)
           SELECT parent_lot_id, child_lot_id, qty FROM jsonb_to_recordset($1::jsonb) AS r(parent_lot_id uuid, child_lot_id uuid, qty numeric)`,
          [JSON.stringify(chunk)],
        );
      });
      const entityIds = new Map(good.map((r, i) => [r.row, edges[i]!.child_lot_id]));
      const audit = good.map((r, i): AuditEntry => ({ action: 'genealogy.imported', entityType: 'lot', entityId: edges[i]!.child_lot_id, after: { ...provenance(r, ref), parentLotId: edges[i]!.parent_lot_id, parentLot: r.values.parentLot, qty: r.values.qty } }));
      return { entityIds, audit };
    },
  };
}

interface CustomerRow {
  id: string;
  code: string;
  complete: boolean;
}

async function planShipments(tx: Queryable, rows: readonly JudgedRow[]): Promise<KindPlan> {
  const lots = await lotsByKey(tx, rows.map((r) => ({ gtin: s(r.values.gtin), lotNumber: s(r.values.lotNumber) })));
  const customers = new Map(
    (
      await tx.query<CustomerRow>('SELECT id, code, (consignee_name IS NOT NULL AND address IS NOT NULL AND phone IS NOT NULL) AS complete FROM customers WHERE code = ANY($1::text[])', [
        [...new Set(rows.map((r) => s(r.values.customerCode)))],
      ])
    ).rows.map((c) => [c.code, c]),
  );
  const numbers = [...new Set(rows.map((r) => s(r.values.shipmentNumber)))];
  const shipments = new Map(
    (await tx.query<{ number: string; code: string }>('SELECT s.number, c.code FROM shipments s JOIN customers c ON c.id = s.customer_id WHERE s.number = ANY($1::text[])', [numbers])).rows.map((x) => [x.number, x.code]),
  );
  // Shipments an earlier import made may take more lines; one made by live work is not touched.
  const imported = new Set(
    (await tx.query<{ number: string }>(`SELECT DISTINCT split_part(natural_key, $2, 1) AS number FROM import_rows WHERE kind = 'shipments' AND split_part(natural_key, $2, 1) = ANY($1::text[])`, [numbers, KEY_SEPARATOR])).rows.map(
      (x) => x.number,
    ),
  );
  const customerOfShipment = new Map<string, { code: string; row: number }>();
  for (const r of rows) {
    const number = s(r.values.shipmentNumber);
    const code = s(r.values.customerCode);
    if (!lots.has(lotKey(s(r.values.gtin), s(r.values.lotNumber)))) addIssue(r, 'lotNumber', '', 'unknown_lot', 'error', `no lot ${s(r.values.lotNumber)} of GTIN ${s(r.values.gtin)}: import the lots first`);
    if (!customers.has(code) && !r.values.customerName && !r.values.consigneeName) addIssue(r, 'customerCode', '', 'unknown_customer', 'error', `no customer ${code}; give its name in the row to create it`);
    const stored = shipments.get(number);
    if (stored !== undefined && !imported.has(number)) addIssue(r, 'shipmentNumber', '', 'conflict', 'error', `shipment ${number} already exists in Lotline; an import does not add to it`);
    else if (stored !== undefined && stored !== code) addIssue(r, 'customerCode', '', 'conflict', 'error', `shipment ${number} went to customer ${stored}, not ${code}`);
    const first = customerOfShipment.get(number);
    if (first && first.code !== code) addIssue(r, 'customerCode', '', 'conflict', 'error', `shipment ${number} is for customer ${first.code} in row ${first.row}`);
    else if (!first) customerOfShipment.set(number, { code, row: r.row });
  }
  const complete = (r: JudgedRow) => customers.get(s(r.values.customerCode))?.complete ?? hasCompleteConsignee(r.values);
  return {
    contribution: (good) => ({ shipmentLines: good.length, shipmentLinesWithConsignee: good.filter(complete).length }),
    async write(tx, actor, good, ref) {
      const audit: AuditEntry[] = [];
      const newCustomers = [...new Map(good.filter((r) => !customers.has(s(r.values.customerCode))).map((r) => [s(r.values.customerCode), r])).values()];
      if (newCustomers.length > 0) {
        const made = await tx.query<{ id: string; code: string }>(
          `INSERT INTO customers (code, name, consignee_name, address, phone)
           SELECT code, name, consignee_name, address, phone FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, consignee_name text, address text, phone text)
           RETURNING id, code`,
          [JSON.stringify(newCustomers.map((r) => ({ code: r.values.customerCode, name: r.values.customerName ?? r.values.consigneeName, consignee_name: r.values.consigneeName, address: r.values.address, phone: r.values.phone })))],
        );
        for (const c of made.rows) {
          customers.set(c.code, { id: c.id, code: c.code, complete: false });
          const r = newCustomers.find((x) => x.values.customerCode === c.code)!;
          audit.push({ action: 'customer.imported', entityType: 'customer', entityId: c.id, after: { ...provenance(r, ref), code: c.code, name: r.values.customerName ?? r.values.consigneeName, consigneeName: r.values.consigneeName, address: r.values.address, phone: r.values.phone } });
        }
      }
      const heads = [...new Map(good.map((r) => [s(r.values.shipmentNumber), r])).values()].filter((r) => !shipments.has(s(r.values.shipmentNumber)));
      if (heads.length > 0) {
        await tx.query(
          `INSERT INTO shipments (number, customer_id, shipped_by, shipped_at)
           SELECT number, customer_id, $2, shipped_on::timestamp AT TIME ZONE 'UTC' FROM jsonb_to_recordset($1::jsonb) AS r(number text, customer_id uuid, shipped_on date)`,
          [JSON.stringify(heads.map((r) => ({ number: r.values.shipmentNumber, customer_id: customers.get(s(r.values.customerCode))!.id, shipped_on: r.values.shippedOn }))), actor.id],
        );
      }
      const lines = good.map((r) => ({ number: r.values.shipmentNumber, lot_id: lots.get(lotKey(s(r.values.gtin), s(r.values.lotNumber)))!.id, serial: r.values.serial, qty: r.values.qty }));
      await inChunks(lines, async (chunk) => {
        await tx.query(
          `INSERT INTO shipment_lines (shipment_id, lot_id, serial, qty)
           SELECT s.id, r.lot_id, r.serial, r.qty FROM jsonb_to_recordset($1::jsonb) AS r(number text, lot_id uuid, serial text, qty numeric)
             JOIN shipments s ON s.number = r.number`,
          [JSON.stringify(chunk)],
        );
      });
      good.forEach((r, i) => audit.push({ action: 'shipment.imported', entityType: 'lot', entityId: lines[i]!.lot_id, after: { ...provenance(r, ref), shipmentNumber: r.values.shipmentNumber, customerCode: r.values.customerCode, serial: r.values.serial, qty: r.values.qty, shippedOn: r.values.shippedOn } }));
      return { entityIds: new Map(good.map((r, i) => [r.row, lines[i]!.lot_id])), audit };
    },
  };
}

export const PLANNERS: Readonly<Record<ImportKind, (tx: Queryable, rows: readonly JudgedRow[]) => Promise<KindPlan>>> = {
  items: planItems,
  lots: planLots,
  stock: planStock,
  genealogy: planGenealogy,
  shipments: planShipments,
};
