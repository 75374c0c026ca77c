import { createHash } from 'node:crypto';
import { gtinCheckDigit } from '../../domain/gs1';
import type { Db } from '../db';

/**
 * A deterministic multi-level genealogy: `levels` items, `lotsPerLevel` lots each; every lot
 * above level 0 is made from `parentsPerChild` lots of the level below; every finished lot
 * ships to one customer, several lots per shipment. The same formulas run in SQL (to build
 * a million lots fast) and here (to know the right answer of any trace).
 */
export interface GenealogyShape {
  levels: number;
  lotsPerLevel: number;
  parentsPerChild: number;
  customers: number;
  linesPerShipment: number;
  locations: number;
}

export const lotNumberOf = (level: number, index: number) => `G${level}-${index}`;
export const customerCodeOf = (n: number) => `GC${n}`;

/** Lot ids are derived from level and index so a test can name any lot without a lookup. */
export function lotIdOf(level: number, index: number): string {
  const h = createHash('md5').update(`gen-lot-${level}-${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const parentIndex = (shape: GenealogyShape, level: number, child: number, p: number) => (child * 17 + p * 7919 + level * 31) % shape.lotsPerLevel;
const customerOf = (shape: GenealogyShape, shipment: number) => (shipment * 13) % shape.customers;

export function gtinOfLevel(level: number): string {
  const body = `0690999${String(level).padStart(6, '0')}`;
  return body + gtinCheckDigit(body);
}

export async function generateGenealogy(db: Db, shape: GenealogyShape): Promise<void> {
  const n = shape.lotsPerLevel;
  await db.transaction(async (tx) => {
    const items = Array.from({ length: shape.levels }, (_, k) => ({ gtin: gtinOfLevel(k), sku: `GEN-L${k}`, name: `Generated level ${k}` }));
    await tx.query(
      `INSERT INTO items (gtin, sku, name, shelf_life_days) SELECT gtin, sku, name, 1095 FROM jsonb_to_recordset($1::jsonb) AS r(gtin text, sku text, name text)`,
      [JSON.stringify(items)],
    );
    await tx.query(`INSERT INTO locations (code, name, kind) SELECT 'GEN-' || g, 'Generated ' || g, 'storage' FROM generate_series(0, $1::int - 1) g`, [shape.locations]);
    await tx.query(`INSERT INTO customers (code, name, min_shelf_life_days) SELECT 'GC' || g, 'Customer ' || g, 0 FROM generate_series(0, $1::int - 1) g`, [shape.customers]);
    await tx.query(
      `INSERT INTO lots (id, lot_number, item_id, supplier, supplier_lot, expires_on, origin, status)
       SELECT md5('gen-lot-' || k || '-' || j)::uuid, 'G' || k || '-' || j, i.id,
              CASE WHEN k = 0 THEN 'Supplier ' || (j % 50) END, CASE WHEN k = 0 THEN 'SL' || j END,
              DATE '2030-01-01' + (j % 700), CASE WHEN k = 0 THEN 'received' ELSE 'produced' END, 'released'
         FROM generate_series(0, $1::int - 1) k
         JOIN items i ON i.sku = 'GEN-L' || k
         CROSS JOIN generate_series(0, $2::int - 1) j`,
      [shape.levels, n],
    );
    await tx.query(
      `INSERT INTO genealogy_edges (parent_lot_id, child_lot_id, qty)
       SELECT DISTINCT md5('gen-lot-' || (k - 1) || '-' || ((j * 17 + p * 7919 + (k - 1) * 31) % $2))::uuid, md5('gen-lot-' || k || '-' || j)::uuid, 1
         FROM generate_series(1, $1::int - 1) k CROSS JOIN generate_series(0, $2::int - 1) j CROSS JOIN generate_series(0, $3::int - 1) p`,
      [shape.levels, n, shape.parentsPerChild],
    );
    await tx.query(
      `INSERT INTO stock_balances (lot_id, location_id, qty)
       SELECT md5('gen-lot-' || k || '-' || j)::uuid, loc.id, 100
         FROM generate_series(0, $1::int - 1) k CROSS JOIN generate_series(0, $2::int - 1) j
         JOIN locations loc ON loc.code = 'GEN-' || ((j + k) % $3)`,
      [shape.levels, n, shape.locations],
    );
    const shipments = Math.ceil(n / shape.linesPerShipment);
    await tx.query(
      `INSERT INTO shipments (id, number, customer_id, shipped_at)
       SELECT md5('gen-shipment-' || s)::uuid, 'GSH-' || s, c.id, TIMESTAMPTZ '2026-01-01' + s * interval '1 minute'
         FROM generate_series(0, $1::int - 1) s JOIN customers c ON c.code = 'GC' || ((s * 13) % $2)`,
      [shipments, shape.customers],
    );
    await tx.query(
      `INSERT INTO shipment_lines (shipment_id, lot_id, qty)
       SELECT md5('gen-shipment-' || (j / $3))::uuid, md5('gen-lot-' || ($1::int - 1) || '-' || j)::uuid, 10
         FROM generate_series(0, $2::int - 1) j`,
      [shape.levels, n, shape.linesPerShipment],
    );
  });
}

export interface ExpectedTrace {
  lots: Set<string>;
  customers: Set<string>;
  edges: number;
}

/** The right answer of a trace, from the formulas alone. */
export function expectedTrace(shape: GenealogyShape, level: number, index: number, direction: 'forward' | 'backward'): ExpectedTrace {
  const children = new Map<string, Set<string>>();
  const parents = new Map<string, Set<string>>();
  for (let k = 1; k < shape.levels; k++) {
    for (let j = 0; j < shape.lotsPerLevel; j++) {
      for (let p = 0; p < shape.parentsPerChild; p++) {
        const parent = `${k - 1}:${parentIndex(shape, k - 1, j, p)}`;
        const child = `${k}:${j}`;
        if (!children.has(parent)) children.set(parent, new Set());
        children.get(parent)!.add(child);
        if (!parents.has(child)) parents.set(child, new Set());
        parents.get(child)!.add(parent);
      }
    }
  }
  const next = direction === 'forward' ? children : parents;
  const reached = new Set([`${level}:${index}`]);
  const queue = [`${level}:${index}`];
  let edges = 0;
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const to of next.get(at) ?? []) {
      edges++;
      if (!reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }
  const customers = new Set<string>();
  for (const key of reached) {
    const [k, j] = key.split(':').map(Number) as [number, number];
    if (k === shape.levels - 1) customers.add(customerCodeOf(customerOf(shape, Math.floor(j / shape.linesPerShipment))));
  }
  return { lots: new Set([...reached].map((key) => lotNumberOf(...(key.split(':').map(Number) as [number, number])))), customers, edges };
}
