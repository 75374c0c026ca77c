import type { BalanceDoc, LotDoc } from '../../sync';
import type { LotlineDatabase } from './database';

/*
 * A plant's handheld holds tens of thousands of lots and twice as many balances. Screens ask for
 * the few they are working with, through the indexes, rather than hold the whole collection in
 * memory and filter it on every render.
 */

/** The lot a label names, by GTIN and lot number; null when the device does not know it. */
export async function findLot(db: LotlineDatabase, gtin: string, lotNumber: string): Promise<LotDoc | null> {
  const found = await db.lots.findOne({ selector: { gtin, lotNumber } }).exec();
  return found ? (found.toJSON() as LotDoc) : null;
}

/** Every balance the device knows of these lots, one index range per lot. */
export async function balancesOfLots(db: LotlineDatabase, lotIds: readonly string[]): Promise<BalanceDoc[]> {
  const per = await Promise.all([...new Set(lotIds)].map((lotId) => db.balances.find({ selector: { lotId } }).exec()));
  return per.flat().map((d) => d.toJSON() as BalanceDoc);
}

/** The one place the device knows a lot is stocked, or null when it knows none or several. */
export async function onlyStockedLocationId(db: LotlineDatabase, lotId: string): Promise<string | null> {
  const stocked = (await balancesOfLots(db, [lotId])).filter((b) => b.qty > 0);
  return stocked.length === 1 ? stocked[0]!.locationId : null;
}
