import type { KnownLot, PlanContext, PlannedException } from './plan';

/** Exceptions that hold new quantity in quarantine until QC decides; the held quantity is their `qty`. */
export const QC_HOLD_KINDS = ['qc_required_new_quantity', 'dates_differ'] as const;
export type QcHoldKind = (typeof QC_HOLD_KINDS)[number];

export function isQcHold(kind: string): kind is QcHoldKind {
  return (QC_HOLD_KINDS as readonly string[]).includes(kind);
}

export interface NewQuantity {
  lot: KnownLot;
  qty: number;
  /** Where the device said the goods went. */
  locationId: string;
  locationCode: string;
  /** Dates the device gave for the goods; absent ones are taken to be the lot's. */
  expiresOn?: string | null | undefined;
  manufacturedOn?: string | null | undefined;
  /** Returns: the goods go to quarantine whatever their lot's state. */
  alwaysQuarantine: boolean;
}

/**
 * Where new quantity of an existing lot is booked. QC released the lot for what it had then;
 * quantity arriving later (a second receipt under the same number, more produced, a customer
 * return) or with other dates was never inspected, so it is booked into the quarantine
 * location (the one named, or the plant's) and an exception asks QC to decide. The ledger
 * keeps one balance per lot and location, so a separate place is the simplest way to keep the
 * held units apart from the released ones already on the shelf: devices see them in the cage,
 * and picks, shipments and consumption of the held quantity are flagged while the exception is
 * open (heldForQc). Without a quarantine location the goods are booked where the device said,
 * still held by the exception. Returns a move target: the location id the goods are booked at.
 */
export function bookNewQuantity(ctx: PlanContext, arriving: NewQuantity, exceptions: PlannedException[]): string {
  const { lot, qty, locationId, locationCode } = arriving;
  const differing = differingDates(lot, arriving);
  const needsQc = lot.status !== 'quarantine' || differing.length > 0;
  const cage = ctx.quarantineFor(locationId);
  if (!needsQc && (!arriving.alwaysQuarantine || cage?.id === locationId)) return locationId;
  const booked = cage ?? { id: locationId, code: locationCode };
  const kind: QcHoldKind = differing.length > 0 ? 'dates_differ' : 'qc_required_new_quantity';
  const why = differing.length > 0 ? `its ${differing.join(' and ')} differ from the lot's` : `lot is ${lot.status}`;
  exceptions.push({
    kind,
    lotId: lot.id,
    locationId: booked.id,
    details: {
      lotNumber: lot.lotNumber,
      status: lot.status,
      qty,
      locationCode: booked.code,
      requestedLocationId: locationId,
      requestedLocationCode: locationCode,
      differing: differing.join(','),
      expiresOn: arriving.expiresOn ?? null,
      recordedExpiresOn: lot.expiresOn,
      manufacturedOn: arriving.manufacturedOn ?? null,
      recordedManufacturedOn: lot.manufacturedOn ?? null,
      message: `${qty} of lot ${lot.lotNumber} booked at ${booked.code}${booked.id === locationId ? '' : ` instead of ${locationCode}`} until QC decides: ${why}`,
    },
  });
  return booked.id;
}

function differingDates(lot: KnownLot, arriving: NewQuantity): ('expiry' | 'manufacture date')[] {
  const differing: ('expiry' | 'manufacture date')[] = [];
  if (arriving.expiresOn != null && arriving.expiresOn !== lot.expiresOn) differing.push('expiry');
  if (arriving.manufacturedOn != null && arriving.manufacturedOn !== (lot.manufacturedOn ?? null)) differing.push('manufacture date');
  return differing;
}

/** Stock leaving a balance may not dip into quantity held for QC there. */
export function checkHeld(ctx: PlanContext, lot: KnownLot, locationId: string, qty: number, exceptions: PlannedException[]): void {
  const held = ctx.heldForQc(lot.id, locationId);
  if (held <= 0 || ctx.balance(lot.id, locationId) - qty >= held) return;
  exceptions.push({
    kind: 'lot_not_pickable',
    lotId: lot.id,
    locationId,
    details: { lotNumber: lot.lotNumber, status: lot.status, held, qty, refusal: 'held_for_qc', message: `lot ${lot.lotNumber}: ${held} held for QC was taken` },
  });
}
