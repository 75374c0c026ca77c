import { LOT_STATUSES, type LotStatus } from '../lots/status';
import type { AmountView } from './amount';

/** Stock of one status in a warehouse, or in one of its locations. */
export interface PlaceFigure extends AmountView {
  warehouse: string;
  location?: string;
  status: LotStatus;
}

/** A page of a warehouse's locations by status; `next` is the cursor of the page after, null on the last. */
export interface LocationPage {
  rows: PlaceFigure[];
  next: string | null;
}

/** Where a page of places ends: the last location and status listed. */
export interface PlaceCursor {
  location: string;
  status: LotStatus;
}

export const statusOrder = (s: LotStatus) => LOT_STATUSES.indexOf(s);
// Codes are capital letters, digits and dashes: code-point order is their order, and far cheaper than a collation over thousands of places.
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Places in the order they are listed and paged: warehouse, location, then status in the lot's life order. */
export const comparePlaces = (x: PlaceFigure, y: PlaceFigure) =>
  compareText(x.warehouse, y.warehouse) || compareText(x.location ?? '', y.location ?? '') || statusOrder(x.status) - statusOrder(y.status);

// '~' is in no code, so the cursor splits back unambiguously.
export const formatPlaceCursor = (c: PlaceCursor) => `${c.location}~${c.status}`;

/** The cursor in `text`, or null when it is not one a page gave out. */
export function parsePlaceCursor(text: string): PlaceCursor | null {
  const m = /^([A-Z0-9][A-Z0-9-]{0,29})~([a-z_]{1,20})$/.exec(text);
  if (!m || !(LOT_STATUSES as readonly string[]).includes(m[2]!)) return null;
  return { location: m[1]!, status: m[2] as LotStatus };
}

/** Whether a place comes after the cursor in listing order (within one warehouse). */
export const isAfter = (p: PlaceFigure, c: PlaceCursor) => compareText(p.location ?? '', c.location) > 0 || (p.location === c.location && statusOrder(p.status) > statusOrder(c.status));

/** One page of places already in listing order: those after `after`, at most `limit`. */
export function pageOfPlaces(sorted: readonly PlaceFigure[], after: PlaceCursor | undefined, limit: number): LocationPage {
  const rest = after ? sorted.filter((p) => isAfter(p, after)) : sorted;
  const rows = rest.slice(0, limit);
  const last = rows.at(-1);
  return { rows, next: rest.length > limit && last ? formatPlaceCursor({ location: last.location ?? '', status: last.status }) : null };
}
