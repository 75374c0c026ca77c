import type { LotDoc } from '../../../sync';

/** A server's lots as the sync API serves them: ordered by (transaction id, id), paged by checkpoint. */
export class FakeServer {
  rows: { xid: number; doc: LotDoc & { _deleted: boolean } }[] = [];
  private xid = 100;
  requests: string[] = [];
  /** An older transaction still open: rows from this xid on are withheld and reported held back. */
  holdFrom = Number.POSITIVE_INFINITY;

  write(doc: LotDoc, deleted = false): void {
    this.rows = this.rows.filter((r) => r.doc.id !== doc.id);
    this.rows.push({ xid: ++this.xid, doc: { ...doc, _deleted: deleted } });
  }

  fetch = async (url: string): Promise<Response> => {
    this.requests.push(url);
    const query = new URL(url, 'http://lotline.test').searchParams;
    const limit = Number(query.get('limit'));
    const after = query.has('xid') ? { xid: Number(query.get('xid')), id: query.get('id')! } : null;
    const page = [...this.rows]
      .sort((a, b) => a.xid - b.xid || a.doc.id.localeCompare(b.doc.id))
      .filter((r) => !after || r.xid > after.xid || (r.xid === after.xid && r.doc.id > after.id));
    const served = page.filter((r) => r.xid < this.holdFrom).slice(0, limit);
    const heldBack = page.some((r) => r.xid >= this.holdFrom);
    const last = served.at(-1);
    const body = {
      documents: served.map((r) => r.doc),
      checkpoint: last ? { xid: String(last.xid), id: last.doc.id } : after ? { xid: String(after.xid), id: after.id } : null,
      ...(heldBack ? { heldBack } : {}),
    };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

export const lot = (n: number, status: LotDoc['status'] = 'released'): LotDoc => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  itemId: 'item-1',
  gtin: '06901234000016',
  lotNumber: `L${n}`,
  status,
  expiresOn: '2029-01-01',
  manufacturedOn: null,
  supplier: null,
  supplierLot: null,
  origin: 'received',
});

