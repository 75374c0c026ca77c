import { EpcError, decodeEpc } from '../../domain/epc';
import { tagHex } from '../../domain/labels';
import type { Queryable } from '../db';
import { AppError } from '../errors';
import type { VoidReason } from './rfid-reconcile';

/**
 * A scanned RFID tag, looked up like the unit barcode on the same label. `encoded`: a label
 * printed here wrote this EPC and its tag read it back, so the serial belongs to this tag;
 * `voided`: the serial was voided when its label's tag failed, so no tag legitimately carries
 * it; `other_tag`: the serial is bound to a tag with another EPC (a copy, or another filter
 * value); `uncertain`: a label was made for the serial but its read-back never came, so the
 * serial is held until someone reads the tag (this one, perhaps) and settles it;
 * `not_encoded`: no RFID label printed here carries the serial.
 */
export interface TagLookup {
  epc: string;
  scheme: 'sgtin-96' | 'sgtin-198';
  gtin: string;
  serial: string;
  standing: 'encoded' | 'voided' | 'other_tag' | 'uncertain' | 'not_encoded';
  voidedReason: VoidReason | null;
  lot: { id: string; lotNumber: string; status: string } | null;
  jobId: string | null;
}

export async function lookUpTag(db: Queryable, input: string): Promise<TagLookup> {
  let epc;
  try {
    epc = decodeEpc(input);
  } catch (error) {
    if (error instanceof EpcError) throw new AppError(400, 'bad_epc', `epc: ${error.message}`, { field: 'epc', epcError: error.code });
    throw error;
  }
  if (epc.scheme !== 'sgtin-96' && epc.scheme !== 'sgtin-198') {
    throw new AppError(422, 'not_a_unit_epc', `epc: an ${epc.scheme.toUpperCase()} names no unit with a serial; look it up by its GS1 key ${epc.elementString}.`, { field: 'epc', scheme: epc.scheme });
  }
  const serial = epc.serial!;
  const hex = tagHex(epc.hex);
  const found = await db.query<{ lot_id: string | null; lot_number: string | null; status: string | null; bound_epc: string | null; bound_job: string | null; voided_reason: TagLookup['voidedReason']; voided_job: string | null; held_job: string | null }>(
    `SELECT s.lot_id, l.lot_number, l.status,
            e.epc AS bound_epc, e.job_id AS bound_job, v.reason AS voided_reason, v.job_id AS voided_job, h.job_id AS held_job
       FROM items i JOIN serials s ON s.item_id = i.id AND s.serial = $2
       LEFT JOIN lots l ON l.id = s.lot_id
       LEFT JOIN rfid_encodings e ON e.item_id = i.id AND e.serial = s.serial AND e.outcome = 'encoded'
       LEFT JOIN voided_serials v ON v.item_id = i.id AND v.serial = s.serial
       LEFT JOIN rfid_uncertain_labels h ON h.item_id = i.id AND h.serial = s.serial
             AND NOT EXISTS (SELECT 1 FROM rfid_resolutions r WHERE r.item_id = h.item_id AND r.serial = h.serial)
      WHERE i.gtin = $1`,
    [epc.key.value, serial],
  );
  const row = found.rows[0];
  const lot = row?.lot_id ? { id: row.lot_id, lotNumber: row.lot_number!, status: row.status! } : null;
  const standing: TagLookup['standing'] = !row ? 'not_encoded' : row.voided_reason ? 'voided' : row.held_job ? 'uncertain' : row.bound_epc === null ? 'not_encoded' : row.bound_epc === hex ? 'encoded' : 'other_tag';
  return {
    epc: hex,
    scheme: epc.scheme,
    gtin: epc.key.value,
    serial,
    standing,
    voidedReason: row?.voided_reason ?? null,
    lot,
    jobId: row?.bound_job ?? row?.voided_job ?? row?.held_job ?? null,
  };
}
