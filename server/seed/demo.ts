import { pickLine } from '../../domain/ops';
import { LOT_STATUS_ACTION, appendAudit, type Actor } from '../audit';
import { createUser, randomPassword } from '../auth';
import type { Db, Queryable } from '../db';
import { templateHash } from '../../printers/render';
import { listTemplates as starterTemplateNames, loadTemplate as loadStarterTemplate } from '../../printers/templates';
import { postMoves } from '../ledger';
import { stateMasterDataChange } from '../masterdata/change-context';
import { demoCustomers, demoItems, demoLocations, demoLots, demoProduction, demoUsers } from './demo-data';

export interface DemoLoad {
  loaded: boolean;
  users: string[];
  password?: string;
}

const isoDay = (daysFromToday: number) => new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);

/**
 * Loads the demo plant into a database that has no items yet, in one transaction: either all
 * of it is there afterwards or none. The demo users share one password, generated unless given.
 */
export async function loadDemoData(db: Db, options: { password?: string | undefined } = {}): Promise<DemoLoad> {
  const password = options.password ?? randomPassword();
  const actor: Actor = { id: null, name: 'demo-seed' };
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7701004)');
    const existing = await tx.query('SELECT 1 FROM items LIMIT 1');
    if (existing.rows.length > 0) return { loaded: false, users: [] };
    await stateMasterDataChange(tx, { actor, reason: 'seed' });

    const itemIds = new Map<string, string>();
    for (const item of demoItems) {
      const r = await tx.query<{ id: string }>(
        `INSERT INTO items (gtin, sku, name, name_zh, udi_di, shelf_life_days, serialized) VALUES ($1,$2,$3,$4,$1,$5,$6) RETURNING id`,
        [item.gtin, item.sku, item.name, item.nameZh, item.shelfLifeDays, item.serialized],
      );
      itemIds.set(item.sku, r.rows[0]!.id);
    }
    const locationIds = new Map<string, string>();
    for (const location of demoLocations) {
      const r = await tx.query<{ id: string }>('INSERT INTO locations (code, name, kind) VALUES ($1,$2,$3) RETURNING id', [location.code, location.name, location.kind]);
      locationIds.set(location.code, r.rows[0]!.id);
    }
    const lotIds: string[] = [];
    for (const lot of demoLots) {
      const r = await tx.query<{ id: string }>(
        `INSERT INTO lots (lot_number, item_id, supplier, supplier_lot, manufactured_on, expires_on, origin, status)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
        [lot.lotNumber, itemIds.get(lot.sku), lot.supplier, lot.supplierLot, isoDay(-lot.madeDaysAgo), isoDay(lot.expiresInDays), lot.supplier ? 'received' : 'produced', lot.status],
      );
      lotIds.push(r.rows[0]!.id);
    }
    // A component lot came in with what the demo work order later took from it, so its books
    // balance: received = in stock + consumed.
    const consumed = (lotNumber: string) => demoProduction.components.find((c) => c.lotNumber === lotNumber)?.qty ?? 0;
    await postMoves(
      tx,
      demoLots.map((lot, i) => ({ lotId: lotIds[i]!, fromLocationId: null, toLocationId: locationIds.get(lot.at)!, qty: lot.qty + consumed(lot.lotNumber), reason: 'demo.opening_balance' })),
    );
    await loadDemoProduction(tx, lotIds, locationIds, itemIds);
    const users: string[] = [];
    const userIds = new Map<string, string>();
    for (const user of demoUsers) {
      const created = await createUser(tx, actor, { ...user, password, reason: 'demo user' });
      userIds.set(user.username, created.id);
      users.push(user.username);
    }
    await loadStarterTemplates(tx, actor, userIds.get('labels') ?? null, userIds.get('qa') ?? null);
    await tx.query(
      `INSERT INTO pick_lists (number, customer_id, to_location_id, lines) VALUES ('PL-0001', (SELECT id FROM customers WHERE code = 'HOSP-SH1'), $1, $2)`,
      [locationIds.get('SHP-01'), JSON.stringify([pickLine({ gtin: '06901234000016', qty: 500 }), pickLine({ gtin: '06901234000054', qty: 20 })])],
    );
    await appendAudit(tx, actor, [
      { action: 'demo.loaded', entityType: 'system', after: { items: demoItems.length, locations: demoLocations.length, lots: demoLots.length, users } },
      // A lot's status is what its last audited status change says; the demo's opening statuses are audited too.
      ...demoLots.flatMap((lot, i) =>
        lot.status === 'quarantine'
          ? []
          : [{ action: LOT_STATUS_ACTION, entityType: 'lot', entityId: lotIds[i]!, before: { status: 'quarantine' }, after: { status: lot.status, lotNumber: lot.lotNumber }, reason: 'demo opening status' }],
      ),
    ]);
    return { loaded: true, users, password };
  });
}

/** Customers, a work order with its genealogy and one shipment, so trace has something to show. */
async function loadDemoProduction(tx: Queryable, lotIds: readonly string[], locationIds: ReadonlyMap<string, string>, itemIds: ReadonlyMap<string, string>): Promise<void> {
  const lotId = (lotNumber: string) => lotIds[demoLots.findIndex((l) => l.lotNumber === lotNumber)]!;
  const customerIds = new Map<string, string>();
  for (const c of demoCustomers) {
    const r = await tx.query<{ id: string }>('INSERT INTO customers (code, name, min_shelf_life_days) VALUES ($1, $2, $3) RETURNING id', [c.code, c.name, c.minShelfLifeDays]);
    customerIds.set(c.code, r.rows[0]!.id);
  }
  const p = demoProduction;
  const wo = await tx.query<{ id: string }>(`INSERT INTO work_orders (number, item_id, lot_id, planned_qty, line_code, status) VALUES ($1, $2, $3, 2400, 'L1', 'closed') RETURNING id`, [
    p.workOrder,
    itemIds.get('SYR-5ML'),
    lotId(p.finished),
  ]);
  for (const c of p.components) {
    await tx.query('INSERT INTO genealogy_edges (parent_lot_id, child_lot_id, qty, work_order_id) VALUES ($1, $2, $3, $4)', [lotId(c.lotNumber), lotId(p.finished), c.qty, wo.rows[0]!.id]);
  }
  await postMoves(
    tx,
    p.components.map((c) => ({ lotId: lotId(c.lotNumber), fromLocationId: locationIds.get(demoLots.find((l) => l.lotNumber === c.lotNumber)!.at)!, toLocationId: null, qty: c.qty, reason: 'demo.consumption' })),
  );
  // The plant's SSCCs and the ship-from of its pallet labels (company prefix of the demo GTINs).
  await tx.query(`INSERT INTO logistics_settings (company_prefix, extension, ship_from_name, ship_from_address) VALUES ('6901234', 1, $1, $2)`, ['Lotline Demo Medical Devices Co.', ['1 Demo Road, Suzhou Industrial Park', 'Jiangsu 215000, CN']]);
  const s = p.shipment;
  const shipment = await tx.query<{ id: string }>('INSERT INTO shipments (number, customer_id) VALUES ($1, $2) RETURNING id', [s.number, customerIds.get(s.customer)]);
  await tx.query('INSERT INTO shipment_lines (shipment_id, lot_id, qty, from_location_id) VALUES ($1, $2, $3, $4)', [shipment.rows[0]!.id, lotId(p.finished), s.qty, locationIds.get(s.from)]);
  await postMoves(tx, [{ lotId: lotId(p.finished), fromLocationId: locationIds.get(s.from)!, toLocationId: null, qty: s.qty, reason: 'demo.shipment' }]);
}

/**
 * The starter label templates, approved, so the demo prints at once. Their approval is recorded
 * as what it is: part of loading demo data, not a QC signature.
 */
async function loadStarterTemplates(tx: Queryable, actor: Actor, drafter: string | null, approver: string | null): Promise<void> {
  for (const name of await starterTemplateNames()) {
    const definition = await loadStarterTemplate(name);
    const made = await tx.query<{ id: string }>(
      `INSERT INTO label_templates (name, version, kind, definition, content_hash, status, created_by, approved_by, approved_at)
       VALUES ($1, 1, $2, $3, $4, 'approved', $5, $6, now()) RETURNING id`,
      [definition.name, definition.kind, JSON.stringify(definition), templateHash(definition), drafter, approver],
    );
    await appendAudit(tx, actor, [{ action: 'template.approved', entityType: 'label_template', entityId: made.rows[0]!.id, after: { name, version: 1 }, reason: 'starter template loaded with the demo data' }]);
  }
}

