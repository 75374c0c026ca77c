import type { RowValues } from './types';

/** What a recall would need to know, counted over the plant's data as it would stand after the import. */
export interface ReadinessCounts {
  shipmentLines: number;
  shipmentLinesWithConsignee: number;
  lots: number;
  lotsWithExpiry: number;
  finishedLots: number;
  finishedLotsWithGenealogy: number;
}

export interface Readiness {
  /** % of shipment lines whose consignee can be reached: a name, an address and a phone. */
  consigneeComplete: number | null;
  lotsWithExpiry: number | null;
  /** % of produced (finished) lots whose components are known. */
  finishedWithGenealogy: number | null;
  /** The mean of the measures that have something to measure. */
  score: number | null;
  counts: ReadinessCounts;
}

const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export function readiness(counts: ReadinessCounts): Readiness {
  const consigneeComplete = pct(counts.shipmentLinesWithConsignee, counts.shipmentLines);
  const lotsWithExpiry = pct(counts.lotsWithExpiry, counts.lots);
  const finishedWithGenealogy = pct(counts.finishedLotsWithGenealogy, counts.finishedLots);
  const measured = [consigneeComplete, lotsWithExpiry, finishedWithGenealogy].filter((p): p is number => p !== null);
  const score = measured.length === 0 ? null : Math.round((measured.reduce((a, b) => a + b, 0) / measured.length) * 10) / 10;
  return { consigneeComplete, lotsWithExpiry, finishedWithGenealogy, score, counts };
}

/** A shipment row reaches its consignee when it names who receives it, where, and a phone: what a recall letter and a call need. */
export const hasCompleteConsignee = (v: RowValues): boolean => Boolean(v.consigneeName && v.address && v.phone);
