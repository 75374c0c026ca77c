import { DRILL_PASS_BAND, drillTimings, formatStopwatch, type DrillStopwatch } from '../drill';
import { pct, qty, type ReportDocument } from './model';

export interface DrillResult {
  caseNumber: string;
  scopeDescribed: string;
  stopwatch: DrillStopwatch;
  lots: number;
  consignees: number;
  shipmentLines: number;
  broughtIn: number;
  accounted: number;
  percent: number | null;
  passed: boolean;
  startedBy: string;
}

/** The mock recall's record: how long each part of the answer took, and whether the books balance within the band. */
export function drillReport(d: DrillResult, generatedAt: string): ReportDocument {
  const t = drillTimings(d.stopwatch);
  return {
    kind: 'drill',
    lang: 'en',
    title: `Mock recall drill ${d.caseNumber}`,
    reference: d.caseNumber,
    generatedAt,
    sections: [
      {
        heading: 'Drill',
        fields: [
          ['Drill', d.caseNumber],
          ['Scope input', d.scopeDescribed],
          ['Started', d.stopwatch.startedAt],
          ['Started by', d.startedBy],
        ],
      },
      {
        heading: 'Stopwatch',
        table: {
          columns: ['Part', 'Ready at', 'Since start (ms)', 'Since start'],
          rows: [
            ['Scope', d.stopwatch.scopeReadyAt, t.scopeMs, formatStopwatch(t.scopeMs)],
            ['Consignee list', d.stopwatch.consigneesReadyAt, t.consigneesMs, formatStopwatch(t.consigneesMs)],
            ['Mass balance', d.stopwatch.balanceReadyAt, t.balanceMs, formatStopwatch(t.balanceMs)],
          ],
        },
      },
      {
        heading: 'Result',
        fields: [
          ['Lots in scope', d.lots],
          ['Consignees', d.consignees],
          ['Shipment lines', d.shipmentLines],
          ['Brought in', qty(d.broughtIn)],
          ['Accounted for', qty(d.accounted)],
          ['Share accounted for', pct(d.percent)],
          ['Pass band', `${DRILL_PASS_BAND.min} % to ${DRILL_PASS_BAND.max} %`],
          ['Result', d.passed ? 'PASS' : 'FAIL'],
        ],
      },
    ],
  };
}
