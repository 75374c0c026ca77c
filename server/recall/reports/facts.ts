import { effectivenessResults } from '../../../domain/recall';
import type { Manufacturer, ReportFacts } from '../../../domain/recall/reports';
import type { Session } from '../../auth';
import type { Queryable } from '../../db';
import type { RecallCase } from '../cases';
import type { CaseClocks } from '../deadlines';
import { readEffectiveness } from '../effectiveness-read';
import { readFrozenScope } from '../frozen';
import { readReconciliation } from '../reconciliation';
import type { ScopeInput } from '../scope-input';

const iso = (d: Date | string) => new Date(d).toISOString();

export async function readManufacturer(db: Queryable): Promise<Manufacturer | null> {
  const found = await db.query<{ name: string; name_zh: string | null; address: string; contact: string; fda_registration: string | null; nmpa_registration: string | null; eu_srn: string | null }>(
    'SELECT name, name_zh, address, contact, fda_registration, nmpa_registration, eu_srn FROM recall_manufacturer WHERE id',
  );
  const m = found.rows[0];
  return m ? { name: m.name, nameZh: m.name_zh, address: m.address, contact: m.contact, fdaRegistration: m.fda_registration, nmpaRegistration: m.nmpa_registration, euSrn: m.eu_srn } : null;
}

/**
 * What the reports say about a case, read from the scope it froze when it opened, the figures
 * recovered since and the acts recorded on it. Read in one transaction so a report's tables
 * agree with each other.
 */
export async function readReportFacts(db: Queryable, found: RecallCase, clocks: CaseClocks, session: Session, generatedAt: Date): Promise<ReportFacts> {
  const scope = await readFrozenScope(db, found.id);
  const lines = await db.query<{ shipment: string; code: string; name: string; lot_number: string; gtin: string; serial: string | null; qty: string; shipped_at: Date }>(
    `SELECT s.number AS shipment, c.code, c.name, l.lot_number, i.gtin, f.serial, f.qty::text, s.shipped_at
       FROM recall_case_shipment_lines f JOIN shipments s ON s.id = f.shipment_id JOIN customers c ON c.id = f.customer_id
       JOIN lots l ON l.id = f.lot_id JOIN items i ON i.id = l.item_id
      WHERE f.case_id = $1 ORDER BY s.shipped_at, s.number, f.shipment_line_id`,
    [found.id],
  );
  const products = await db.query<{ gtin: string; udi_di: string | null; name: string; name_zh: string | null }>(
    `SELECT DISTINCT i.gtin, i.udi_di, i.name, i.name_zh FROM recall_case_lots f JOIN lots l ON l.id = f.lot_id JOIN items i ON i.id = l.item_id WHERE f.case_id = $1 ORDER BY i.gtin`,
    [found.id],
  );
  const serials = await db.query<{ lot_id: string; serial: string }>('SELECT s.lot_id, s.serial FROM serials s JOIN recall_case_lots f ON f.lot_id = s.lot_id AND f.case_id = $1 ORDER BY s.serial', [found.id]);
  const notices = await db.query<{ on: string; method: string; count: string }>(
    `SELECT to_char(happened_on, 'YYYY-MM-DD') AS on, detail->>'method' AS method, sum((detail->>'count')::int)::text AS count
       FROM recall_case_events WHERE case_id = $1 AND kind = 'letters_sent' GROUP BY happened_on, detail->>'method' ORDER BY happened_on, method`,
    [found.id],
  );
  const rec = await readReconciliation(db, found.id);
  const effectiveness = effectivenessResults(await readEffectiveness(db, found.id, generatedAt));
  const serialsOf = (lotId: string) => serials.rows.filter((s) => s.lot_id === lotId).map((s) => s.serial);
  return {
    case: {
      number: found.number,
      drill: found.drill,
      state: found.state,
      terms: found.terms,
      owner: found.owner.name,
      createdAt: found.createdAt,
      openedAt: found.openedAt,
      closedAt: found.closedAt,
      scopeDescribed: describeInput(found.scopeInput),
    },
    manufacturer: await readManufacturer(db),
    products: products.rows.map((p) => ({ gtin: p.gtin, udiDi: p.udi_di, name: p.name, nameZh: p.name_zh })),
    lots: scope.lots.map((l) => ({ lotNumber: l.lotNumber, gtin: l.gtin, depth: l.depth, broughtIn: l.broughtIn, inStock: l.inStock, shippedOut: l.shippedOut, consumed: l.consumed, scrapped: l.scrapped, unaccounted: l.unaccounted, serials: serialsOf(l.lotId) })),
    shipments: lines.rows.map((r) => ({ shipment: r.shipment, consigneeCode: r.code, consigneeName: r.name, lotNumber: r.lot_number, gtin: r.gtin, serial: r.serial, qty: Number(r.qty), shippedAt: iso(r.shipped_at) })),
    consignees: rec.consignees.map((c) => ({
      code: c.code,
      name: c.name,
      shipped: c.shipped,
      returned: c.returned,
      destroyed: c.destroyed,
      corrected: c.corrected,
      onHand: c.onHand,
      lost: c.lost,
      gap: c.gap,
      answered: c.answered,
      answeredAt: c.reply?.recordedAt ?? null,
      explained: c.explained?.explanation ?? null,
    })),
    notices: notices.rows.map((n) => ({ sentOn: n.on, method: n.method, count: Number(n.count) })),
    dispositions: rec.dispositions,
    reconciliation: { shipped: rec.shipped, accounted: rec.accounted, percent: rec.percent },
    effectiveness,
    clocks: clocks.clocks,
    generatedAt: generatedAt.toISOString(),
    generatedBy: session.user.username,
  };
}

/** The scope input in words, as the case list shows it. */
export function describeInput(s: ScopeInput): string {
  switch (s.kind) {
    case 'serial':
      return `serial ${s.serial} of ${s.gtin}`;
    case 'supplier_lot':
      return `supplier lot ${s.supplierLot}`;
    default:
      return `${s.kind === 'component_lot' ? 'component lot' : 'lot'} ${'lotNumber' in s ? s.lotNumber : s.lotId}`;
  }
}
