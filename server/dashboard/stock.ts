import type { Db } from '../db';
import { changedSince, currentSnapshot, formatAsOf, parseAsOf } from './as-of';
import { drillCondition, drillRows, formatCursor, parseCursor, type DrillQuery, type StockRow } from './drill';
import { readDashboardSettings } from './settings';

export interface DrillPage {
  rows: StockRow[];
  /** Cursor for the next page, null on the last. */
  next: string | null;
  asOf: string;
  /**
   * Whether the stock changed since the summary the reader opened this figure from (its asOf):
   * the rows are always today's, and this says they may differ from the figure shown. Null when
   * no asOf was given.
   */
  changed: boolean | null;
}

export interface DrillRequest extends DrillQuery {
  asOf?: string | undefined;
  after?: string | undefined;
  limit: number;
  today: string;
  costVisible: boolean;
}

/** A page of the rows behind a figure, read in one snapshot with the token that names it. */
export async function drillDown(db: Db, request: DrillRequest): Promise<DrillPage> {
  const seen = request.asOf === undefined ? undefined : parseAsOf(request.asOf);
  const after = request.after === undefined ? undefined : parseCursor(request.after);
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const snapshot = await currentSnapshot(tx);
    const settings = await readDashboardSettings(tx, request.site);
    const where = drillCondition(request, settings, request.today);
    // One row more than asked tells whether another page follows without a count.
    const rows = await drillRows(tx, where, { after, limit: request.limit + 1, costVisible: request.costVisible });
    const more = rows.length > request.limit;
    const page = more ? rows.slice(0, request.limit) : rows;
    const last = page.at(-1);
    return {
      rows: page,
      next: more && last ? formatCursor({ lotId: last.lotId, locationId: last.locationId }) : null,
      asOf: formatAsOf({ today: request.today, snapshot }),
      changed: seen === undefined ? null : await changedSince(tx, seen, request.today),
    };
  });
}
