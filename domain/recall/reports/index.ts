import type { ReportFacts } from './facts';
import type { ReportDocument, ReportKind } from './model';
import { fda806Report } from './fda-806';
import { euFscaPack } from './eu-fsca';
import { nmpaEventReport, nmpaProgressReport, nmpaSummaryReport } from './nmpa';
import { statusReport } from './status';
import type { DeadlineKind } from '../clock';
import type { Jurisdiction } from '../case';

export { REPORT_KINDS, type Cell, type ReportDocument, type ReportKind, type ReportSection } from './model';
export type { ConsigneeStatus, Manufacturer, ReportFacts } from './facts';
export { drillReport, type DrillResult } from './drill-report';
export { caseSequence, fdaReportNumber } from './report-number';
export { fda806Report, euFscaPack, nmpaEventReport, nmpaProgressReport, nmpaSummaryReport, statusReport };

/** The regulator's clock a report answers when it is generated. */
export const REPORT_MEETS: Readonly<Partial<Record<ReportKind, DeadlineKind>>> = {
  'fda-806': 'fda_correction_report',
  'nmpa-event': 'nmpa_event_report',
  'nmpa-summary': 'nmpa_summary_report',
  'eu-fsca': 'eu_fsca_report',
};

export type CaseReportKind = Exclude<ReportKind, 'drill'>;

/** Which jurisdiction a report is filed in (null: any case has it); a report to a regulator the case does not name is not offered. */
export const REPORT_JURISDICTION: Readonly<Record<CaseReportKind, Jurisdiction | null>> = {
  status: null,
  'fda-806': 'US',
  'nmpa-event': 'CN',
  'nmpa-progress': 'CN',
  'nmpa-summary': 'CN',
  'eu-fsca': 'EU',
};

export const reportsFor = (jurisdictions: readonly Jurisdiction[]): CaseReportKind[] =>
  (Object.keys(REPORT_JURISDICTION) as CaseReportKind[]).filter((k) => {
    const j = REPORT_JURISDICTION[k];
    return j === null || jurisdictions.includes(j);
  });

/** Assembles one of a case's reports; the 806 report needs its number, worked out by the caller from the first time it was made. */
export function caseReport(kind: CaseReportKind, facts: ReportFacts, fdaNumber: string | null): ReportDocument {
  switch (kind) {
    case 'status':
      return statusReport(facts);
    case 'fda-806':
      return fda806Report(facts, fdaNumber);
    case 'nmpa-event':
      return nmpaEventReport(facts);
    case 'nmpa-progress':
      return nmpaProgressReport(facts);
    case 'nmpa-summary':
      return nmpaSummaryReport(facts);
    case 'eu-fsca':
      return euFscaPack(facts);
  }
}
