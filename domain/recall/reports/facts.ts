import type { RecallTerms, RecallState } from '../case';
import type { Deadline } from '../clock';
import type { EffectivenessResults } from '../effectiveness-view';

/** Everything a recall report can say, read once from the case; the builders only arrange it. */
export interface ReportFacts {
  case: {
    number: string;
    drill: boolean;
    state: RecallState;
    terms: RecallTerms;
    owner: string;
    createdAt: string;
    openedAt: string | null;
    closedAt: string | null;
    scopeDescribed: string;
  };
  manufacturer: Manufacturer | null;
  products: { gtin: string; udiDi: string | null; name: string; nameZh: string | null }[];
  lots: { lotNumber: string; gtin: string; depth: number; broughtIn: number; inStock: number; shippedOut: number; consumed: number; scrapped: number; unaccounted: number; serials: string[] }[];
  shipments: { shipment: string; consigneeCode: string; consigneeName: string; lotNumber: string; gtin: string; serial: string | null; qty: number; shippedAt: string }[];
  consignees: ConsigneeStatus[];
  /** Consignee notices sent, as recorded on the case: the day and how. */
  notices: { sentOn: string; method: string; count: number }[];
  dispositions: { action: string; qty: number }[];
  reconciliation: { shipped: number; accounted: number; percent: number | null };
  /** What the effectiveness checks made so far found. */
  effectiveness: EffectivenessResults;
  clocks: Deadline[];
  generatedAt: string;
  generatedBy: string;
}

export interface Manufacturer {
  name: string;
  nameZh: string | null;
  address: string;
  contact: string;
  fdaRegistration: string | null;
  nmpaRegistration: string | null;
  euSrn: string | null;
}

export interface ConsigneeStatus {
  code: string;
  name: string;
  shipped: number;
  returned: number;
  destroyed: number;
  corrected: number;
  onHand: number;
  lost: number;
  gap: number;
  answered: boolean;
  answeredAt: string | null;
  explained: string | null;
}
