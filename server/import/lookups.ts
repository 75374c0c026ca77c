import { KEY_SEPARATOR } from '../../domain/import';
import type { Queryable } from '../db';

export interface ItemRow {
  id: string;
  gtin: string;
  sku: string;
  external_id: string | null;
}

export const lotKey = (gtin: string, lotNumber: string) => `${gtin}${KEY_SEPARATOR}${lotNumber}`;

export async function itemsByGtin(tx: Queryable, gtins: readonly string[]): Promise<Map<string, ItemRow>> {
  const found = await tx.query<ItemRow>('SELECT id, gtin, sku, external_id FROM items WHERE gtin = ANY($1::text[])', [[...new Set(gtins)]]);
  return new Map(found.rows.map((r) => [r.gtin, r]));
}

export async function itemsBySku(tx: Queryable, skus: readonly string[]): Promise<Map<string, ItemRow>> {
  const found = await tx.query<ItemRow>('SELECT id, gtin, sku, external_id FROM items WHERE sku = ANY($1::text[])', [[...new Set(skus)]]);
  return new Map(found.rows.map((r) => [r.sku, r]));
}

export interface LotRow {
  id: string;
  origin: 'received' | 'produced';
  has_parents: boolean;
}

/** Lots by GTIN and lot number, as a file names them. */
export async function lotsByKey(tx: Queryable, keys: readonly { gtin: string; lotNumber: string }[]): Promise<Map<string, LotRow>> {
  const unique = [...new Map(keys.map((k) => [lotKey(k.gtin, k.lotNumber), k])).values()];
  const found = await tx.query<LotRow & { gtin: string; lot_number: string }>(
    `SELECT l.id, l.origin, i.gtin, l.lot_number, EXISTS (SELECT 1 FROM genealogy_edges g WHERE g.child_lot_id = l.id) AS has_parents
       FROM unnest($1::text[], $2::text[]) AS k(gtin, lot_number)
       JOIN items i ON i.gtin = k.gtin
       JOIN lots l ON l.item_id = i.id AND l.lot_number = k.lot_number`,
    [unique.map((k) => k.gtin), unique.map((k) => k.lotNumber)],
  );
  return new Map(found.rows.map((r) => [lotKey(r.gtin, r.lot_number), { id: r.id, origin: r.origin, has_parents: r.has_parents }]));
}

export async function idsByCode(tx: Queryable, table: 'locations' | 'customers', codes: readonly string[]): Promise<Map<string, string>> {
  const found = await tx.query<{ id: string; code: string }>(`SELECT id, code FROM ${table} WHERE code = ANY($1::text[])`, [[...new Set(codes)]]);
  return new Map(found.rows.map((r) => [r.code, r.id]));
}
