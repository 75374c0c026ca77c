import { stagedPicks, unbookPick, type PickLine, type PickListRecallBreak, type PickListStatus } from '../../domain/ops';
import type { AuditEntry } from '../audit';
import type { Queryable } from '../db';

interface Counted {
  pick_list_id: string;
  number: string;
  status: PickListStatus;
  lines: PickLine[];
  recall_breaks: PickListRecallBreak[];
  to_location_id: string;
  gtin: string;
  lot_id: string;
  lot_number: string;
  counted: string;
  staged: string;
}

/**
 * The pick lists still counting the lots `lots` (a subquery of lot ids) as picked: each list's net
 * count per lot and the lot's balance at the list's destination, newest list first, as
 * stagedPicks takes them. Opening a recall breaks these rows; the recall scope reports them.
 */
export const countedPicksSql = (lots: string) => `
  SELECT p.id AS pick_list_id, p.created_at, p.number, p.status, p.lines, p.recall_breaks, p.to_location_id, c.gtin, c.lot_id, l.lot_number,
         c.qty::text AS counted, coalesce(b.qty, 0)::text AS staged
    FROM (SELECT k.pick_list_id, k.gtin, k.lot_id, sum(CASE WHEN k.kind = 'pick' THEN k.qty ELSE -k.qty END) AS qty
            FROM pick_list_picks k WHERE k.lot_id IN (${lots}) GROUP BY k.pick_list_id, k.gtin, k.lot_id) c
    JOIN pick_lists p ON p.id = c.pick_list_id AND p.status <> 'cancelled' AND NOT p.deleted
    JOIN lots l ON l.id = c.lot_id
    LEFT JOIN stock_balances b ON b.lot_id = c.lot_id AND b.location_id = p.to_location_id
   WHERE c.qty > 0 AND coalesce(b.qty, 0) > 0
   ORDER BY p.created_at DESC, p.id, l.lot_number`;

/**
 * Takes the held lots off every pick list still counting them, in the opening's transaction. What
 * a list counted of a lot no longer counts as far as the lot still stands at the list's
 * destination: the list asks for it again, of another lot, and names the recall as the reason.
 * A ship op names no list, so goods that left are taken from the oldest lists first and the
 * newest lists, the likeliest still staged, are broken first. The staged goods stay where they
 * are, recalled, for QA to move to quarantine.
 */
export async function breakPickLists(tx: Queryable, recall: { id: string; number: string }, lotIds: readonly string[]): Promise<AuditEntry[]> {
  if (lotIds.length === 0) return [];
  const counted = await tx.query<Counted>(`${countedPicksSql('SELECT unnest($1::uuid[])')} FOR UPDATE OF p`, [lotIds]);
  const byList = new Map<string, { list: Counted; breaks: { row: Counted; qty: number }[] }>();
  const staged = stagedPicks(counted.rows.map((row) => ({ row, listId: row.pick_list_id, lotId: row.lot_id, destinationId: row.to_location_id, counted: Number(row.counted), atDestination: Number(row.staged) })));
  for (const { row: { row }, qty } of staged) {
    const entry = byList.get(row.pick_list_id) ?? { list: row, breaks: [] };
    entry.breaks.push({ row, qty });
    byList.set(row.pick_list_id, entry);
  }
  const audit: AuditEntry[] = [];
  for (const [listId, { list, breaks: taken }] of byList) {
    let state: { status: PickListStatus; lines: PickLine[] } = { status: list.status, lines: list.lines };
    const breaks: PickListRecallBreak[] = [];
    for (const { row, qty } of taken) {
      state = unbookPick(state, row.gtin, qty);
      breaks.push({ caseNumber: recall.number, gtin: row.gtin, lotNumber: row.lot_number, qty });
    }
    await tx.query(
      `INSERT INTO pick_list_breaks (pick_list_id, case_id, gtin, lot_id, qty) SELECT $1, $2, gtin, lot_id, qty FROM jsonb_to_recordset($3::jsonb) AS r(gtin text, lot_id uuid, qty numeric)`,
      [listId, recall.id, JSON.stringify(taken.map(({ row, qty }) => ({ gtin: row.gtin, lot_id: row.lot_id, qty })))],
    );
    await tx.query('UPDATE pick_lists SET lines = $2, status = $3, recall_breaks = $4, version = version + 1 WHERE id = $1', [listId, JSON.stringify(state.lines), state.status, JSON.stringify([...list.recall_breaks, ...breaks])]);
    audit.push({
      action: 'picklist.recall_break',
      entityType: 'pick_list',
      entityId: listId,
      before: { status: list.status, lines: list.lines },
      after: { number: list.number, status: state.status, lines: state.lines, breaks },
      reason: `recall ${recall.number} holds ${breaks.map((b) => `lot ${b.lotNumber} (${b.qty} picked)`).join(', ')}`,
    });
  }
  return audit;
}
