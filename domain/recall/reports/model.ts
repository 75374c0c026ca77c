/**
 * A report as a list of sections, each a set of labelled fields or a table: the PDF prints it and
 * the CSV writes it out from the same assembly, so the two can never disagree on a figure.
 */
export type Cell = string | number | null;

export interface ReportSection {
  heading: string;
  fields?: readonly (readonly [label: string, value: Cell])[];
  table?: { columns: readonly string[]; rows: readonly (readonly Cell[])[] };
  /** Running text under the heading (the reason, the strategy). */
  text?: string;
}

export const REPORT_KINDS = ['status', 'fda-806', 'nmpa-event', 'nmpa-progress', 'nmpa-summary', 'eu-fsca', 'drill'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportDocument {
  kind: ReportKind;
  lang: 'en' | 'zh-CN';
  title: string;
  /** The case number, and the regulator's report number where one applies. */
  reference: string;
  generatedAt: string;
  sections: ReportSection[];
}

/** Figures are printed as they were booked: up to three decimals, no thousands separators to misread. */
export const qty = (n: number): string => String(Math.round(n * 1000) / 1000);

export const pct = (n: number | null): string => (n === null ? '—' : `${n} %`);

/** The date part of an ISO instant, as regulators' forms ask for it. */
export const day = (iso: string | null): string => (iso === null ? '—' : iso.slice(0, 10));
