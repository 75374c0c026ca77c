import type { KnownPickList } from '../../domain/ops';
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
    `INSERT INTO pick_list_picks (op_id, pick_list_id, gtin, lot_id, qty)
     SELECT op_id, pick_list_id, gtin, lot_id, qty FROM jsonb_to_recordset($1::jsonb) AS r(op_id uuid, pick_list_id uuid, gtin text, lot_id uuid, qty numeric)`,
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
