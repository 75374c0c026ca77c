import { LOT_STATUSES, type LotStatus } from '../lots/status';
import { fromScaled, toScaled, QTY_SCALE } from './amount';
import type { DayBand } from './bands';
import { expiryBucketOf, expiryBuckets } from './buckets';

/** What a handheld knows of a lot and of a balance: the fields of its synced documents the glance reads. */
export interface GlanceLot {
  id: string;
  status: LotStatus;
  expiresOn: string | null;
}
export interface GlanceBalance {
  lotId: string;
  qty: number;
}

export interface GlanceFigure {
  qty: string;
  rows: number;
}

/** On-hand by status and by expiry bucket, quantities only: what a handheld shows of the dashboard. */
export interface StockGlance {
  onHand: GlanceFigure;
  byStatus: (GlanceFigure & { status: LotStatus })[];
  expiry: (GlanceFigure & { key: string; label: string })[];
}

/**
 * The dashboard's on-hand, by-status and expiry figures from the lots and balances a handheld
 * synced, counted as the server counts them: positive balances only, each in the bucket of its
 * lot's expiry date, summed as exact decimals (quantities travel as JSON numbers of at most three
 * decimals). A balance whose lot the device does not have is left out: nothing says where it falls.
 */
export function stockGlance(lots: Iterable<GlanceLot>, balances: Iterable<GlanceBalance>, today: string, expiryBands: readonly DayBand[]): StockGlance {
  const lotsById = new Map<string, GlanceLot>();
  for (const lot of lots) lotsById.set(lot.id, lot);
  const zero = () => ({ qty: 0n, rows: 0 });
  const onHand = zero();
  const byStatus = new Map<LotStatus, { qty: bigint; rows: number }>();
  const byBucket = new Map<string, { qty: bigint; rows: number }>();
  const add = <K>(map: Map<K, { qty: bigint; rows: number }>, key: K, qty: bigint) => {
    let entry = map.get(key);
    if (!entry) map.set(key, (entry = zero()));
    entry.qty += qty;
    entry.rows += 1;
  };
  for (const balance of balances) {
    const lot = lotsById.get(balance.lotId);
    if (!lot || !(balance.qty > 0)) continue;
    const qty = toScaled(balance.qty.toFixed(QTY_SCALE), QTY_SCALE);
    onHand.qty += qty;
    onHand.rows += 1;
    add(byStatus, lot.status, qty);
    add(byBucket, expiryBucketOf(lot.expiresOn, today, expiryBands), qty);
  }
  const view = (f: { qty: bigint; rows: number } | undefined): GlanceFigure => ({ qty: fromScaled(f?.qty ?? 0n, QTY_SCALE), rows: f?.rows ?? 0 });
  return {
    onHand: view(onHand),
    byStatus: LOT_STATUSES.filter((s) => byStatus.has(s)).map((status) => ({ status, ...view(byStatus.get(status)) })),
    expiry: expiryBuckets(expiryBands).map((b) => ({ ...b, ...view(byBucket.get(b.key)) })),
  };
}
