import { isValidSscc } from '../sscc';

/** One line of a supplier's ship notice packed on an SSCC: a quantity of one lot of one item. */
export interface InboundLine {
  line: number;
  gtin: string;
  lotNumber: string;
  expiresOn: string | null;
  qty: number;
}

/** A pallet or case a supplier's ship notice says is on its way, as a handheld knows it. */
export interface InboundContainer {
  sscc: string;
  notice: string;
  supplier: string;
  status: 'expected' | 'received';
  /** When it was received, for the clerk who scans it again. */
  receivedAt: string | null;
  lines: readonly InboundLine[];
}

/** What one SSCC holds, one row per lot: a mixed pallet's lines of one lot add up. */
export interface InboundLot {
  gtin: string;
  lotNumber: string;
  expiresOn: string | null;
  qty: number;
  /** The notice gave this lot more than one expiry: the clerk should look before receiving it. */
  datesDiffer: boolean;
}

export type InboundScan =
  | { verdict: 'expected'; container: InboundContainer; lots: InboundLot[] }
  | { verdict: 'not_expected'; code: 'sscc_not_expected'; sscc: string }
  | { verdict: 'received'; code: 'sscc_already_received'; sscc: string; receivedOn: string | null; notice: string }
  | { verdict: 'invalid'; code: 'sscc_invalid'; sscc: string };

// Quantities carry at most 3 decimals: added as thousandths, 0.1 + 0.2 stays 0.3.
const thousandths = (qty: number) => Math.round(qty * 1000);

/** The lots on an SSCC with their quantities, in the order the notice first names them. */
export function rollUpInbound(lines: readonly InboundLine[]): InboundLot[] {
  const byLot = new Map<string, { lot: InboundLot; total: number }>();
  for (const l of lines) {
    const key = `${l.gtin}|${l.lotNumber}`;
    const seen = byLot.get(key);
    if (!seen) {
      byLot.set(key, { lot: { gtin: l.gtin, lotNumber: l.lotNumber, expiresOn: l.expiresOn, qty: 0, datesDiffer: false }, total: thousandths(l.qty) });
      continue;
    }
    seen.total += thousandths(l.qty);
    if (seen.lot.expiresOn !== l.expiresOn) {
      seen.lot.datesDiffer = true;
      // The earlier date is the one that must not be missed.
      if (l.expiresOn !== null && (seen.lot.expiresOn === null || l.expiresOn < seen.lot.expiresOn)) seen.lot.expiresOn = l.expiresOn;
    }
  }
  return [...byLot.values()].map(({ lot, total }) => ({ ...lot, qty: total / 1000 }));
}

/**
 * What a scanned SSCC means at receiving, judged against the inbound containers the handheld
 * knows: expected on an open notice (its contents, ready to book), received already (and when),
 * or not expected at all. Pure, so the device and the server give the same answer.
 */
export function judgeInboundScan(sscc: string, known: InboundContainer | undefined): InboundScan {
  if (!isValidSscc(sscc)) return { verdict: 'invalid', code: 'sscc_invalid', sscc };
  if (!known || known.sscc !== sscc) return { verdict: 'not_expected', code: 'sscc_not_expected', sscc };
  if (known.status === 'received') return { verdict: 'received', code: 'sscc_already_received', sscc, receivedOn: known.receivedAt?.slice(0, 10) ?? null, notice: known.notice };
  return { verdict: 'expected', container: known, lots: rollUpInbound(known.lines) };
}

/** The lines of a receive_container op for an expected SSCC: one per lot, as the clerk saw them. */
export function receiptLines(lots: readonly InboundLot[]): { gtin: string; lotNumber: string; qty: number; expiresOn: string | null }[] {
  return lots.map((l) => ({ gtin: l.gtin, lotNumber: l.lotNumber, qty: l.qty, expiresOn: l.expiresOn }));
}
