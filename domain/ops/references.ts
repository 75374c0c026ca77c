import type { OpPayload } from './schemas';

/** Everything an op names, so the server can look it all up in a few set queries per batch. */
export interface OpReferences {
  gtins: Set<string>;
  locationCodes: Set<string>;
  /** `gtin|lotNumber` */
  lotKeys: Set<string>;
  customerCodes: Set<string>;
  workOrderNumbers: Set<string>;
  /** `gtin|serial` of serials an op declares new. */
  newSerials: Set<string>;
  pickListIds: Set<string>;
}

export function lotKey(gtin: string, lotNumber: string): string {
  return `${gtin}|${lotNumber}`;
}

export function collectReferences(ops: readonly OpPayload[]): OpReferences {
  const refs: OpReferences = { gtins: new Set(), locationCodes: new Set(), lotKeys: new Set(), customerCodes: new Set(), workOrderNumbers: new Set(), newSerials: new Set(), pickListIds: new Set() };
  const lot = (gtin: string, lotNumber: string | null | undefined) => {
    refs.gtins.add(gtin);
    if (lotNumber) refs.lotKeys.add(lotKey(gtin, lotNumber));
  };
  const lines = (ls: readonly { gtin: string; lotNumber: string; fromLocationCode: string }[]) => {
    for (const l of ls) {
      lot(l.gtin, l.lotNumber);
      refs.locationCodes.add(l.fromLocationCode);
    }
  };
  for (const op of ops) {
    switch (op.type) {
      case 'receive':
        lot(op.payload.gtin, op.payload.lotNumber);
        refs.locationCodes.add(op.payload.locationCode);
        break;
      case 'receive_container':
        refs.locationCodes.add(op.payload.locationCode);
        for (const l of op.payload.lines) lot(l.gtin, l.lotNumber);
        break;
      case 'move':
        lot(op.payload.gtin, op.payload.lotNumber);
        refs.locationCodes.add(op.payload.fromLocationCode);
        refs.locationCodes.add(op.payload.toLocationCode);
        break;
      case 'pick':
        lot(op.payload.gtin, op.payload.lotNumber);
        refs.locationCodes.add(op.payload.fromLocationCode);
        refs.locationCodes.add(op.payload.toLocationCode);
        if (op.payload.pickListId) refs.pickListIds.add(op.payload.pickListId);
        break;
      case 'count':
        refs.locationCodes.add(op.payload.locationCode);
        for (const l of op.payload.lines) lot(l.gtin, l.lotNumber);
        break;
      case 'produce':
        lot(op.payload.gtin, op.payload.lotNumber);
        refs.locationCodes.add(op.payload.locationCode);
        if (op.payload.workOrderNumber) refs.workOrderNumbers.add(op.payload.workOrderNumber);
        for (const s of op.payload.serials ?? []) refs.newSerials.add(`${op.payload.gtin}|${s}`);
        lines(op.payload.components);
        break;
      case 'ship':
        refs.customerCodes.add(op.payload.customerCode);
        lines(op.payload.lines);
        break;
      case 'print':
        if (op.payload.gtin) lot(op.payload.gtin, op.payload.lotNumber);
        break;
      case 'return':
        lot(op.payload.gtin, op.payload.lotNumber);
        refs.customerCodes.add(op.payload.customerCode);
        refs.locationCodes.add(op.payload.toLocationCode);
        break;
    }
  }
  return refs;
}
