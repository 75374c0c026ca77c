import type { LabelTemplate } from '../../domain/labels';
import { describeMismatch, publicationRefusedBy, templateIdentifiers, udiMismatches, type LabelDataPresence, type UdiMismatch } from '../../domain/labels/udi-consistency';
import { JURISDICTIONS, type Jurisdiction, type UdiDeviceRecord } from '../../domain/udi';
import type { Queryable } from '../db';
import { AppError } from '../errors';

/*
 * Labels against the UDI device records: a template version is approved, and a lot's label is
 * made, only when the barcodes carry exactly the production identifiers the item's DI record
 * declares, and, where the plant is held to it, only for a DI whose data is published.
 */

/** An item and the DI record its label answers to, if it has one. */
export interface ItemUdi {
  itemId: string;
  sku: string;
  serialized: boolean;
  /** The UDI-DI that names the item in a record (its udi_di, else its GTIN); null without a record. */
  udiDi: string | null;
  recordId: string | null;
  version: number | null;
  record: UdiDeviceRecord | null;
  /** The latest publication of the record lists this UDI-DI. */
  published: boolean;
}

const parsed = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** The items' current DI records, found by the item's UDI-DI first and its GTIN after. */
export async function itemsUdi(db: Queryable, itemIds: readonly string[]): Promise<ItemUdi[]> {
  const found = await db.query<{
    id: string;
    sku: string;
    serialized: boolean;
    udi_di: string | null;
    record_id: string | null;
    current_version: number | null;
    data: unknown;
    published: boolean | null;
  }>(
    `SELECT i.id, i.sku, i.serialized, d.udi_di, r.id AS record_id, r.current_version, v.data,
            EXISTS (SELECT 1 FROM (SELECT version FROM udi_record_publications WHERE record_id = r.id ORDER BY seq DESC LIMIT 1) p
                      JOIN udi_record_versions pv ON pv.record_id = r.id AND pv.version = p.version
                     WHERE pv.data->'packages' @> jsonb_build_array(jsonb_build_object('udiDi', d.udi_di))) AS published
       FROM items i
       LEFT JOIN LATERAL (SELECT udi_di, record_id FROM udi_dis WHERE udi_di = i.udi_di OR udi_di = i.gtin ORDER BY (udi_di = i.udi_di) IS TRUE DESC LIMIT 1) d ON true
       LEFT JOIN udi_records r ON r.id = d.record_id
       LEFT JOIN udi_record_versions v ON v.record_id = r.id AND v.version = r.current_version
      WHERE i.id = ANY($1::uuid[])
      ORDER BY i.sku`,
    [itemIds],
  );
  return found.rows.map((r) => ({
    itemId: r.id,
    sku: r.sku,
    serialized: r.serialized,
    udiDi: r.udi_di,
    recordId: r.record_id,
    version: r.current_version,
    record: r.data === null ? null : parsed<UdiDeviceRecord>(r.data),
    published: r.published === true,
  }));
}

/** The jurisdictions whose "published before sale" rule the plant is held to (udi_label_settings). */
export async function publicationRule(db: Queryable): Promise<Jurisdiction[]> {
  const found = await db.query<{ j: string }>('SELECT unnest(publish_before_sale) AS j FROM udi_label_settings');
  const list = found.rows.map((r) => r.j);
  return list.filter((j): j is Jurisdiction => (JURISDICTIONS as readonly string[]).includes(j)).sort();
}

function mismatchError(item: ItemUdi, mismatches: UdiMismatch[], doing: string): AppError {
  const first = mismatches[0]!;
  return new AppError(422, 'udi_mismatch', `${doing} for ${item.sku} (UDI-DI ${item.udiDi}): ${mismatches.map(describeMismatch).join('; ')}.`, {
    field: `productionIdentifiers.${first.field}`,
    ai: first.ai,
    itemId: item.itemId,
    sku: item.sku,
    udiDi: item.udiDi,
    recordId: item.recordId,
    recordVersion: item.version,
    mismatches,
  });
}

/**
 * The refusal of approving a template version, or null: each item assigned to the template's
 * name is judged against its current DI record. Before any lot exists, the lot and expiry are
 * known to be there (every label has them), the serial is there when the item is serialized,
 * and the manufacture date is judged only where a barcode names it.
 */
export async function approvalUdiRefusal(db: Queryable, template: LabelTemplate): Promise<AppError | null> {
  const assigned = await db.query<{ item_id: string }>('SELECT item_id FROM label_template_items WHERE template_name = $1', [template.name]);
  if (assigned.rows.length === 0) return null;
  const carried = templateIdentifiers(template);
  for (const item of await itemsUdi(db, assigned.rows.map((r) => r.item_id))) {
    if (!item.record) continue;
    const presence: LabelDataPresence = { lot: 'given', expiry: 'given', serial: item.serialized ? 'given' : 'missing', manufactureDate: 'unknown' };
    const mismatches = udiMismatches(carried, item.record.productionIdentifiers, presence);
    if (mismatches.length > 0) return mismatchError(item, mismatches, `'${template.name}' cannot be approved: it disagrees with the DI record`);
  }
  return null;
}

/** The GS1 fields a lot's label data holds, as a print made it. */
export interface PrintedFields {
  mfgDate?: string | undefined;
  serial?: string | undefined;
}

/**
 * Checks one print for a lot's item before anything is written: the template against the DI
 * record and the data the label will hold, then publication. Returns a warning for an item with
 * no DI record: not every item the plant labels is a device with a UDI (components, accessories,
 * items in development), and the item master does not say which are, so such labels print and
 * the print says so. Throws 422 udi_mismatch or udi_not_published.
 */
export async function checkPrintAgainstUdi(db: Queryable, itemId: string, template: LabelTemplate, data: PrintedFields): Promise<{ warning: string | null }> {
  const [item] = await itemsUdi(db, [itemId]);
  if (!item) throw new AppError(404, 'not_found', 'That item was not found.');
  if (!item.record) return { warning: `${item.sku} has no UDI device record: its label was not checked against one.` };
  const presence: LabelDataPresence = { lot: 'given', expiry: 'given', serial: data.serial ? 'given' : 'missing', manufactureDate: data.mfgDate ? 'given' : 'missing' };
  const mismatches = udiMismatches(templateIdentifiers(template), item.record.productionIdentifiers, presence);
  if (mismatches.length > 0) throw mismatchError(item, mismatches, `Template '${template.name}' cannot print: it disagrees with the DI record`);
  const refusedBy = publicationRefusedBy(item.published, await publicationRule(db));
  if (refusedBy.length > 0) {
    throw new AppError(422, 'udi_not_published', `UDI-DI ${item.udiDi} of ${item.sku} is not published: ${refusedBy.join(', ')} require its data in the UDI database before the device is sold. Publish the device record first.`, {
      field: 'udiDi',
      udiDi: item.udiDi,
      sku: item.sku,
      recordId: item.recordId,
      jurisdictions: refusedBy,
    });
  }
  return { warning: null };
}

/**
 * A reprint sends a label made earlier; it is judged again against the DI record as it stands
 * now, so a record corrected since (or unpublished by a new DI) stops copies of the old label.
 */
export async function checkReprintAgainstUdi(db: Queryable, jobId: string): Promise<void> {
  const found = await db.query<{ definition: unknown; item_id: string | null; data: unknown }>(
    `SELECT t.definition, l.item_id, j.data FROM print_jobs j JOIN label_templates t ON t.id = j.template_id LEFT JOIN lots l ON l.id = j.lot_id WHERE j.id = $1`,
    [jobId],
  );
  const job = found.rows[0];
  // A job without a lot is a logistic (SSCC) label: it names a shipping unit, not a device, and carries no UDI.
  if (!job?.item_id) return;
  const data = parsed<PrintedFields | null>(job.data) ?? {};
  await checkPrintAgainstUdi(db, job.item_id, parsed<LabelTemplate>(job.definition), { mfgDate: data.mfgDate, serial: data.serial });
}
