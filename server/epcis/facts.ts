import type { LedgerFact, LotLine } from '../../domain/epcis';
import type { Queryable } from '../db';

/**
 * The ledger's committed acts as facts for the EPCIS mapping (domain/epcis/map.ts), read from
 * what was booked, not from what a device asked: stock moves per op, genealogy links, shipment
 * lines, returns, printed labels, lot status changes (the outbox's lot.<status> events). Only
 * acts in [from, to) are read; reversed ops come back as reversals with their original act.
 */
export interface FactWindow {
  from: Date | null;
  to: Date | null;
}

type Row = Record<string, string | number | null>;
const str = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
const iso = (v: unknown) => new Date(v as string).toISOString();
const num = (v: unknown) => Number(v);

/** `$1` / `$2` bound to the window; a missing bound is open. */
const within = (column: string) => `($1::timestamptz IS NULL OR ${column} >= $1) AND ($2::timestamptz IS NULL OR ${column} < $2)`;

const LOT_COLUMNS = `i.gtin, l.lot_number, to_char(l.expires_on, 'YYYY-MM-DD') AS expires_on, i.uom`;

function lotLine(r: Row, qty: number | null): LotLine & { expiresOn: string | null } {
  return { gtin: String(r.gtin), lotNumber: String(r.lot_number), qty, uom: str(r.uom), serial: str(r.serial), expiresOn: str(r.expires_on) };
}

/** Receive, move and pick ops: one event per op, from its booked moves. */
async function opMoves(db: Queryable, window: FactWindow, opIds: readonly string[] | null): Promise<Map<string, LedgerFact>> {
  const filter = opIds ? 'o.id = ANY($1::uuid[])' : within('o.device_time');
  const rows = await db.query<Row>(
    `SELECT o.id AS op_id, o.type, o.device_time, ${LOT_COLUMNS}, m.serial, sum(m.qty)::text AS qty, f.code AS from_code, t.code AS to_code, l.supplier
       FROM stock_moves m JOIN ops o ON o.id = m.op_id JOIN lots l ON l.id = m.lot_id JOIN items i ON i.id = l.item_id
       LEFT JOIN locations f ON f.id = m.from_location_id LEFT JOIN locations t ON t.id = m.to_location_id
      WHERE m.reason IN ('op.receive', 'op.move', 'op.pick') AND ${filter}
      GROUP BY o.id, o.type, o.device_time, i.gtin, l.lot_number, l.expires_on, i.uom, m.serial, f.code, t.code, l.supplier
      ORDER BY o.id`,
    opIds ? [opIds] : [window.from, window.to],
  );
  const facts = new Map<string, LedgerFact>();
  for (const r of rows.rows) {
    const source = String(r.op_id);
    if (facts.has(source)) continue;
    const at = iso(r.device_time);
    const lot = lotLine(r, num(r.qty));
    if (r.type === 'receive') facts.set(source, { kind: 'receive', source, at, lot, locationCode: String(r.to_code), supplier: str(r.supplier) });
    else if (r.from_code && r.to_code) facts.set(source, { kind: r.type === 'pick' ? 'pick' : 'move', source, at, lot, fromCode: String(r.from_code), toCode: String(r.to_code) });
  }
  return facts;
}

/**
 * Pallets received by their SSCC: one fact per op, the lots from its booked moves (what the
 * ledger holds, one line per lot), the SSCC and its ship notice from the inbound record the op received.
 */
async function containerReceipts(db: Queryable, window: FactWindow, opIds: readonly string[] | null): Promise<Map<string, LedgerFact>> {
  const filter = opIds ? 'o.id = ANY($1::uuid[])' : within('o.device_time');
  const rows = await db.query<Row>(
    `SELECT o.id AS op_id, o.device_time, ic.sscc, po.number AS notice, ${LOT_COLUMNS}, m.serial, sum(m.qty)::text AS qty, t.code AS to_code, l.supplier
       FROM stock_moves m JOIN ops o ON o.id = m.op_id JOIN lots l ON l.id = m.lot_id JOIN items i ON i.id = l.item_id
       JOIN locations t ON t.id = m.to_location_id
       JOIN inbound_containers ic ON ic.received_op_id = o.id JOIN purchase_orders po ON po.id = ic.purchase_order_id
      WHERE m.reason = 'op.receive_container' AND ${filter}
      GROUP BY o.id, o.device_time, ic.sscc, po.number, i.gtin, l.lot_number, l.expires_on, i.uom, m.serial, t.code, l.supplier
      ORDER BY o.id, i.gtin, l.lot_number, m.serial`,
    opIds ? [opIds] : [window.from, window.to],
  );
  const facts = new Map<string, LedgerFact>();
  for (const r of rows.rows) {
    const source = String(r.op_id);
    const lot = lotLine(r, num(r.qty));
    const known = facts.get(source);
    if (known?.kind === 'receive_container') known.lines.push(lot);
    else facts.set(source, { kind: 'receive_container', source, at: iso(r.device_time), sscc: String(r.sscc), notice: str(r.notice), lines: [lot], locationCode: String(r.to_code), supplier: str(r.supplier) });
  }
  return facts;
}

/** Produce ops (and links booked without an op): inputs from the links, the output from its booked move. */
async function productions(db: Queryable, window: FactWindow, opIds: readonly string[] | null): Promise<Map<string, LedgerFact>> {
  const filter = opIds ? 'e.op_id = ANY($1::uuid[])' : within('COALESCE(o.device_time, e.at)');
  const rows = await db.query<Row & { inputs: { gtin: string; lot_number: string; uom: string; qty: string }[] | string; serials: string[] | null }>(
    `SELECT COALESCE(e.op_id, e.child_lot_id) AS source, min(COALESCE(o.device_time, e.at)) AS at, min(w.number) AS work_order,
            ci.gtin, cl.lot_number, to_char(cl.expires_on, 'YYYY-MM-DD') AS expires_on, ci.uom,
            (SELECT sum(m.qty)::text FROM stock_moves m WHERE m.op_id = e.op_id AND m.lot_id = e.child_lot_id AND m.to_location_id IS NOT NULL) AS qty,
            (SELECT min(loc.code) FROM stock_moves m JOIN locations loc ON loc.id = m.to_location_id WHERE m.op_id = e.op_id AND m.lot_id = e.child_lot_id) AS location_code,
            (SELECT array_agg(s.serial ORDER BY s.serial) FROM serials s WHERE s.lot_id = e.child_lot_id AND e.op_id IS NOT NULL) AS serials,
            json_agg(json_build_object('gtin', pi.gtin, 'lot_number', pl.lot_number, 'uom', pi.uom, 'qty', e.qty::text) ORDER BY e.id) AS inputs
       FROM genealogy_edges e
       JOIN lots cl ON cl.id = e.child_lot_id JOIN items ci ON ci.id = cl.item_id
       JOIN lots pl ON pl.id = e.parent_lot_id JOIN items pi ON pi.id = pl.item_id
       LEFT JOIN ops o ON o.id = e.op_id LEFT JOIN work_orders w ON w.id = e.work_order_id
      WHERE ${filter}
      GROUP BY COALESCE(e.op_id, e.child_lot_id), e.op_id, e.child_lot_id, ci.gtin, cl.lot_number, cl.expires_on, ci.uom`,
    opIds ? [opIds] : [window.from, window.to],
  );
  const facts = new Map<string, LedgerFact>();
  for (const r of rows.rows) {
    const inputs = typeof r.inputs === 'string' ? (JSON.parse(r.inputs) as { gtin: string; lot_number: string; uom: string; qty: string }[]) : r.inputs;
    const output = lotLine(r, r.qty === null ? null : num(r.qty));
    facts.set(String(r.source), {
      kind: 'produce',
      source: String(r.source),
      at: iso(r.at),
      workOrder: str(r.work_order),
      output,
      serials: (r.serials as string[] | null) ?? [],
      inputs: inputs.map((p) => ({ gtin: p.gtin, lotNumber: p.lot_number, uom: p.uom, qty: num(p.qty) })),
      locationCode: str(r.location_code),
    });
  }
  return facts;
}

async function shipments(db: Queryable, window: FactWindow, opIds: readonly string[] | null): Promise<Map<string, LedgerFact>> {
  const filter = opIds ? 's.op_id = ANY($1::uuid[])' : within('s.shipped_at');
  const rows = await db.query<Row>(
    `SELECT s.id, COALESCE(s.op_id, s.id) AS source, s.number, s.shipped_at, c.code AS customer_code, c.gln AS customer_gln,
            ${LOT_COLUMNS}, sl.serial, sl.qty::text AS qty, loc.code AS from_code
       FROM shipments s JOIN customers c ON c.id = s.customer_id JOIN shipment_lines sl ON sl.shipment_id = s.id
       JOIN lots l ON l.id = sl.lot_id JOIN items i ON i.id = l.item_id LEFT JOIN locations loc ON loc.id = sl.from_location_id
      WHERE ${filter} ORDER BY s.id, sl.id`,
    opIds ? [opIds] : [window.from, window.to],
  );
  const facts = new Map<string, LedgerFact>();
  for (const r of rows.rows) {
    const source = String(r.source);
    const known = facts.get(source);
    const line = { ...lotLine(r, num(r.qty)), fromCode: str(r.from_code) };
    if (known && known.kind === 'ship') known.lines.push(line);
    else facts.set(source, { kind: 'ship', source, at: iso(r.shipped_at), shipment: String(r.number), customer: { code: String(r.customer_code), gln: str(r.customer_gln) }, lines: [line] });
  }
  return facts;
}

async function returns(db: Queryable, window: FactWindow, opIds: readonly string[] | null): Promise<Map<string, LedgerFact>> {
  const filter = opIds ? 'r.op_id = ANY($1::uuid[])' : within('r.returned_at');
  const rows = await db.query<Row>(
    `SELECT COALESCE(r.op_id, r.id) AS source, r.returned_at, c.code AS customer_code, c.gln AS customer_gln, ${LOT_COLUMNS}, r.serial, r.qty::text AS qty, loc.code AS to_code
       FROM customer_returns r JOIN customers c ON c.id = r.customer_id JOIN lots l ON l.id = r.lot_id JOIN items i ON i.id = l.item_id JOIN locations loc ON loc.id = r.to_location_id
      WHERE ${filter}`,
    opIds ? [opIds] : [window.from, window.to],
  );
  return new Map(
    rows.rows.map((r) => [String(r.source), { kind: 'return', source: String(r.source), at: iso(r.returned_at), lot: lotLine(r, num(r.qty)), toCode: String(r.to_code), customer: { code: String(r.customer_code), gln: str(r.customer_gln) } } satisfies LedgerFact]),
  );
}

/** Counts as the operator counted them (the op's lines), at the location counted. */
async function counts(db: Queryable, window: FactWindow, opIds: readonly string[] | null): Promise<Map<string, LedgerFact>> {
  const filter = opIds ? 'o.id = ANY($1::uuid[])' : within('o.device_time');
  const rows = await db.query<{ id: string; device_time: Date; payload: { locationCode: string; lines: { gtin: string; lotNumber: string; countedQty: number }[] } | string }>(
    `SELECT o.id, o.device_time, o.payload FROM ops o WHERE o.type = 'count' AND o.status IN ('applied', 'exception') AND ${filter}`,
    opIds ? [opIds] : [window.from, window.to],
  );
  return new Map(
    rows.rows.map((r) => {
      const payload = typeof r.payload === 'string' ? (JSON.parse(r.payload) as Exclude<typeof r.payload, string>) : r.payload;
      const fact: LedgerFact = { kind: 'count', source: r.id, at: iso(r.device_time), locationCode: payload.locationCode, lines: payload.lines.map((l) => ({ gtin: l.gtin, lotNumber: l.lotNumber, qty: l.countedQty })) };
      return [r.id, fact];
    }),
  );
}

/**
 * A supervisor's adjustments (count variances, negative balances): one fact per exception
 * adjusted, the quantity found or lost where it was booked.
 */
async function adjustments(db: Queryable, window: FactWindow): Promise<LedgerFact[]> {
  const rows = await db.query<Row>(
    `SELECT e.id, min(m.at) AS at, ${LOT_COLUMNS}, m.serial, sum(m.qty)::text AS qty, loc.code AS location_code, (m.to_location_id IS NOT NULL) AS found
       FROM stock_moves m
       JOIN stock_exceptions e ON e.op_id = m.op_id AND e.lot_id = m.lot_id AND e.location_id = COALESCE(m.to_location_id, m.from_location_id) AND e.resolution = 'adjusted'
       JOIN lots l ON l.id = m.lot_id JOIN items i ON i.id = l.item_id JOIN locations loc ON loc.id = e.location_id
      WHERE m.reason = 'exception.adjust' AND ${within('m.at')}
      GROUP BY e.id, i.gtin, l.lot_number, l.expires_on, i.uom, m.serial, loc.code, (m.to_location_id IS NOT NULL)`,
    [window.from, window.to],
  );
  return rows.rows.map((r) => ({ kind: 'adjust', source: String(r.id), at: iso(r.at), lot: lotLine(r, num(r.qty)), locationCode: String(r.location_code), direction: r.found ? 'found' : 'lost' }));
}

async function prints(db: Queryable, window: FactWindow): Promise<LedgerFact[]> {
  const rows = await db.query<Row>(
    `SELECT j.id, COALESCE(j.printed_at, j.created_at) AS at, ${LOT_COLUMNS}, j.serial, j.copies
       FROM print_jobs j JOIN lots l ON l.id = j.lot_id JOIN items i ON i.id = l.item_id
      WHERE j.status = 'printed' AND ${within('COALESCE(j.printed_at, j.created_at)')}`,
    [window.from, window.to],
  );
  return rows.rows.map((r) => ({ kind: 'print', source: String(r.id), at: iso(r.at), lot: lotLine(r, num(r.copies)) }));
}

async function statusChanges(db: Queryable, window: FactWindow): Promise<LedgerFact[]> {
  const rows = await db.query<Row>(
    `SELECT d.event_id, d.occurred_at, d.payload->>'from' AS from_status, d.payload->>'to' AS to_status, i.gtin, l.lot_number
       FROM domain_events d JOIN lots l ON l.id = (d.payload->>'lotId')::uuid JOIN items i ON i.id = l.item_id
      WHERE d.aggregate_type = 'lot' AND d.event_type <> 'lot.created' AND ${within('d.occurred_at')}`,
    [window.from, window.to],
  );
  return rows.rows.map((r) => ({ kind: 'status', source: String(r.event_id), at: iso(r.occurred_at), lot: { gtin: String(r.gtin), lotNumber: String(r.lot_number) }, from: str(r.from_status), to: String(r.to_status) }));
}

/** Stock that entered the ledger without an op (opening balances, loads): commissioned where it landed. */
async function commissions(db: Queryable, window: FactWindow): Promise<LedgerFact[]> {
  const rows = await db.query<Row>(
    `SELECT md5('lotline-commission-' || min(m.id))::uuid AS source, min(m.at) AS at, ${LOT_COLUMNS}, NULL AS serial, sum(m.qty)::text AS qty, t.code AS to_code
       FROM stock_moves m JOIN lots l ON l.id = m.lot_id JOIN items i ON i.id = l.item_id JOIN locations t ON t.id = m.to_location_id
      WHERE m.op_id IS NULL AND m.from_location_id IS NULL AND m.reason NOT LIKE 'exception.%' AND ${within('m.at')}
      GROUP BY m.lot_id, i.gtin, l.lot_number, l.expires_on, i.uom, t.code, m.reason`,
    [window.from, window.to],
  );
  return rows.rows.map((r) => ({ kind: 'commission', source: String(r.source), at: iso(r.at), lot: lotLine(r, num(r.qty)), locationCode: String(r.to_code) }));
}

/**
 * Ops a supervisor reversed (exception resolution): their events stand declared in error. A
 * declaration carries its original's eventTime (EPCIS 2.0, 7.4.1.4), so it is windowed by that.
 */
async function reversals(db: Queryable, window: FactWindow): Promise<LedgerFact[]> {
  const rows = await db.query<{ op_id: string; at: Date }>(`SELECT m.op_id, min(m.at) AS at FROM stock_moves m WHERE m.reason = 'exception.reverse' AND m.op_id IS NOT NULL GROUP BY m.op_id`);
  if (rows.rows.length === 0) return [];
  const opIds = rows.rows.map((r) => r.op_id);
  const originals = await opFacts(db, { from: null, to: null }, opIds);
  return rows.rows.flatMap((r) => {
    const reversed = originals.get(r.op_id);
    const t = reversed ? Date.parse(reversed.at) : NaN;
    const inWindow = (!window.from || t >= window.from.getTime()) && (!window.to || t < window.to.getTime());
    return reversed && inWindow ? [{ kind: 'reversal' as const, source: r.op_id, at: iso(r.at), reversed }] : [];
  });
}

async function opFacts(db: Queryable, window: FactWindow, opIds: readonly string[] | null): Promise<Map<string, LedgerFact>> {
  const all = new Map<string, LedgerFact>();
  for (const part of await Promise.all([opMoves(db, window, opIds), containerReceipts(db, window, opIds), productions(db, window, opIds), shipments(db, window, opIds), returns(db, window, opIds), counts(db, window, opIds)])) {
    for (const [k, v] of part) all.set(k, v);
  }
  return all;
}

/** Every committed act in the window, as facts. */
export async function ledgerFacts(db: Queryable, window: FactWindow): Promise<LedgerFact[]> {
  const [ops, printed, changed, commissioned, reversed, adjusted] = await Promise.all([
    opFacts(db, window, null),
    prints(db, window),
    statusChanges(db, window),
    commissions(db, window),
    reversals(db, window),
    adjustments(db, window),
  ]);
  return [...ops.values(), ...printed, ...changed, ...commissioned, ...reversed, ...adjusted];
}
