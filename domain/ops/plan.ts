import { pickRefusal, shelfLifeShortfall, shipRefusal, type LotStatus } from '../lots';
import { matchRecallReturn, type ReturnCase, type ReturnMatch } from '../recall';
import { bookPick, type PickLine, type PickListStatus } from './pick-progress';
import { bookNewQuantity, checkHeld } from './qc-hold';
import type { OpPayload } from './schemas';

export type ExceptionKind =
  | 'negative_stock'
  | 'lot_not_pickable'
  | 'unknown_gtin'
  | 'unknown_lot'
  | 'unknown_location'
  | 'count_variance'
  | 'shelf_life_short'
  | 'unknown_customer'
  | 'unknown_work_order'
  | 'serial_reused'
  | 'over_pick'
  | 'unknown_pick_list'
  | 'qc_required_new_quantity'
  | 'dates_differ'
  | 'pack_conflict'
  | 'sscc_already_received';

export interface PlannedMove {
  lotId: string;
  fromLocationId: string | null;
  toLocationId: string | null;
  qty: number;
  serial: string | null;
}

export interface PlannedException {
  kind: ExceptionKind;
  lotId: string | null;
  locationId: string | null;
  details: Record<string, unknown>;
}

/** A component lot that went into a finished lot. */
export interface PlannedEdge {
  parentLotId: string;
  childLotId: string;
  qty: number;
  parentSerial: string | null;
  workOrderId: string | null;
}

export interface PlannedShipment {
  customerId: string;
  number: string | null;
  lines: { lotId: string; fromLocationId: string; qty: number; serial: string | null }[];
}

export interface PlannedReturn {
  customerId: string;
  lotId: string;
  toLocationId: string;
  qty: number;
  serial: string | null;
  reason: string | null;
}

/** A customer return that belongs to a recall case, matched to its scope or flagged. */
export interface PlannedRecallReturn extends ReturnMatch {
  lotId: string;
  customerId: string | null;
  customerCode: string;
  toLocationId: string;
  qty: number;
}

/** A pick counted against its pick list: the list's lines and status once it is booked. */
export interface PlannedPick {
  pickListId: string;
  gtin: string;
  lotId: string;
  qty: number;
  lines: PickLine[];
  status: PickListStatus;
}

export interface OpPlan {
  status: 'applied' | 'exception';
  moves: PlannedMove[];
  exceptions: PlannedException[];
  message: string;
  edges: PlannedEdge[];
  shipment: PlannedShipment | null;
  customerReturn: PlannedReturn | null;
  recallReturn: PlannedRecallReturn | null;
  /** Finished serials to register for the produced lot's item. */
  serials: { itemId: string; lotId: string; serial: string }[];
  pick: PlannedPick | null;
}

export interface KnownCustomer {
  id: string;
  minShelfLifeDays: number;
}

export interface KnownPickList {
  id: string;
  number: string;
  status: PickListStatus;
  /** The customer the goods go to, whose minimum shelf life every picked lot must keep. */
  customer: (KnownCustomer & { code: string }) | null;
  lines: readonly PickLine[];
}

export interface KnownWorkOrder {
  id: string;
  itemId: string;
  lotId: string | null;
}

export interface KnownLot {
  id: string;
  lotNumber: string;
  status: LotStatus;
  expiresOn: string | null;
  manufacturedOn?: string | null;
  /** The number of the open recall case that holds the lot, if one does. */
  recallCase?: string | null;
}

/** A lot an open recall holds was used anyway (the device had not heard yet): the exception names the case, for its owner. */
const recallOf = (lot: KnownLot) => (lot.recallCase ? { recallCase: lot.recallCase } : {});

/** What the planner may look up. Balances include the effect of ops planned before in the same batch. */
export interface PlanContext {
  today: string;
  itemId(gtin: string): string | undefined;
  locationId(code: string): string | undefined;
  lot(gtin: string, lotNumber: string): KnownLot | undefined;
  balance(lotId: string, locationId: string): number;
  /** Quantity of a lot at a location that QC has yet to decide on (open QC hold exceptions). */
  heldForQc(lotId: string, locationId: string): number;
  /** Where goods that need QC go instead of this location: itself when it is a quarantine location. */
  quarantineFor(locationId: string): { id: string; code: string } | undefined;
  /** Lots with a non-zero balance at a location. */
  lotsAt(locationId: string): { lotId: string; qty: number }[];
  customer(code: string): KnownCustomer | undefined;
  /** A pick list as picks planned before in the same batch left it. */
  pickList(id: string): KnownPickList | undefined;
  workOrder(number: string): KnownWorkOrder | undefined;
  /** Whether a serial of this GTIN was already made or received. */
  serialTaken(gtin: string, serial: string): boolean;
  /** A recall case by number: the one holding a lot, or the one a return names. */
  recallCase(number: string): ReturnCase | undefined;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function finish(moves: PlannedMove[], exceptions: PlannedException[], ok: string, facts: Partial<Pick<OpPlan, 'edges' | 'shipment' | 'customerReturn' | 'recallReturn' | 'serials' | 'pick'>> = {}): OpPlan {
  const plan = { moves, exceptions, edges: facts.edges ?? [], shipment: facts.shipment ?? null, customerReturn: facts.customerReturn ?? null, recallReturn: facts.recallReturn ?? null, serials: facts.serials ?? [], pick: facts.pick ?? null };
  if (exceptions.length === 0) return { status: 'applied', message: ok, ...plan };
  return { status: 'exception', message: exceptions.map((e) => String(e.details.message)).join('; '), ...plan };
}

function resolveCustomer(ctx: PlanContext, code: string, exceptions: PlannedException[]): KnownCustomer | undefined {
  const customer = ctx.customer(code);
  if (!customer) exceptions.push({ kind: 'unknown_customer', lotId: null, locationId: null, details: { customerCode: code, message: `customer ${code} is not known` } });
  return customer;
}

interface TakenLine {
  lot: KnownLot;
  locationId: string;
  qty: number;
  serial: string | null;
}

/** Stock lines leaving their locations (components consumed, goods shipped); unknown lots and places are flagged. */
function takeLines(ctx: PlanContext, lines: readonly { gtin: string; lotNumber: string; qty: number; fromLocationCode: string; serial?: string | null }[], exceptions: PlannedException[]): TakenLine[] {
  const taken: TakenLine[] = [];
  const pending = new Map<string, number>();
  for (const line of lines) {
    const lot = resolveLot(ctx, line.gtin, line.lotNumber, exceptions);
    const locationId = resolveLocation(ctx, line.fromLocationCode, exceptions);
    if (!lot || !locationId) continue;
    // Several lines of one op on the same balance are judged together.
    const key = `${lot.id}|${locationId}`;
    const already = pending.get(key) ?? 0;
    checkNegative(ctx, lot, locationId, line.fromLocationCode, already + line.qty, exceptions);
    checkHeld(ctx, lot, locationId, already + line.qty, exceptions);
    pending.set(key, already + line.qty);
    taken.push({ lot, locationId, qty: line.qty, serial: line.serial ?? null });
  }
  return taken;
}

function resolveLocation(ctx: PlanContext, code: string, exceptions: PlannedException[]): string | undefined {
  const id = ctx.locationId(code);
  if (!id) exceptions.push({ kind: 'unknown_location', lotId: null, locationId: null, details: { locationCode: code, message: `location ${code} is not known` } });
  return id;
}

function resolveLot(ctx: PlanContext, gtin: string, lotNumber: string, exceptions: PlannedException[]): KnownLot | undefined {
  const lot = ctx.lot(gtin, lotNumber);
  if (lot) return lot;
  if (!ctx.itemId(gtin)) exceptions.push({ kind: 'unknown_gtin', lotId: null, locationId: null, details: { gtin, lotNumber, message: `GTIN ${gtin} is not a known item` } });
  else exceptions.push({ kind: 'unknown_lot', lotId: null, locationId: null, details: { gtin, lotNumber, message: `lot ${lotNumber} of GTIN ${gtin} was never received` } });
  return undefined;
}

/** Stock leaving a location: the move happens; a balance that goes below zero is flagged, not refused. */
function checkNegative(ctx: PlanContext, lot: KnownLot, locationId: string, locationCode: string, qty: number, exceptions: PlannedException[]): void {
  const before = ctx.balance(lot.id, locationId);
  if (before - qty < 0) {
    exceptions.push({
      kind: 'negative_stock',
      lotId: lot.id,
      locationId,
      details: { lotNumber: lot.lotNumber, locationCode, before, qty, after: round(before - qty), message: `lot ${lot.lotNumber} at ${locationCode} goes to ${round(before - qty)}` },
    });
  }
}

/**
 * A pick against a pick list counts towards its lines whatever else is wrong with it: the goods
 * left the shelf. A lot too short-dated for the list's customer, and more than the list asks
 * for, are flagged for the supervisor.
 */
function planPickListPick(ctx: PlanContext, pickListId: string, gtin: string, qty: number, lot: KnownLot, fromLocationId: string, exceptions: PlannedException[]): PlannedPick | null {
  const list = ctx.pickList(pickListId);
  if (!list) {
    exceptions.push({ kind: 'unknown_pick_list', lotId: lot.id, locationId: fromLocationId, details: { pickListId, lotNumber: lot.lotNumber, qty, message: `pick list ${pickListId} is not known` } });
    return null;
  }
  const short = list.customer ? shelfLifeShortfall(lot, list.customer.minShelfLifeDays, ctx.today) : null;
  if (short && list.customer) {
    exceptions.push({
      kind: 'shelf_life_short',
      lotId: lot.id,
      locationId: fromLocationId,
      details: {
        lotNumber: lot.lotNumber,
        expiresOn: lot.expiresOn,
        pickListNumber: list.number,
        customerCode: list.customer.code,
        daysLeft: short.daysLeft,
        minShelfLifeDays: short.minShelfLifeDays,
        message: `lot ${lot.lotNumber} picked for ${list.customer.code} on ${list.number}: ${short.daysLeft} days of shelf life left; the customer accepts no less than ${short.minShelfLifeDays}`,
      },
    });
  }
  const booked = bookPick(list, gtin, qty);
  const over = booked.overPick;
  if (over) {
    const what = over.ordered === 0 ? (list.status === 'cancelled' ? `${list.number} is cancelled` : `${list.number} does not ask for GTIN ${gtin}`) : `${over.picked} picked of ${over.ordered} ordered`;
    exceptions.push({
      kind: 'over_pick',
      lotId: lot.id,
      locationId: fromLocationId,
      details: { pickListNumber: list.number, gtin, lotNumber: lot.lotNumber, ordered: over.ordered, picked: over.picked, over: over.over, message: `over-pick on ${list.number}: ${what}, ${over.over} too many` },
    });
  }
  return { pickListId: list.id, gtin, lotId: lot.id, qty, lines: booked.lines, status: booked.status };
}

/**
 * Decides what an op does to the ledger. Pure: the server applies the plan in one transaction.
 * An op reports what physically happened, so the plan applies it wherever it can and raises
 * exceptions for what does not square with the books, instead of refusing it.
 */
export function planOp(op: OpPayload, ctx: PlanContext): OpPlan {
  const plan = planFacts(op, ctx);
  // The operator was warned on the device and saved anyway: their reason goes with what it caused.
  const reason = 'overrideReason' in op.payload ? op.payload.overrideReason : null;
  if (reason) for (const e of plan.exceptions) e.details.deviceReason = reason;
  return plan;
}

interface Receipt {
  gtin: string;
  lotNumber: string;
  qty: number;
  locationCode: string;
  expiresOn?: string | null | undefined;
  manufacturedOn?: string | null | undefined;
  serial?: string | null | undefined;
}

function planReceipt(ctx: PlanContext, p: Receipt, exceptions: PlannedException[]): PlannedMove | null {
  const lot = ctx.lot(p.gtin, p.lotNumber);
  const locationId = resolveLocation(ctx, p.locationCode, exceptions);
  if (!ctx.itemId(p.gtin)) {
    exceptions.push({ kind: 'unknown_gtin', lotId: null, locationId: locationId ?? null, details: { gtin: p.gtin, lotNumber: p.lotNumber, qty: p.qty, message: `GTIN ${p.gtin} is not a known item: goods received are waiting for a supervisor` } });
  }
  if (!lot || !locationId) return null;
  const at = bookNewQuantity(ctx, { lot, qty: p.qty, locationId, locationCode: p.locationCode, expiresOn: p.expiresOn, manufacturedOn: p.manufacturedOn, alwaysQuarantine: false }, exceptions);
  return { lotId: lot.id, fromLocationId: null, toLocationId: at, qty: p.qty, serial: p.serial ?? null };
}

function planFacts(op: OpPayload, ctx: PlanContext): OpPlan {
  const exceptions: PlannedException[] = [];
  switch (op.type) {
    case 'receive': {
      const p = op.payload;
      const move = planReceipt(ctx, p, exceptions);
      return finish(move ? [move] : [], exceptions, move ? `received ${p.qty} of lot ${p.lotNumber} at ${p.locationCode}` : '');
    }
    case 'receive_container': {
      // Every line is a receipt of its own, judged as a receive op would be: QC holds, unknown items.
      const p = op.payload;
      const moves = p.lines.flatMap((l) => planReceipt(ctx, { ...l, locationCode: p.locationCode }, exceptions) ?? []);
      return finish(moves, exceptions, moves.length ? `received ${p.sscc}: ${moves.length} line(s) at ${p.locationCode}` : '');
    }
    case 'move':
    case 'pick': {
      const p = op.payload;
      const lot = resolveLot(ctx, p.gtin, p.lotNumber, exceptions);
      const from = resolveLocation(ctx, p.fromLocationCode, exceptions);
      const to = resolveLocation(ctx, p.toLocationCode, exceptions);
      if (!lot || !from || !to) return finish([], exceptions, '');
      let pick: PlannedPick | null = null;
      if (op.type === 'pick') {
        const refusal = pickRefusal(lot, ctx.today);
        if (refusal) {
          exceptions.push({ kind: 'lot_not_pickable', lotId: lot.id, locationId: from, details: { lotNumber: lot.lotNumber, status: lot.status, expiresOn: lot.expiresOn, refusal, ...recallOf(lot), message: `lot ${lot.lotNumber} was picked while ${refusal.replace('_', ' ')}` } });
        }
        const pickListId = op.payload.pickListId;
        if (pickListId) pick = planPickListPick(ctx, pickListId, p.gtin, p.qty, lot, from, exceptions);
      }
      checkNegative(ctx, lot, from, p.fromLocationCode, p.qty, exceptions);
      checkHeld(ctx, lot, from, p.qty, exceptions);
      const verb = op.type === 'pick' ? 'picked' : 'moved';
      return finish([{ lotId: lot.id, fromLocationId: from, toLocationId: to, qty: p.qty, serial: p.serial ?? null }], exceptions, `${verb} ${p.qty} of lot ${lot.lotNumber} from ${p.fromLocationCode} to ${p.toLocationCode}`, { pick });
    }
    case 'count': {
      const p = op.payload;
      const locationId = resolveLocation(ctx, p.locationCode, exceptions);
      if (!locationId) return finish([], exceptions, '');
      const counted = new Map<string, { qty: number; lotNumber: string }>();
      for (const line of p.lines) {
        const lot = resolveLot(ctx, line.gtin, line.lotNumber, exceptions);
        if (!lot) continue;
        const previous = counted.get(lot.id)?.qty ?? 0;
        counted.set(lot.id, { qty: previous + line.countedQty, lotNumber: lot.lotNumber });
      }
      const lotIds = new Set(counted.keys());
      if (p.complete) for (const held of ctx.lotsAt(locationId)) lotIds.add(held.lotId);
      for (const lotId of [...lotIds].sort()) {
        const expected = ctx.balance(lotId, locationId);
        const seen = counted.get(lotId)?.qty ?? 0;
        const variance = round(seen - expected);
        if (variance !== 0) {
          exceptions.push({
            kind: 'count_variance',
            lotId,
            locationId,
            details: { locationCode: p.locationCode, lotNumber: counted.get(lotId)?.lotNumber ?? null, expected, counted: seen, variance, message: `count at ${p.locationCode}: ${seen} counted, ${expected} expected` },
          });
        }
      }
      return finish([], exceptions, `counted ${p.locationCode}: no variance`);
    }
    case 'produce': {
      const p = op.payload;
      const workOrder = p.workOrderNumber ? ctx.workOrder(p.workOrderNumber) : undefined;
      if (p.workOrderNumber && !workOrder) {
        exceptions.push({ kind: 'unknown_work_order', lotId: null, locationId: null, details: { workOrderNumber: p.workOrderNumber, message: `work order ${p.workOrderNumber} is not known` } });
      }
      const components = takeLines(ctx, p.components, exceptions);
      for (const c of components) {
        // A component in quarantine, on hold, expired or recalled must not go into product.
        const refusal = pickRefusal(c.lot, ctx.today);
        if (refusal) exceptions.push({ kind: 'lot_not_pickable', lotId: c.lot.id, locationId: c.locationId, details: { lotNumber: c.lot.lotNumber, status: c.lot.status, refusal, ...recallOf(c.lot), message: `component lot ${c.lot.lotNumber} was consumed while ${refusal.replace('_', ' ')}` } });
      }
      const moves: PlannedMove[] = components.map((c) => ({ lotId: c.lot.id, fromLocationId: c.locationId, toLocationId: null, qty: c.qty, serial: c.serial }));
      const finished = p.lotNumber ? ctx.lot(p.gtin, p.lotNumber) : undefined;
      const itemId = ctx.itemId(p.gtin);
      const to = resolveLocation(ctx, p.locationCode, exceptions);
      if (!itemId) exceptions.push({ kind: 'unknown_gtin', lotId: null, locationId: null, details: { gtin: p.gtin, message: `finished GTIN ${p.gtin} is not a known item` } });
      if (!finished || !to || !itemId) return finish(moves, exceptions, '');
      const serials: OpPlan['serials'] = [];
      for (const serial of p.serials ?? []) {
        if (ctx.serialTaken(p.gtin, serial)) exceptions.push({ kind: 'serial_reused', lotId: finished.id, locationId: to, details: { gtin: p.gtin, serial, message: `serial ${serial} of GTIN ${p.gtin} already exists` } });
        else serials.push({ itemId, lotId: finished.id, serial });
      }
      const at = bookNewQuantity(ctx, { lot: finished, qty: p.qty, locationId: to, locationCode: p.locationCode, expiresOn: p.expiresOn, manufacturedOn: p.manufacturedOn, alwaysQuarantine: false }, exceptions);
      moves.push({ lotId: finished.id, fromLocationId: null, toLocationId: at, qty: p.qty, serial: null });
      const edges = components.map((c) => ({ parentLotId: c.lot.id, childLotId: finished.id, qty: c.qty, parentSerial: c.serial, workOrderId: workOrder?.id ?? null }));
      return finish(moves, exceptions, `produced ${p.qty} of lot ${finished.lotNumber} at ${p.locationCode} from ${components.length} component lot(s)`, { edges, serials });
    }
    case 'ship': {
      const p = op.payload;
      const customer = resolveCustomer(ctx, p.customerCode, exceptions);
      const lines = takeLines(ctx, p.lines, exceptions);
      for (const line of lines) {
        // Goods that left are a fact; a lot that should not have gone is flagged for the supervisor.
        const refusal = shipRefusal(line.lot, customer?.minShelfLifeDays ?? 0, ctx.today);
        if (refusal) {
          exceptions.push({
            kind: refusal.code === 'shelf_life_short' ? 'shelf_life_short' : 'lot_not_pickable',
            lotId: line.lot.id,
            locationId: line.locationId,
            details: {
              lotNumber: line.lot.lotNumber,
              customerCode: p.customerCode,
              refusal: refusal.code,
              ...recallOf(line.lot),
              ...shelfLifeShortfall(line.lot, customer?.minShelfLifeDays ?? 0, ctx.today),
              message: `lot ${line.lot.lotNumber} shipped to ${p.customerCode}: ${refusal.reason}`,
            },
          });
        }
      }
      const moves = lines.map((l) => ({ lotId: l.lot.id, fromLocationId: l.locationId, toLocationId: null, qty: l.qty, serial: l.serial }));
      const shipment = customer ? { customerId: customer.id, number: p.shipmentNumber ?? null, lines: lines.map((l) => ({ lotId: l.lot.id, fromLocationId: l.locationId, qty: l.qty, serial: l.serial })) } : null;
      return finish(moves, exceptions, `shipped ${lines.length} line(s) to ${p.customerCode}`, { shipment });
    }
    case 'print':
      // Labels touch no stock; the server's spool takes the request once the op is stored.
      return finish([], [], `print ${op.payload.quantity} label(s) on ${op.payload.printer}`);
    case 'print_sscc':
      return finish([], [], `print the logistic label of ${op.payload.sscc} on ${op.payload.printer}`);
    case 'label_verified':
      return finish([], [], `label of ${op.payload.sscc} verified for version ${op.payload.version}`);
    case 'pack':
    case 'unpack':
      // Packing moves no stock between locations; the server judges it against the containers it knows.
      return finish([], [], '');
    case 'return': {
      const p = op.payload;
      const customer = resolveCustomer(ctx, p.customerCode, exceptions);
      const lot = resolveLot(ctx, p.gtin, p.lotNumber, exceptions);
      const to = resolveLocation(ctx, p.toLocationCode, exceptions);
      if (!lot || !to) return finish([], exceptions, '');
      // Goods back from a customer were out of the plant's control: QC sees them before anyone picks them again.
      const at = bookNewQuantity(ctx, { lot, qty: p.qty, locationId: to, locationCode: p.toLocationCode, alwaysQuarantine: true }, exceptions);
      const customerReturn = customer ? { customerId: customer.id, lotId: lot.id, toLocationId: at, qty: p.qty, serial: p.serial ?? null, reason: p.reason ?? null } : null;
      // Recalled units coming back are counted for their case; ones that do not fit it are kept with the reason.
      const named = p.recallCase ?? null;
      const match = matchRecallReturn({ holder: lot.recallCase ? ctx.recallCase(lot.recallCase) : undefined, named, namedCase: named ? ctx.recallCase(named) : undefined, customerId: customer?.id ?? null });
      const recallReturn = match ? { ...match, lotId: lot.id, customerId: customer?.id ?? null, customerCode: p.customerCode, toLocationId: at, qty: p.qty } : null;
      const recallNote = match ? `; recall ${match.caseNumber ?? match.namedCase}: ${match.flag ? match.flag.replaceAll('_', ' ') : 'counted'}` : '';
      return finish([{ lotId: lot.id, fromLocationId: null, toLocationId: at, qty: p.qty, serial: p.serial ?? null }], exceptions, `returned ${p.qty} of lot ${lot.lotNumber} from ${p.customerCode} to ${p.toLocationCode}${recallNote}`, { customerReturn, recallReturn });
    }
  }
}
