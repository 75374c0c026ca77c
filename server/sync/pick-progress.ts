import { unbookPick, type KnownPickList, type PickListStatus, type PickLine } from '../../domain/ops';
import type { AuditEntry } from '../audit';
import type { Queryable } from '../db';

export interface PickRow {
  op_id: string;
  pick_list_id: string;
  gtin: string;
  lot_id: string;
  qty: number;
}

/**
 * Records which op counted towards which pick list and writes the lists' new lines and status,
 * in the push's transaction. The lists were locked when the batch was read (lockPickLists), so
 * the lines written here include every pick committed before.
 */
export async function postPicks(tx: Queryable, picks: readonly PickRow[], lists: readonly KnownPickList[], audit: AuditEntry[]): Promise<void> {
  await tx.query(
    `INSERT INTO pick_list_picks (op_id, kind, pick_list_id, gtin, lot_id, qty)
     SELECT op_id, 'pick', pick_list_id, gtin, lot_id, qty FROM jsonb_to_recordset($1::jsonb) AS r(op_id uuid, pick_list_id uuid, gtin text, lot_id uuid, qty numeric)`,
    [JSON.stringify(picks)],
  );
  const before = await tx.query<{ id: string; status: string }>('SELECT id, status FROM pick_lists WHERE id = ANY($1::uuid[])', [lists.map((l) => l.id)]);
  await tx.query(
    `UPDATE pick_lists p SET lines = r.lines, status = r.status, version = p.version + 1
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, lines jsonb, status text)
      WHERE p.id = r.id`,
    [JSON.stringify(lists.map((l) => ({ id: l.id, lines: l.lines, status: l.status })))],
  );
  for (const list of lists) {
    const was = before.rows.find((r) => r.id === list.id)?.status;
    if (was !== list.status) audit.push({ action: `picklist.${list.status}`, entityType: 'pick_list', entityId: list.id, before: { status: was }, after: { number: list.number, status: list.status, lines: list.lines } });
  }
}

/**
 * Takes a reversed pick op back off the pick list it counted towards (the goods went back to the
 * shelf), so the list asks for them again. Runs in the reversal's transaction, after its lots'
 * balance locks, like a push. Null when the op counted towards no list.
 */
export async function reversePick(tx: Queryable, opId: string): Promise<{ id: string; number: string; before: PickListStatus; status: PickListStatus; lines: PickLine[] } | null> {
  const booked = await tx.query<{ pick_list_id: string; gtin: string; lot_id: string; qty: string }>(
    "SELECT pick_list_id, gtin, lot_id, qty::text AS qty FROM pick_list_picks WHERE op_id = $1 AND kind = 'pick'",
    [opId],
  );
  const pick = booked.rows[0];
  if (!pick) return null;
  const found = await tx.query<{ id: string; number: string; status: PickListStatus; lines: PickLine[] }>('SELECT id, number, status, lines FROM pick_lists WHERE id = $1 FOR UPDATE', [pick.pick_list_id]);
  const list = found.rows[0]!;
  const back = unbookPick(list, pick.gtin, Number(pick.qty));
  await tx.query("INSERT INTO pick_list_picks (op_id, kind, pick_list_id, gtin, lot_id, qty) VALUES ($1, 'reversal', $2, $3, $4, $5)", [opId, list.id, pick.gtin, pick.lot_id, pick.qty]);
  await tx.query('UPDATE pick_lists SET lines = $2, status = $3, version = version + 1 WHERE id = $1', [list.id, JSON.stringify(back.lines), back.status]);
  return { id: list.id, number: list.number, before: list.status, ...back };
}
