import { createRenderPool, RenderError, type Dpi, type RenderPool } from '../../printers/render';
import type { LabelSize } from '../../domain/labels';
import type { Queryable } from '../db';
import { AppError } from '../errors';
import { checkTemplatePolicy } from './template-policy';
import { getTemplate } from './templates';
import { textForPrinter } from './text-graphics';
import { compileTemplate, labelSize } from '../../domain/labels';
import { prefixLengthOf } from './label-maker';

/** Sample data for a preview when no lot is chosen: valid GS1, obviously not a real lot. */
const SAMPLE = { gtin: '06901234000016', lot: 'SAMPLE01', expiry: '2029-12-31', mfgDate: '2026-11-23', serial: 'SN0000001', itemName: '示例 Sample item' };

// One render thread per process, started on the first preview; it restarts itself when a render kills it.
let pool: RenderPool | undefined;

/** A PNG of a label, drawn off the event loop; a label the renderer cannot draw is a 422 that says so. */
export async function renderPreview(zpl: string, size: LabelSize & { dpi: Dpi }): Promise<Uint8Array> {
  pool ??= createRenderPool();
  try {
    return await pool.render(zpl, size);
  } catch (error) {
    if (error instanceof RenderError) throw new AppError(422, 'preview_failed', error.message);
    throw error;
  }
}

/**
 * What a template version prints, as ZPL and as a PNG drawn from that same ZPL: the preview a
 * label admin and QC look at before approving.
 */
export async function previewTemplate(db: Queryable, templateId: string, lotId: string | null): Promise<{ zpl: string; png: string; data: Record<string, unknown> }> {
  const template = await getTemplate(db, templateId);
  // Versions saved before the size and command rules are refused here too, before anything is drawn.
  checkTemplatePolicy(template.definition);
  let data: Record<string, unknown> = SAMPLE;
  if (lotId) {
    const found = await db.query<{ gtin: string; lot_number: string; expires_on: string | null; manufactured_on: string | null; name: string; name_zh: string | null }>(
      `SELECT i.gtin, l.lot_number, to_char(l.expires_on, 'YYYY-MM-DD') AS expires_on, to_char(l.manufactured_on, 'YYYY-MM-DD') AS manufactured_on, i.name, i.name_zh
         FROM lots l JOIN items i ON i.id = l.item_id WHERE l.id = $1`,
      [lotId],
    );
    const lot = found.rows[0];
    if (!lot) throw new AppError(404, 'not_found', 'That lot was not found.');
    data = { gtin: lot.gtin, lot: lot.lot_number, expiry: lot.expires_on ?? SAMPLE.expiry, ...(lot.manufactured_on ? { mfgDate: lot.manufactured_on } : {}), serial: SAMPLE.serial, itemName: lot.name_zh ?? lot.name };
  }
  const made = compileTemplate(template.definition, { prefixLengthOf })(data);
  if (!made.ok) throw new AppError(422, 'label_data', `${made.error.field}: ${made.error.message}`);
  // As a printer without a CJK font gets it: Chinese text drawn as a picture, so the preview shows it.
  const zpl = textForPrinter(made.zpl, { cjkFont: null });
  const png = await renderPreview(zpl, { ...labelSize(template.definition), dpi: template.definition.dpi });
  return { zpl, png: Buffer.from(png).toString('base64'), data };
}
