import { loadTemplate } from '../../printers/templates';
import type { Db } from '../db';
import { saveDraft } from './templates';

/**
 * Saves a starter template and marks it approved directly, for tests of the spool: the signed
 * approval itself is tested through the API.
 */
export async function approvedStarter(db: Db, name: string): Promise<string> {
  const existing = await db.query<{ id: string }>(`SELECT id FROM label_templates WHERE name = $1 AND status = 'approved'`, [name]);
  if (existing.rows[0]) return existing.rows[0].id;
  const draft = await saveDraft(db, { id: null, name: 'test' }, await loadTemplate(name));
  await db.query(`UPDATE label_templates SET status = 'approved', approved_at = now() WHERE id = $1`, [draft.id]);
  return draft.id;
}

/** A released lot of the demo's serialized catheter, with stock, to print serialized labels for. */
export async function serializedLot(db: Db, lotNumber: string): Promise<string> {
  const made = await db.query<{ id: string }>(
    `INSERT INTO lots (lot_number, item_id, expires_on, manufactured_on, origin, status)
     SELECT $1, id, current_date + 900, current_date - 5, 'produced', 'released' FROM items WHERE sku = 'CVC-7F' RETURNING id`,
    [lotNumber],
  );
  return made.rows[0]!.id;
}
