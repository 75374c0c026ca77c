/**
 * Mass balance of a recall scope: for every affected lot, what was received or produced must be
 * found again in the places the books know — free in stock, picked and staged for a pick list,
 * scrapped, out at consignees,
 * consumed into other lots, or written off by a correction. Each bucket comes from its own
 * table (balances, shipment lines, returns, genealogy), so a trace that drops a consumed lot or
 * a shipment without its lines shows up as quantity unaccounted for, not as a silent 100 %.
 */

export interface StockAt {
  locationId: string;
  /** The location's kind: stock in a scrap location counts as scrapped. */
  locationKind: string;
  qty: number;
}

export interface PerConsignee {
  customerId: string;
  qty: number;
}

/** Part of a lot's stock at a location that pick lists count as picked (stagedPicks in domain/ops). */
export interface PickedAt {
  locationId: string;
  qty: number;
}

export interface PerChildLot {
  childLotId: string;
  qty: number;
}

/** What the books say about one lot, each part from its own source. */
export interface LotBooks {
  lotId: string;
  /** A lot scrapped by status counts its remaining stock as scrapped, wherever it sits. */
  status: string;
  /** Received from a supplier or produced here: ledger moves into the plant that are not returns or corrections. */
  broughtIn: number;
  stock: readonly StockAt[];
  /** Of that stock, what open pick lists have picked and staged at their destination. */
  picked: readonly PickedAt[];
  shipped: readonly PerConsignee[];
  returned: readonly PerConsignee[];
  consumed: readonly PerChildLot[];
  /** Net quantity taken out of the books by corrections (negative when corrections added stock). */
  corrected: number;
}

export interface LotBalance {
  lotId: string;
  broughtIn: number;
  /** In stock and free: not picked for any list. */
  inStock: number;
  /** In stock, picked and staged for a pick list. */
  picked: number;
  scrapped: number;
  /** Shipped less returned, per consignee that still has some. */
  atConsignees: PerConsignee[];
  shippedOut: number;
  consumed: number;
  corrected: number;
  accounted: number;
  unaccounted: number;
  /** accounted / broughtIn in percent; null for a lot nothing was ever booked into. */
  percent: number | null;
  balanced: boolean;
}

export interface ScopeBalance {
  lots: LotBalance[];
  broughtIn: number;
  accounted: number;
  unaccounted: number;
  percent: number | null;
  /** Every lot balances on its own (a surplus in one lot cannot hide a loss in another). */
  balanced: boolean;
  unbalancedLots: string[];
}

// Quantities are numeric(18,3): summed in whole thousandths so 0.1 + 0.2 stays 0.3.
const milli = (q: number) => Math.round(q * 1000);
const units = (m: number) => m / 1000;
const sumMilli = (rows: readonly { qty: number }[]) => rows.reduce((s, r) => s + milli(r.qty), 0);
const percentOf = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

function perConsignee(shipped: readonly PerConsignee[], returned: readonly PerConsignee[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of shipped) out.set(s.customerId, (out.get(s.customerId) ?? 0) + milli(s.qty));
  for (const r of returned) out.set(r.customerId, (out.get(r.customerId) ?? 0) - milli(r.qty));
  return out;
}

// Ids are compared as plain text: a locale's collation is slower by far, and at a hub lot's
// 20,000 lots of several consignees each that was the mass balance's largest cost.
const byCustomerId = (a: { customerId: string }, b: { customerId: string }) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);

export function lotBalance(books: LotBooks): LotBalance {
  const scrappedByStatus = books.status === 'scrapped';
  const pickedAt = new Map<string, number>();
  for (const p of books.picked) pickedAt.set(p.locationId, (pickedAt.get(p.locationId) ?? 0) + milli(p.qty));
  let inStock = 0;
  let picked = 0;
  let scrapped = 0;
  for (const s of books.stock) {
    const qty = milli(s.qty);
    if (scrappedByStatus || s.locationKind === 'scrap') {
      scrapped += qty;
      continue;
    }
    // Picked is a part of the stock where it stands, never more than stands there.
    const staged = Math.max(0, Math.min(pickedAt.get(s.locationId) ?? 0, qty));
    picked += staged;
    inStock += qty - staged;
  }
  const out = perConsignee(books.shipped, books.returned);
  const shippedOut = [...out.values()].reduce((s, q) => s + q, 0);
  const consumed = sumMilli(books.consumed);
  const corrected = milli(books.corrected);
  const broughtIn = milli(books.broughtIn);
  const accounted = inStock + picked + scrapped + shippedOut + consumed + corrected;
  return {
    lotId: books.lotId,
    broughtIn: units(broughtIn),
    inStock: units(inStock),
    picked: units(picked),
    scrapped: units(scrapped),
    atConsignees: [...out.entries()].filter(([, q]) => q !== 0).map(([customerId, q]) => ({ customerId, qty: units(q) })).sort(byCustomerId),
    shippedOut: units(shippedOut),
    consumed: units(consumed),
    corrected: units(corrected),
    accounted: units(accounted),
    unaccounted: units(broughtIn - accounted),
    percent: percentOf(accounted, broughtIn),
    balanced: accounted === broughtIn,
  };
}

export function scopeBalance(books: readonly LotBooks[]): ScopeBalance {
  const lots = books.map(lotBalance);
  const broughtIn = lots.reduce((s, l) => s + milli(l.broughtIn), 0);
  const accounted = lots.reduce((s, l) => s + milli(l.accounted), 0);
  const unbalancedLots = lots.filter((l) => !l.balanced).map((l) => l.lotId);
  return { lots, broughtIn: units(broughtIn), accounted: units(accounted), unaccounted: units(broughtIn - accounted), percent: percentOf(accounted, broughtIn), balanced: unbalancedLots.length === 0, unbalancedLots };
}
