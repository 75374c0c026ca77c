import { LOT_STATUSES, type LotStatus } from '../../domain/lots';
import { recallHold } from '../../domain/recall';
import { readHeldLots, type AuditEntry, type HeldLots } from '../audit';
import type { Queryable } from '../db';
import { AppError } from '../errors';
import { notifyChanges } from '../sync/notify';
import { breakPickLists } from './pick-list-breaks';
import type { OpeningScope } from './scope';

export interface OpenedScope {
  lots: number;
  /** Lots this opening made recalled. */
  held: string[];
  /** The same as its signed audit row records them; null for a drill, which holds nothing. */
  heldLots: HeldLots | null;
  consignees: number;
  percent: number | null;
  balanced: boolean;
}

/** The statuses from which opening a recall makes a lot recalled. */
const RECALLABLE: LotStatus[] = LOT_STATUSES.filter((status) => recallHold(status) === 'recall');

/**
 * Writes the scope into the case as it stands (its shipment lines were frozen as it was read:
 * readOpeningScope) and, for a real recall, holds every lot in it:
 * each lot is claimed for this case (the key of recall_holds refuses a lot a second open case
 * already claimed, even one opening at the same moment) and made recalled where the lot status
 * machine allows. The audit trail explains each held lot's status by the opening's one signed
 * row, which records the held lots' count and digest (server/audit/held-lots.ts). Pick lists still
 * counting held lots are broken (pick-list-breaks.ts). Devices learn of it from the case's list of
 * held lots, then through the lots and lists they pull. Returns the audit entries of the broken
 * lists for the caller to append last.
 */
export async function freezeAndHold(
  tx: Queryable,
  caseRef: { id: string; number: string; drill: boolean },
  scope: OpeningScope,
): Promise<{ opened: OpenedScope; audit: AuditEntry[] }> {
  const caseId = caseRef.id;
  const lotIds = scope.lots.map((l) => l.id);
  const audit: AuditEntry[] = [];
  const held: string[] = [];
  // The status each lot has under its row lock, not as the scope read it a moment before.
  const statusOf = new Map<string, { status: LotStatus; version: number }>();
  if (!caseRef.drill) {
    const claimed = await tx.query<{ lot_id: string }>(
      `INSERT INTO recall_holds (lot_id, case_id) SELECT id, $2 FROM unnest($1::uuid[]) AS id ORDER BY id ON CONFLICT (lot_id) DO NOTHING RETURNING lot_id`,
      [lotIds, caseId],
    );
    if (claimed.rows.length !== lotIds.length) {
      const taken = await tx.query<{ lot_number: string; number: string }>(
        `SELECT l.lot_number, c.number FROM recall_holds h JOIN lots l ON l.id = h.lot_id JOIN recall_cases c ON c.id = h.case_id
          WHERE h.lot_id = ANY($1::uuid[]) AND h.case_id <> $2 ORDER BY l.lot_number`,
        [lotIds, caseId],
      );
      const cases = [...new Set(taken.rows.map((r) => r.number))];
      throw new AppError(409, 'lot_in_open_recall', `Lot ${taken.rows.map((r) => r.lot_number).slice(0, 5).join(', ')} is already held by open recall ${cases.join(', ')}.`, { cases });
    }
    // Locked and held in one pass over the lots: each is made recalled by the status it has under
    // its lock, where the lot status machine allows it, and answers with the status it had. (A
    // data-modifying WITH runs to completion whether or not the query reads it.)
    const locked = await tx.query<{ id: string; status: LotStatus; version: number }>(
      `WITH locked AS (SELECT id, status, version FROM lots WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE),
            held AS (UPDATE lots l SET status = 'recalled', version = l.version + 1, updated_at = now() FROM locked k WHERE l.id = k.id AND k.status = ANY($2::text[]) RETURNING l.id)
       SELECT id, status, version FROM locked`,
      [lotIds, RECALLABLE],
    );
    for (const r of locked.rows) statusOf.set(r.id, { status: r.status, version: r.version });
  }

  const holdOf = (lotId: string, scoped: LotStatus) => (caseRef.drill ? 'drill' : recallHold(statusOf.get(lotId)?.status ?? scoped));
  const balanceOf = new Map(scope.balance.lots.map((b) => [b.lotId, b]));
  // The frozen scope's statements go to the database one after another without waiting for each
  // answer. A failure in any of them fails the transaction.
  const lots = scope.lots.map((l) => ({ lot: l, balance: balanceOf.get(l.id)! }));
  const column = <T>(of: (row: (typeof lots)[number]) => T) => lots.map(of);
  // Each column travels as one typed array: PostgreSQL reads 20,000 rows of arrays faster than
  // the same rows as JSON objects, whose keys it parses again for every row.
  await Promise.all([
    tx.query(
      `INSERT INTO recall_case_lots (case_id, lot_id, depth, reached, status_before, hold, brought_in, in_stock, picked, scrapped, shipped_out, consumed, corrected, unaccounted)
       SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::numeric[], $9::numeric[], $10::numeric[], $11::numeric[], $12::numeric[], $13::numeric[], $14::numeric[])`,
      [
        caseId,
        column((r) => r.lot.id),
        column((r) => r.lot.depth),
        column((r) => r.lot.reached),
        column((r) => statusOf.get(r.lot.id)?.status ?? r.lot.status),
        column((r) => holdOf(r.lot.id, r.lot.status)),
        column((r) => r.balance.broughtIn),
        column((r) => r.balance.inStock),
        column((r) => r.balance.picked),
        column((r) => r.balance.scrapped),
        column((r) => r.balance.shippedOut),
        column((r) => r.balance.consumed),
        column((r) => r.balance.corrected),
        column((r) => r.balance.unaccounted),
      ],
    ),
    tx.query(`INSERT INTO recall_case_stock (case_id, lot_id, location_id, qty) SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::numeric[])`, [
      caseId,
      scope.stock.map((s) => s.lotId),
      scope.stock.map((s) => s.locationId),
      scope.stock.map((s) => s.qty),
    ]),
    tx.query(
      `INSERT INTO recall_case_consignees (case_id, customer_id, lines, shipped, returned, outstanding) SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::numeric[], $5::numeric[], $6::numeric[])`,
      [caseId, scope.consignees.map((c) => c.customerId), scope.consignees.map((c) => c.lines), scope.consignees.map((c) => c.shipped), scope.consignees.map((c) => c.returned), scope.consignees.map((c) => c.outstanding)],
    ),
    tx.query(`INSERT INTO recall_case_links (case_id, parent_lot_id, child_lot_id, qty) SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::numeric[])`, [
      caseId,
      scope.links.map((l) => l.parentLotId),
      scope.links.map((l) => l.childLotId),
      scope.links.map((l) => l.qty),
    ]),
  ]);

  if (!caseRef.drill) for (const lot of scope.lots) if (holdOf(lot.id, lot.status) === 'recall') held.push(lot.id);
  const heldLots = caseRef.drill ? null : await readHeldLots(tx, caseId);

  if (!caseRef.drill) {
    if (held.length > 0) await notifyChanges(tx, ['lots']);
    const broken = await breakPickLists(tx, caseRef, lotIds);
    if (broken.length > 0) {
      audit.push(...broken);
      await notifyChanges(tx, ['picklists']);
    }
  }
  return { opened: { lots: scope.lots.length, held, heldLots, consignees: scope.consignees.length, percent: scope.balance.percent, balanced: scope.balance.balanced }, audit };
}
