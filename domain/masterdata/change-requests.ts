import type { RecordChange } from '../udi';
import { diffRows, isRegulatedField, type RowData } from './diff';
import { REGULATED_FIELDS, type MasterDataKind } from './kinds';

/** The integration's record kinds that are master data under change control, by their table. */
const INBOUND_MASTER_DATA: Readonly<Record<string, MasterDataKind>> = { items: 'items', locations: 'locations', customers: 'customers', suppliers: 'suppliers' };

/** The master-data kind an integration route writes, when its changes can need QC's signature. */
export function heldKindOf(inboundKind: string): MasterDataKind | null {
  const kind = INBOUND_MASTER_DATA[inboundKind];
  return kind !== undefined && REGULATED_FIELDS[kind].length > 0 ? kind : null;
}

export type ChangeVerdict = { held: false } | { held: true; changes: RecordChange[]; regulatedFields: string[] };

/**
 * Whether a change the ERP sends to an existing record waits for QC: it does when it touches a
 * regulated field. The whole row waits, its other fields too: applying the free part at once
 * would write a version QC never saw next to one it signs later, and the proposed row QC reads
 * would no longer be what the ERP sent. Creating a record is no change and is never held.
 */
export function judgeInboundChange(kind: MasterDataKind, stored: RowData, proposed: RowData): ChangeVerdict {
  const changes = diffRows(stored, proposed);
  const regulatedFields = changes.filter((c) => isRegulatedField(kind, c.field)).map((c) => c.field);
  return regulatedFields.length === 0 ? { held: false } : { held: true, changes, regulatedFields };
}

/** The states of a change request; only a pending one can be decided. */
export const CHANGE_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];
