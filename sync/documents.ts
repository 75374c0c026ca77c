import type { LotStatus } from '../domain/lots';
import type { ContainerLevel, PackLevel, PackagingSpec } from '../domain/packaging';
import type { OpStatus, OpType, PickLine, PickListRecallBreak, PickListStatus } from '../domain/ops';

export interface ItemDoc {
  id: string;
  gtin: string;
  sku: string;
  name: string;
  nameZh: string | null;
  uom: string;
  shelfLifeDays: number | null;
  nearExpiryDays: number[];
  serialized: boolean;
  active: boolean;
}

/** A printer as a handheld needs it: where print requests may go. */
export interface PrinterDoc {
  id: string;
  name: string;
  dpi: number;
  locationCode: string | null;
  state: string;
}

/** An approved label template version; drafts and retired versions are absent on devices. */
export interface TemplateDoc {
  id: string;
  name: string;
  version: number;
  kind: string;
}

export interface LocationDoc {
  id: string;
  code: string;
  name: string;
  kind: string;
  active: boolean;
}

export interface LotDoc {
  id: string;
  itemId: string;
  gtin: string;
  lotNumber: string;
  status: LotStatus;
  expiresOn: string | null;
  manufacturedOn: string | null;
  supplier: string | null;
  supplierLot: string | null;
  origin: 'received' | 'produced';
  /** The number of the open recall case that holds the lot, if one does: a return of it counts for that case. */
  recallCase?: string | null;
}

/**
 * An open recall case as a handheld needs it to take returns offline: whom the case shipped to.
 * Which lots it holds travels with each lot (LotDoc.recallCase). Drafts, drills and cases no
 * longer recovering arrive as deleted.
 */
export interface RecallCaseDoc {
  id: string;
  number: string;
  state: 'open' | 'recovering';
  consignees: { id: string; code: string; name: string }[];
  /** The lots this case made recalled when it opened. */
  heldLots: string[];
}

/**
 * A case or pallet as a handheld packs against it: its spec, where it sits, and what it holds
 * directly (child containers name it as their parent). Lot status and expiry of its units come
 * from the device's lots, so a hold reaches packed stock without the container changing.
 */
export interface ContainerDoc {
  id: string;
  sscc: string;
  spec: { name: string; level: ContainerLevel; childLevels: PackLevel[]; capacity: number; mix: PackagingSpec['mix'] };
  parent: string | null;
  version: number;
  shipped: boolean;
  units: { gtin: string; lotNumber: string; serial: string | null; qty: number }[];
  /** The version its last logistic label was drawn for, and the version a scan of it verified (null: none). */
  labelVersion?: number | null;
  labelVerifiedVersion?: number | null;
}

/**
 * A pallet or case an open ship notice says is on its way, by SSCC, with what it holds: a
 * handheld receives it by one scan, offline too. A received one stays, so a second scan is told
 * when; one its notice no longer names arrives as deleted.
 */
export interface InboundContainerDoc {
  id: string;
  sscc: string;
  notice: string;
  supplier: string;
  status: 'expected' | 'received';
  receivedAt: string | null;
  lines: { line: number; gtin: string; lotNumber: string; expiresOn: string | null; qty: number }[];
}

export interface BalanceDoc {
  /** `${lotId}:${locationId}` */
  id: string;
  lotId: string;
  locationId: string;
  qty: number;
}

/** A pick list with its progress: picked and remaining per line, counted on the server from booked picks. */
export interface PickListDoc {
  id: string;
  number: string;
  /** The customer's name, as the picker knows it. */
  customer: string | null;
  customerCode: string | null;
  /** The least remaining shelf life, in days, the customer accepts; 0 when the list has no such rule. */
  minShelfLifeDays: number;
  toLocationId: string;
  lines: PickLine[];
  status: PickListStatus;
  /** Lots a recall took off the list after they were picked, newest last. */
  recallBreaks: PickListRecallBreak[];
}

/**
 * One thing the server found about an op, as a code and parameters: the device says it in its
 * user's language. Codes are exception kinds, or `rejected` and `cancelled`.
 */
export interface OpProblem {
  code: string;
  params: Record<string, string | number | boolean | null>;
}

export interface OpOutcome {
  /** The same in English, for logs, the CLI and older apps. */
  message: string;
  exceptions?: string[];
  problems?: OpProblem[];
  /** The lot number a produce op's finished lot got on the server. */
  lotNumber?: string;
}

/** An op as it travels: the device owns the first group of fields, the server the outcome. */
export interface OpDoc {
  id: string;
  type: OpType;
  deviceId: string;
  userId: string;
  deviceTime: string;
  payload: Record<string, unknown>;
  status: OpStatus;
  outcome: OpOutcome | null;
  appliedAt: string | null;
}
