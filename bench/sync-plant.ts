import { ensureAdmin } from '../server/auth';
import { migrate, type Db } from '../server/db';
import { loadDemoData } from '../server/seed/demo';

/**
 * A plant's database after years of use, for the ingest benchmark: the demo's items, locations
 * and users, plus `lots` lots spread over the demo items and `serials` serial numbers of the
 * serialized catheter, made with set-based SQL so a million lots take seconds, not hours.
 */

export const BENCH_ADMIN_PASSWORD = 'bench-admin-pw';
export const BENCH_USER_PASSWORD = 'bench-demo-pw';

export interface PlantSize {
  lots: number;
  serials: number;
}

export async function buildPlant(db: Db, size: PlantSize): Promise<void> {
  await migrate(db);
  await ensureAdmin(db, BENCH_ADMIN_PASSWORD);
  await loadDemoData(db, { password: BENCH_USER_PASSWORD });
  // Lot numbers like a plant's (prefix, year, counter); ids derived from the counter so the
  // serials can name their lot without a join.
  await db.query(
    `INSERT INTO lots (id, lot_number, item_id, expires_on, manufactured_on, origin, status)
     SELECT md5('plant-lot-' || g)::uuid, 'P' || (20 + g % 7) || lpad(g::text, 8, '0'), items.ids[1 + g % array_length(items.ids, 1)],
            DATE '2027-01-01' + (g % 1500), DATE '2024-01-01' + (g % 900), 'produced', 'released'
       FROM generate_series(1, $1::int) g,
            (SELECT array_agg(id ORDER BY gtin) AS ids FROM items) items`,
    [size.lots],
  );
  const perLot = Math.max(1, Math.ceil(size.serials / size.lots));
  await db.query(
    `INSERT INTO serials (item_id, serial, lot_id)
     SELECT (SELECT id FROM items WHERE sku = 'CVC-7F'), lpad(s::text, 12, '0'), md5('plant-lot-' || (1 + (s - 1) / $2::int))::uuid
       FROM generate_series(1, $1::int) s`,
    [size.serials, perLot],
  );
}
