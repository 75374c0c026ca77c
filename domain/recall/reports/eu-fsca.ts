import type { ReportFacts } from './facts';
import { day, pct, qty, type ReportDocument } from './model';
import { lotSection, manufacturerFields, productSection } from './common';

/**
 * The pack an EU FSCA file needs (MDR Art. 89, MDCG 2023-3): the Field Safety Notice's data,
 * the consignee list with what each was sent, and where each consignee's units stand.
 */
export function euFscaPack(f: ReportFacts): ReportDocument {
  return {
    kind: 'eu-fsca',
    lang: 'en',
    title: `Field Safety Corrective Action pack ${f.case.number}`,
    reference: f.case.number,
    generatedAt: f.generatedAt,
    sections: [
      {
        heading: 'Field Safety Notice',
        fields: [...manufacturerFields(f), ['SRN', f.manufacturer?.euSrn ?? '—'], ['FSCA reference', f.case.number], ['Date of FSCA', day(f.case.openedAt)], ['FSCA', f.case.terms.classes.euFsca ? 'yes' : 'no']],
      },
      productSection(f, 'Affected devices (Basic UDI-DI / UDI-DI)'),
      lotSection(f, 'Affected lots and serial numbers'),
      { heading: 'Description of the problem', text: f.case.terms.reason },
      { heading: 'Risk to health', text: f.case.terms.healthHazard || '—' },
      { heading: 'Actions to be taken by the user', text: f.case.terms.strategy || '—' },
      {
        heading: 'Consignees',
        table: {
          columns: ['Consignee', 'Name', 'Shipped', 'Returned', 'Destroyed', 'Corrected', 'On hand', 'Lost', 'Gap', 'Reply form returned'],
          rows: f.consignees.map((c) => [c.code, c.name, qty(c.shipped), qty(c.returned), qty(c.destroyed), qty(c.corrected), qty(c.onHand), qty(c.lost), qty(c.gap), c.answeredAt ? day(c.answeredAt) : 'no']),
        },
      },
      { heading: 'Reconciliation', fields: [['Shipped', qty(f.reconciliation.shipped)], ['Accounted for', qty(f.reconciliation.accounted)], ['Share accounted for', pct(f.reconciliation.percent)]] },
    ],
  };
}
