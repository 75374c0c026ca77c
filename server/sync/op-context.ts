import { QC_HOLD_KINDS, collectReferences, isQcHold, lotKey, pickLine, type KnownCustomer, type KnownLot, type KnownPickList, type KnownWorkOrder, type OpPayload, type PickListStatus, type PlanContext, type PlannedException, type PlannedPick } from '../../domain/ops';
import type { RecallState, ReturnCase } from '../../domain/recall';
import { plantToday } from '../clock';
import type { Queryable } from '../db';
import { lockLotBalances, type Move } from '../ledger';
import { UUID_TEXT } from '../../domain/text';

export interface BatchContext extends PlanContext {
  /** Makes a planned op's effects visible to the ops planned after it in the same batch. */
  record(moves: readonly Move[], serials: readonly { itemId: string; serial: string }[], pick?: PlannedPick | null, exceptions?: readonly PlannedException[]): void;
  /** The pick lists the batch's picks changed, as they stand after the batch. */
  pickedLists(): KnownPickList[];
}

/** `gtin|value` keys as two parallel arrays, for a join on unnest that the unique indexes serve. */
function splitKeys(keys: ReadonlySet<string>): { gtins: string[]; values: string[] } {
  const gtins: string[] = [];
  const values: string[] = [];
  for (const key of keys) {
    const bar = key.indexOf('|');
    gtins.push(key.slice(0, bar));
    values.push(key.slice(bar + 1));
  }
  return { gtins, values };
}

interface LotRow {
  id: string;
  gtin: string;
  lot_number: string;
  status: KnownLot['status'];
  expires_on: string | null;
  manufactured_on: string | null;
  recall_case: string | null;
}

/** Items, locations, customers and work orders a batch names, read once for everything after. */
export interface MasterData {
  today: string;
  itemByGtin: ReadonlyMap<string, string>;
  gtinByItem: ReadonlyMap<string, string>;
  locationByCode: ReadonlyMap<string, string>;
  customerByCode: ReadonlyMap<string, KnownCustomer>;
  workOrderByNumber: ReadonlyMap<string, KnownWorkOrder & { lotNumber: string | null }>;
}

export async function readMasterData(tx: Queryable, ops: readonly OpPayload[]): Promise<MasterData> {
  const refs = collectReferences(ops);
  const items = await tx.query<{ id: string; gtin: string }>('SELECT id, gtin FROM items WHERE gtin = ANY($1::text[])', [[...refs.gtins]]);
  const locs = await tx.query<{ id: string; code: string }>('SELECT id, code FROM locations WHERE code = ANY($1::text[])', [[...refs.locationCodes]]);
  const customerByCode = new Map<string, KnownCustomer>();
  if (refs.customerCodes.size > 0) {
    const found = await tx.query<{ id: string; code: string; min_shelf_life_days: number }>('SELECT id, code, min_shelf_life_days FROM customers WHERE code = ANY($1::text[])', [[...refs.customerCodes]]);
    for (const r of found.rows) customerByCode.set(r.code, { id: r.id, minShelfLifeDays: r.min_shelf_life_days });
  }
  const workOrderByNumber = new Map<string, KnownWorkOrder & { lotNumber: string | null }>();
  if (refs.workOrderNumbers.size > 0) {
    const found = await tx.query<{ id: string; number: string; item_id: string; lot_id: string | null; lot_number: string | null }>(
      'SELECT w.id, w.number, w.item_id, w.lot_id, l.lot_number FROM work_orders w LEFT JOIN lots l ON l.id = w.lot_id WHERE w.number = ANY($1::text[])',
      [[...refs.workOrderNumbers]],
    );
    for (const r of found.rows) workOrderByNumber.set(r.number, { id: r.id, itemId: r.item_id, lotId: r.lot_id, lotNumber: r.lot_number });
  }
  return {
    today: plantToday(),
    itemByGtin: new Map(items.rows.map((r) => [r.gtin, r.id])),
    gtinByItem: new Map(items.rows.map((r) => [r.id, r.gtin])),
    locationByCode: new Map(locs.rows.map((r) => [r.code, r.id])),
    customerByCode,
    workOrderByNumber,
  };
}

/**
 * Everything a batch of ops needs to be planned, read with a handful of set queries once its
 * lots exist (createBatchLots), with the lots it touches locked so two batches judging the same
 * stock see each other's result. It only reads and locks.
 */
export async function loadBatchContext(tx: Queryable, ops: readonly OpPayload[], master: MasterData): Promise<BatchContext> {
  const { today, itemByGtin, gtinByItem, locationByCode, customerByCode, workOrderByNumber } = master;
  const refs = collectReferences(ops);

  // Looked up through the unique (gtin) and (item_id, lot_number) indexes: with a million lots a
  // filter on a concatenated key would read them all for every batch.
  const lotKeys = splitKeys(refs.lotKeys);
  const lotRows = await tx.query<LotRow>(
    `SELECT l.id, i.gtin, l.lot_number, l.status, to_char(l.expires_on, 'YYYY-MM-DD') AS expires_on,
            to_char(l.manufactured_on, 'YYYY-MM-DD') AS manufactured_on, rc.number AS recall_case
       FROM unnest($1::text[], $2::text[]) AS r(gtin, lot_number)
       JOIN items i ON i.gtin = r.gtin
       JOIN lots l ON l.item_id = i.id AND l.lot_number = r.lot_number
       LEFT JOIN recall_holds h ON h.lot_id = l.id
       LEFT JOIN recall_cases rc ON rc.id = h.case_id`,
    [lotKeys.gtins, lotKeys.values],
  );
  const lotByKey = new Map<string, KnownLot>(lotRows.rows.map((r) => [lotKey(r.gtin, r.lot_number), { id: r.id, lotNumber: r.lot_number, status: r.status, expiresOn: r.expires_on, manufacturedOn: r.manufactured_on, recallCase: r.recall_case }]));

  const recallCases = await readReturnCases(tx, [...lotRows.rows.flatMap((r) => (r.recall_case ? [r.recall_case] : [])), ...ops.flatMap((op) => (op.type === 'return' && op.payload.recallCase ? [op.payload.recallCase] : []))]);

  const takenSerials = new Set<string>();
  if (refs.newSerials.size > 0) {
    const serialKeys = splitKeys(refs.newSerials);
    const found = await tx.query<{ gtin: string; serial: string }>(
      `SELECT i.gtin, s.serial
         FROM unnest($1::text[], $2::text[]) AS r(gtin, serial)
         JOIN items i ON i.gtin = r.gtin
         JOIN serials s ON s.item_id = i.id AND s.serial = r.serial`,
      [serialKeys.gtins, serialKeys.values],
    );
    for (const r of found.rows) takenSerials.add(`${r.gtin}|${r.serial}`);
  }

  const countLocations = ops.flatMap((op) => (op.type === 'count' ? [locationByCode.get(op.payload.locationCode)].filter((id): id is string => Boolean(id)) : []));
  const lotIds = [...lotByKey.values()].map((l) => l.id);
  if (countLocations.length > 0) {
    const counted = await tx.query<{ lot_id: string }>('SELECT DISTINCT lot_id FROM stock_balances WHERE location_id = ANY($1::uuid[])', [countLocations]);
    lotIds.push(...counted.rows.map((r) => r.lot_id));
  }
  // Lots locked before their balances are read: two batches judging the same stock see each other's result.
  await lockLotBalances(tx, lotIds);
  const balanceRows = await tx.query<{ lot_id: string; location_id: string; qty: string }>(
    `SELECT lot_id, location_id, qty::text AS qty FROM stock_balances
      WHERE (lot_id = ANY($1::uuid[]) AND location_id = ANY($2::uuid[])) OR location_id = ANY($3::uuid[])`,
    [[...lotByKey.values()].map((l) => l.id), [...locationByCode.values()], countLocations],
  );
  const balance = new Map(balanceRows.rows.map((r) => [`${r.lot_id}|${r.location_id}`, Number(r.qty)]));
  // Read under the lots' balance locks: the holds are raised by writers that take them too.
  const heldRows = await tx.query<{ lot_id: string; location_id: string; qty: string }>(
    `SELECT lot_id, location_id, sum((details->>'qty')::numeric)::text AS qty FROM stock_exceptions
      WHERE status = 'open' AND kind = ANY($2::text[]) AND lot_id = ANY($1::uuid[]) AND location_id IS NOT NULL
      GROUP BY lot_id, location_id`,
    [[...lotByKey.values()].map((l) => l.id), QC_HOLD_KINDS],
  );
  const held = new Map(heldRows.rows.map((r) => [`${r.lot_id}|${r.location_id}`, Number(r.qty)]));
  const cages = await tx.query<{ id: string; code: string }>(`SELECT id, code FROM locations WHERE kind = 'quarantine' AND active ORDER BY code`);
  const pickLists = await lockPickLists(tx, refs.pickListIds);
  const pickedListIds = new Set<string>();
  const add = (lotId: string, locationId: string, delta: number) => {
    const key = `${lotId}|${locationId}`;
    balance.set(key, Math.round(((balance.get(key) ?? 0) + delta) * 1000) / 1000);
  };

  return {
    today,
    itemId: (gtin) => itemByGtin.get(gtin),
    locationId: (code) => locationByCode.get(code),
    lot: (gtin, lotNumber) => lotByKey.get(lotKey(gtin, lotNumber)),
    balance: (lotId, locationId) => balance.get(`${lotId}|${locationId}`) ?? 0,
    heldForQc: (lotId, locationId) => held.get(`${lotId}|${locationId}`) ?? 0,
    // The plant has no sites yet: the named location when it is a quarantine one, else the first quarantine location.
    quarantineFor: (locationId) => cages.rows.find((c) => c.id === locationId) ?? cages.rows[0],
    lotsAt: (locationId) =>
      [...balance.entries()].filter(([k, qty]) => k.endsWith(`|${locationId}`) && qty !== 0).map(([k, qty]) => ({ lotId: k.slice(0, k.indexOf('|')), qty })),
    customer: (code) => customerByCode.get(code),
    pickList: (id) => pickLists.get(id),
    workOrder: (number) => workOrderByNumber.get(number),
    serialTaken: (gtin, serial) => takenSerials.has(`${gtin}|${serial}`),
    recallCase: (number) => recallCases.get(number),
    record(moves, serials, pick, exceptions = []) {
      for (const e of exceptions) {
        if (!isQcHold(e.kind) || !e.lotId || !e.locationId) continue;
        const key = `${e.lotId}|${e.locationId}`;
        held.set(key, (held.get(key) ?? 0) + Number(e.details.qty));
      }
      for (const m of moves) {
        if (m.fromLocationId) add(m.lotId, m.fromLocationId, -m.qty);
        if (m.toLocationId) add(m.lotId, m.toLocationId, m.qty);
      }
      for (const s of serials) {
        const gtin = gtinByItem.get(s.itemId);
        if (gtin) takenSerials.add(`${gtin}|${s.serial}`);
      }
      const list = pick ? pickLists.get(pick.pickListId) : undefined;
      if (pick && list) {
        pickLists.set(list.id, { ...list, lines: pick.lines, status: pick.status });
        pickedListIds.add(list.id);
      }
    },
    pickedLists: () => [...pickedListIds].map((id) => pickLists.get(id)!),
  };
}

/** The recall cases a batch's returns may belong to, with the consignees each froze. */
async function readReturnCases(tx: Queryable, numbers: readonly string[]): Promise<Map<string, ReturnCase>> {
  const cases = new Map<string, ReturnCase>();
  const wanted = [...new Set(numbers)];
  if (wanted.length === 0) return cases;
  const found = await tx.query<{ id: string; number: string; state: RecallState; drill: boolean; consignees: string[] }>(
    `SELECT c.id, c.number, c.state, c.drill, COALESCE(array_agg(f.customer_id) FILTER (WHERE f.customer_id IS NOT NULL), '{}') AS consignees
       FROM recall_cases c LEFT JOIN recall_case_consignees f ON f.case_id = c.id
      WHERE c.number = ANY($1::text[]) GROUP BY c.id`,
    [wanted],
  );
  for (const r of found.rows) cases.set(r.number, { id: r.id, number: r.number, state: r.state, drill: r.drill, consignees: new Set(r.consignees) });
  return cases;
}

/**
 * The pick lists a batch picks against, locked for the rest of the transaction so two devices
 * picking the same list add up: taken after the lots' balance locks, in id order, the same way
 * by every writer, so they queue instead of deadlocking.
 */
async function lockPickLists(tx: Queryable, ids: ReadonlySet<string>): Promise<Map<string, KnownPickList>> {
  const wanted = [...ids].filter((id) => UUID_TEXT.test(id)).sort();
  const lists = new Map<string, KnownPickList>();
  if (wanted.length === 0) return lists;
  const rows = await tx.query<{ id: string; number: string; status: PickListStatus; lines: { gtin: string; qty: number; pickedQty?: number }[]; customer_id: string | null; code: string | null; min_shelf_life_days: number | null }>(
    `SELECT p.id, p.number, p.status, p.lines, c.id AS customer_id, c.code, c.min_shelf_life_days
       FROM pick_lists p LEFT JOIN customers c ON c.id = p.customer_id
      WHERE p.id = ANY($1::uuid[]) AND NOT p.deleted
      ORDER BY p.id FOR UPDATE OF p`,
    [wanted],
  );
  for (const r of rows.rows) {
    const customer = r.customer_id && r.code !== null ? { id: r.customer_id, code: r.code, minShelfLifeDays: r.min_shelf_life_days ?? 0 } : null;
    lists.set(r.id, { id: r.id, number: r.number, status: r.status, customer, lines: r.lines.map((l) => pickLine({ gtin: l.gtin, qty: Number(l.qty), pickedQty: Number(l.pickedQty ?? 0) })) });
  }
  return lists;
}
