import { lettersProducts, type ConsigneeLine, type FdaClass, type Jurisdiction, type LetterInput, type LetterLang, type NmpaClass, type RecallDepth, type RecallState } from '../../../domain/recall';
import type { Queryable } from '../../db';
import { AppError } from '../../errors';

export interface LetterCase {
  id: string;
  number: string;
  state: RecallState;
  drill: boolean;
  jurisdictions: Jurisdiction[];
}

/** The case under a letter, refused unless letters may go out for it: open or recovering, and no drill. */
export async function letterCase(db: Queryable, caseId: string): Promise<LetterCase> {
  const found = await db.query<LetterCase>('SELECT id, number, state, drill, jurisdictions FROM recall_cases WHERE id = $1', [caseId]);
  const c = found.rows[0];
  if (!c) throw new AppError(404, 'not_found', 'That recall case was not found.');
  if (c.drill) throw new AppError(409, 'drill_sends_no_letters', `Recall ${c.number} is a drill: no letters go out for it.`);
  if (c.state !== 'open' && c.state !== 'recovering') throw new AppError(409, 'case_not_open', `Recall ${c.number} is ${c.state}: letters go out for open and recovering cases only.`, { state: c.state });
  return c;
}

/** The consignee as the case froze it, or a 404 that says nothing of other customers. */
export async function letterConsignee(db: Queryable, c: LetterCase, customerId: string): Promise<{ id: string; code: string; name: string }> {
  const found = await db.query<{ id: string; code: string; name: string }>(
    'SELECT c.id, c.code, c.name FROM recall_case_consignees f JOIN customers c ON c.id = f.customer_id WHERE f.case_id = $1 AND f.customer_id = $2',
    [c.id, customerId],
  );
  if (!found.rows[0]) throw new AppError(404, 'not_a_consignee', `That customer is not a consignee of recall ${c.number}.`);
  return found.rows[0];
}

/** The frozen shipment lines of one consignee with their products: what its letter lists, and nothing else. */
export async function consigneeLines(db: Queryable, caseId: string, customerId: string): Promise<ConsigneeLine[]> {
  const lines = await db.query<{ gtin: string; sku: string; name: string; name_zh: string | null; uom: string; lot_number: string; serial: string | null; qty: string }>(
    `SELECT i.gtin, i.sku, i.name, i.name_zh, i.uom, l.lot_number, f.serial, f.qty::text
       FROM recall_case_shipment_lines f JOIN lots l ON l.id = f.lot_id JOIN items i ON i.id = l.item_id
      WHERE f.case_id = $1 AND f.customer_id = $2 ORDER BY f.shipment_line_id`,
    [caseId, customerId],
  );
  return lines.rows.map((r) => ({ gtin: r.gtin, model: r.sku, name: r.name, nameZh: r.name_zh, uom: r.uom, lotNumber: r.lot_number, serial: r.serial, qty: Number(r.qty) }));
}

/** Everything one letter says, read from the case's terms and the consignee's frozen lines. */
export async function letterInput(
  db: Queryable,
  c: LetterCase,
  consignee: { id: string; code: string; name: string },
  options: { jurisdiction: Jurisdiction; lang: LetterLang; reply: { code: string; url: string }; date: string },
): Promise<LetterInput> {
  const terms = await db.query<{ reason: string; health_hazard: string; strategy: string; depth: RecallDepth | null; class_fda: FdaClass | null; class_nmpa: number | null; eu_fsca: boolean }>(
    'SELECT reason, health_hazard, strategy, depth, class_fda, class_nmpa, eu_fsca FROM recall_cases WHERE id = $1',
    [c.id],
  );
  const t = terms.rows[0]!;
  return {
    jurisdiction: options.jurisdiction,
    lang: options.lang,
    caseNumber: c.number,
    classes: { fda: t.class_fda, nmpa: t.class_nmpa as NmpaClass | null, euFsca: t.eu_fsca },
    depth: t.depth,
    reason: t.reason,
    healthHazard: t.health_hazard,
    strategy: t.strategy,
    consignee: { code: consignee.code, name: consignee.name },
    products: lettersProducts(await consigneeLines(db, c.id, consignee.id)),
    reply: options.reply,
    date: options.date,
  };
}
