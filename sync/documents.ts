import type { LotStatus } from '../domain/lots';
import type { OpStatus, OpType } from '../domain/ops';

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
}

export interface BalanceDoc {
  /** `${lotId}:${locationId}` */
  id: string;
  lotId: string;
  locationId: string;
  qty: number;
}

export interface PickListDoc {
  id: string;
  number: string;
  customer: string | null;
  toLocationId: string;
  lines: { gtin: string; qty: number; pickedQty: number }[];
  status: 'open' | 'picking' | 'done' | 'cancelled';
}

export interface OpOutcome {
  message: string;
  exceptions?: string[];
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
