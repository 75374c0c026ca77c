import type { ReportFacts } from './facts';
import { day, qty, type ReportDocument } from './model';
import { lotSection, manufacturerFields, productSection, shipmentSection, totals } from './common';

/**
 * The report of a correction or removal, 21 CFR 806.10(c): report number, the firm, the device
 * with its UDI-DI, the lots and serials, how many were made and distributed, every consignee with
 * the quantity and date shipped, the reason, the health hazard and the actions taken.
 */
export function fda806Report(f: ReportFacts, reportNumber: string | null): ReportDocument {
  const t = totals(f);
  return {
    kind: 'fda-806',
    lang: 'en',
    title: `Report of correction or removal (21 CFR 806.10) ${reportNumber ?? f.case.number}`,
    reference: reportNumber ?? f.case.number,
    generatedAt: f.generatedAt,
    sections: [
      {
        heading: '806.10(c)(1)-(3) Report and firm',
        fields: [
          ['Report number', reportNumber ?? 'not numbered: the FDA registration number is not set'],
          ['Recall case', f.case.number],
          ...manufacturerFields(f),
          ['FDA registration', f.manufacturer?.fdaRegistration ?? '—'],
          ['FDA class', f.case.terms.classes.fda ?? '—'],
          ['Date of correction or removal', day(f.case.openedAt)],
        ],
      },
      productSection(f, '806.10(c)(4)-(5) Device and UDI-DI'),
      lotSection(f, '806.10(c)(7) Lots and serials'),
      {
        heading: '806.10(c)(8) Quantities',
        fields: [
          ['Quantity manufactured or received', qty(t.manufactured)],
          ['Quantity distributed', qty(t.distributed)],
          ['Consignees', f.consignees.length],
        ],
      },
      shipmentSection(f, '806.10(c)(10) Consignees, quantity and date shipped'),
      { heading: '806.10(c)(6) Reason for the correction or removal', text: f.case.terms.reason },
      { heading: '806.10(c)(6) Health hazard evaluation', text: f.case.terms.healthHazard || '—' },
      {
        heading: '806.10(c)(9) Actions taken',
        text: f.case.terms.strategy || '—',
        fields: [['Depth', f.case.terms.depth ?? '—'], ...f.notices.map((n): [string, string] => [`Consignees notified ${n.sentOn}`, `${n.count} by ${n.method}`])],
      },
    ],
  };
}
