import type { RecallTerms } from '../case';
import type { ReportFacts } from './facts';
import { qty, type ReportSection } from './model';

export const classesText = (c: RecallTerms['classes']): string =>
  [c.fda ? `FDA class ${c.fda}` : null, c.nmpa ? `NMPA ${['一', '二', '三'][c.nmpa - 1]}级` : null, c.euFsca ? 'EU FSCA' : null].filter(Boolean).join('; ') || '—';

export function productSection(f: ReportFacts, heading = 'Product'): ReportSection {
  return {
    heading,
    table: { columns: ['GTIN', 'UDI-DI', 'Name', 'Name (zh)'], rows: f.products.map((p) => [p.gtin, p.udiDi ?? p.gtin, p.name, p.nameZh ?? '']) },
  };
}

export function lotSection(f: ReportFacts, heading = 'Lots and serials'): ReportSection {
  return {
    heading,
    table: {
      columns: ['Lot', 'GTIN', 'Brought in', 'Shipped out', 'In stock', 'Consumed', 'Scrapped', 'Serials'],
      rows: f.lots.map((l) => [l.lotNumber, l.gtin, qty(l.broughtIn), qty(l.shippedOut), qty(l.inStock), qty(l.consumed), qty(l.scrapped), l.serials.join(' ')]),
    },
  };
}

export function shipmentSection(f: ReportFacts, heading = 'Consignees: quantity and date shipped'): ReportSection {
  return {
    heading,
    table: {
      columns: ['Consignee', 'Name', 'Shipment', 'Lot', 'Serial', 'Quantity', 'Shipped on'],
      rows: f.shipments.map((s) => [s.consigneeCode, s.consigneeName, s.shipment, s.lotNumber, s.serial ?? '', qty(s.qty), s.shippedAt.slice(0, 10)]),
    },
  };
}

export function manufacturerFields(f: ReportFacts): [string, string][] {
  const m = f.manufacturer;
  return [
    ['Manufacturer', m?.name ?? 'not set (PUT /api/recalls/settings)'],
    ['Address', m?.address ?? ''],
    ['Contact', m?.contact ?? ''],
  ];
}

/** Quantity of the scope made or received, and what left the plant. */
export const totals = (f: ReportFacts) => ({
  manufactured: f.lots.reduce((s, l) => s + l.broughtIn, 0),
  distributed: f.shipments.reduce((s, l) => s + l.qty, 0),
});
