import { templateIdentifiers, udiMismatches, type UdiMismatch } from '../../domain/labels/udi-consistency';
import type { Jurisdiction } from '../../domain/udi';
import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { approvedTemplate } from './templates';
import { itemsUdi, publicationRule } from './udi-check';

/*
 * Which items a label template prints for (label admins assign them), and the plant's rule on
 * publication before sale. Approval and printing judge templates against these (udi-check.ts).
 */

export interface TemplateItemView {
  template: string;
  itemId: string;
  sku: string;
  name: string;
  /** The UDI-DI of the item's device record; null when the item has none. */
  udiDi: string | null;
  recordVersion: number | null;
  published: boolean;
  /** How the template's approved version disagrees with the record now; empty when it agrees, or nothing is approved or recorded. */
  mismatches: UdiMismatch[];
  assignedBy: string | null;
  assignedAt: string;
}

async function templateNamed(db: Queryable, name: string): Promise<void> {
  const found = await db.query('SELECT 1 FROM label_templates WHERE name = $1 LIMIT 1', [name]);
  if (found.rows.length === 0) throw new AppError(404, 'not_found', `There is no label template named '${name}'.`, { field: 'template' });
}

export async function listTemplateItems(db: Queryable, template?: string): Promise<TemplateItemView[]> {
  const rows = await db.query<{ template_name: string; item_id: string; sku: string; name: string; assigned_by: string | null; assigned_at: string }>(
    `SELECT a.template_name, a.item_id, i.sku, i.name, u.username AS assigned_by, a.assigned_at
       FROM label_template_items a JOIN items i ON i.id = a.item_id LEFT JOIN users u ON u.id = a.assigned_by
      WHERE $1::text IS NULL OR a.template_name = $1 ORDER BY a.template_name, i.sku`,
    [template ?? null],
  );
  const udi = new Map((await itemsUdi(db, [...new Set(rows.rows.map((r) => r.item_id))])).map((u) => [u.itemId, u]));
  const carriedBy = new Map<string, ReturnType<typeof templateIdentifiers> | null>();
  const out: TemplateItemView[] = [];
  for (const r of rows.rows) {
    if (!carriedBy.has(r.template_name)) {
      const approved = await approvedTemplate(db, r.template_name).catch(() => null);
      carriedBy.set(r.template_name, approved ? templateIdentifiers(approved.definition) : null);
    }
    const carried = carriedBy.get(r.template_name);
    const item = udi.get(r.item_id);
    const mismatches =
      carried && item?.record
        ? udiMismatches(carried, item.record.productionIdentifiers, { lot: 'given', expiry: 'given', serial: item.serialized ? 'given' : 'missing', manufactureDate: 'unknown' })
        : [];
    out.push({
      template: r.template_name,
      itemId: r.item_id,
      sku: r.sku,
      name: r.name,
      udiDi: item?.udiDi ?? null,
      recordVersion: item?.version ?? null,
      published: item?.published ?? false,
      mismatches,
      assignedBy: r.assigned_by,
      assignedAt: new Date(r.assigned_at).toISOString(),
    });
  }
  return out;
}

/** Assigns an item to a template name; assigning it again changes nothing and is not audited twice. */
export async function assignTemplateItem(db: Db, actor: Actor, input: { template: string; itemId: string }): Promise<TemplateItemView> {
  return db.transaction(async (tx) => {
    await templateNamed(tx, input.template);
    const item = await tx.query('SELECT 1 FROM items WHERE id = $1', [input.itemId]);
    if (item.rows.length === 0) throw new AppError(404, 'not_found', 'That item was not found.', { field: 'itemId' });
    const made = await tx.query('INSERT INTO label_template_items (template_name, item_id, assigned_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING item_id', [
      input.template,
      input.itemId,
      actor.id,
    ]);
    if (made.rows.length > 0) await appendAudit(tx, actor, [{ action: 'template.item_assigned', entityType: 'label_template', entityId: input.template, after: { itemId: input.itemId } }]);
    return (await listTemplateItems(tx, input.template)).find((a) => a.itemId === input.itemId)!;
  });
}

export async function unassignTemplateItem(db: Db, actor: Actor, input: { template: string; itemId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const gone = await tx.query('DELETE FROM label_template_items WHERE template_name = $1 AND item_id = $2 RETURNING item_id', [input.template, input.itemId]);
    if (gone.rows.length === 0) throw new AppError(404, 'not_found', `Item ${input.itemId} is not assigned to '${input.template}'.`, { field: 'itemId' });
    await appendAudit(tx, actor, [{ action: 'template.item_unassigned', entityType: 'label_template', entityId: input.template, before: { itemId: input.itemId } }]);
  });
}

/** Changes the plant's rule under audit; each jurisdiction once. */
export async function setPublicationRule(db: Db, actor: Actor, next: readonly Jurisdiction[]): Promise<Jurisdiction[]> {
  return db.transaction(async (tx) => {
    const before = await publicationRule(tx);
    await tx.query('UPDATE udi_label_settings SET publish_before_sale = $1::text[], updated_at = now()', [[...new Set(next)].sort()]);
    const after = await publicationRule(tx);
    await appendAudit(tx, actor, [{ action: 'udi.label_settings', entityType: 'udi_label_settings', entityId: 'plant', before: { publishBeforeSale: before }, after: { publishBeforeSale: after } }]);
    return after;
  });
}
