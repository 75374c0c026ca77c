import type { PurchaseOrderRecord, RowProblem } from '../../domain/integration';
import type { Queryable } from '../db';

interface LiveSscc {
  sscc: string;
  status: 'expected' | 'received';
  notice_external_id: string;
  notice_number: string;
  received_at: string | null;
  lines: { line: number; item: string; qty: number; supplierLot: string | null; expiresOn: string | null }[];
}

const sameLines = (a: LiveSscc['lines'], b: LiveSscc['lines']) =>
  JSON.stringify(a.map((l) => [l.line, l.item, l.qty, l.supplierLot, l.expiresOn])) === JSON.stringify(b.map((l) => [l.line, l.item, l.qty, l.supplierLot, l.expiresOn]));

/**
 * Why each ship notice of a batch may not name its SSCCs, row by row: an SSCC names one
 * pallet for ever, so one already received, one of the plant's own containers, or one another
 * open notice expects is refused, and a pallet already received cannot be told to hold other
 * lines. Lines of items with a shelf life need their expiry: nothing else is scanned for them.
 */
export async function noticeSsccProblems(tx: Queryable, rows: readonly PurchaseOrderRecord[], shelfLifeByItem: ReadonlyMap<string, number | null>): Promise<RowProblem[][]> {
  const named = [...new Set(rows.flatMap((r) => r.lines.flatMap((l) => (l.sscc ? [l.sscc] : []))))];
  const problems: RowProblem[][] = rows.map(() => []);
  const live = await tx.query<LiveSscc>(
    `SELECT ic.sscc, ic.status, po.external_id AS notice_external_id, po.number AS notice_number, to_char(ic.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS received_at, ic.lines
       FROM inbound_containers ic JOIN purchase_orders po ON po.id = ic.purchase_order_id
      WHERE ic.status <> 'withdrawn' AND (ic.sscc = ANY($1::text[]) OR (ic.status = 'received' AND po.external_id = ANY($2::text[])))`,
    [named, rows.map((r) => r.externalId)],
  );
  const liveBySscc = new Map(live.rows.map((r) => [r.sscc, r]));
  const own = await tx.query<{ sscc: string }>(
    `SELECT sscc FROM sscc_issued WHERE sscc = ANY($1::text[])
     UNION SELECT sscc FROM containers WHERE sscc = ANY($1::text[]) AND origin = 'packed'`,
    [named],
  );
  const ownSsccs = new Set(own.rows.map((r) => r.sscc));
  const claimedBy = new Map<string, number>();
  rows.forEach((row, index) => {
    const mine = problems[index]!;
    const onThisNotice = new Map<string, LiveSscc['lines']>();
    row.lines.forEach((l, i) => {
      if (!l.sscc) return;
      const field = `lines.${i}.sscc`;
      if (row.kind !== 'ship_notice') {
        mine.push({ field, message: 'only a ship notice says which SSCC a line travels on', code: 'invalid' });
        return;
      }
      if (l.expiresOn === null && (shelfLifeByItem.get(l.item) ?? null) !== null) {
        mine.push({ field: `lines.${i}.expiresOn`, message: `is needed on a line with an SSCC: item ${l.item} has a shelf life and the pallet is received by its SSCC alone`, code: 'invalid' });
      }
      const lines = onThisNotice.get(l.sscc) ?? [];
      lines.push({ line: l.line, item: l.item, qty: l.qty, supplierLot: l.supplierLot, expiresOn: l.expiresOn });
      onThisNotice.set(l.sscc, lines);
      if (lines.length > 1) return;
      const earlier = claimedBy.get(l.sscc);
      if (earlier !== undefined && earlier !== index) {
        mine.push({ field, message: `SSCC ${l.sscc} is on row ${earlier} of this batch too: a pallet travels on one notice`, code: 'duplicate' });
        return;
      }
      claimedBy.set(l.sscc, index);
      if (ownSsccs.has(l.sscc)) {
        mine.push({ field, message: `SSCC ${l.sscc} is one of the plant's own containers`, code: 'conflict' });
        return;
      }
      const known = liveBySscc.get(l.sscc);
      if (!known || known.notice_external_id === row.externalId) return;
      if (known.status === 'received') mine.push({ field, message: `SSCC ${l.sscc} was received on ${known.received_at} on notice ${known.notice_number}`, code: 'conflict' });
      else mine.push({ field, message: `SSCC ${l.sscc} is expected on open notice ${known.notice_number}`, code: 'duplicate' });
    });
    // A received pallet is the plant's record now: its notice may be sent again, not rewritten.
    for (const known of live.rows) {
      if (known.status !== 'received' || known.notice_external_id !== row.externalId) continue;
      const sent = onThisNotice.get(known.sscc);
      if (sent && sameLines(sent, known.lines)) continue;
      const at = row.lines.findIndex((l) => l.sscc === known.sscc);
      mine.push({ field: at >= 0 ? `lines.${at}.sscc` : 'lines', message: `SSCC ${known.sscc} was received on ${known.received_at}: its lines cannot change`, code: 'conflict' });
    }
  });
  return problems;
}
