import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stagedPicks } from '../ops/staged-picks';
import { lotBalance, scopeBalance, type LotBooks } from './mass-balance';

/*
 * A small plant run from generated commands, booked the way the server books ops: every quantity
 * change is a ledger move with its reason and a balance, and shipments, returns and genealogy
 * go to their own tables; picks onto a pick list move goods to its destination and are counted
 * on the list, unpicks take them back, and a list can be cancelled. The books handed to the mass balance are then read back from those
 * tables, as the scope query does.
 */

interface Move {
  lotId: string;
  from: string | null;
  to: string | null;
  qty: number;
  reason: string;
}

interface Plant {
  lots: { id: string; status: string }[];
  moves: Move[];
  balances: Map<string, number>;
  shipmentLines: { lotId: string; customerId: string; qty: number }[];
  returns: { lotId: string; customerId: string; qty: number }[];
  edges: { parentLotId: string; childLotId: string; qty: number }[];
  /** In the order they were made; every list stages at SHIP. */
  lists: { id: string; cancelled: boolean }[];
  picks: { listId: string; lotId: string; kind: 'pick' | 'reversal'; qty: number }[];
}

const LOCATIONS: Record<string, string> = { RCV: 'receiving', STORE: 'storage', SHIP: 'shipping', SCRAP: 'scrap' };
const CUSTOMERS = ['C1', 'C2', 'C3'];
const milli = (m: number) => m / 1000;

type Command = [kind: number, a: number, b: number, c: number, qtyMilli: number];

function run(commands: readonly Command[]): Plant {
  const plant: Plant = { lots: [], moves: [], balances: new Map(), shipmentLines: [], returns: [], edges: [], lists: [], picks: [] };
  const locs = Object.keys(LOCATIONS);
  const balance = (lotId: string, loc: string) => plant.balances.get(`${lotId}|${loc}`) ?? 0;
  const post = (m: Move) => {
    plant.moves.push(m);
    const add = (loc: string, d: number) => plant.balances.set(`${m.lotId}|${loc}`, Math.round((balance(m.lotId, loc) + d) * 1000) / 1000);
    if (m.from) add(m.from, -m.qty);
    if (m.to) add(m.to, m.qty);
  };
  /** A lot and a location where it has stock, picked by the command's numbers. */
  const stocked = (a: number, b: number) => {
    const held = [...plant.balances.entries()].filter(([, q]) => q > 0);
    if (held.length === 0) return null;
    const [key, qty] = held[(a + b) % held.length]!;
    const [lotId, loc] = key.split('|') as [string, string];
    return { lotId, loc, qty };
  };
  const newLot = (status = 'released') => {
    const id = `L${plant.lots.length}`;
    plant.lots.push({ id, status });
    return id;
  };
  for (const [kind, a, b, c, q] of commands) {
    const qty = milli(q);
    switch (kind % 9) {
      case 0: // receive
        post({ lotId: newLot(), from: null, to: locs[a % 2]!, qty, reason: 'op.receive' });
        break;
      case 1: {
        // produce from up to three stocked lots
        const child = newLot('quarantine');
        let made = false;
        for (let p = 0; p < 1 + (c % 3); p++) {
          const s = stocked(a + p * 7, b);
          if (!s || s.lotId === child) continue;
          const take = Math.min(s.qty, qty);
          post({ lotId: s.lotId, from: s.loc, to: null, qty: take, reason: 'op.produce' });
          plant.edges.push({ parentLotId: s.lotId, childLotId: child, qty: take });
          made = true;
        }
        if (made) post({ lotId: child, from: null, to: 'STORE', qty: milli(q + 17), reason: 'op.produce' });
        else plant.lots.pop();
        break;
      }
      case 2: {
        const s = stocked(a, b);
        if (!s || s.loc === 'SCRAP') break;
        const take = Math.min(s.qty, qty);
        post({ lotId: s.lotId, from: s.loc, to: null, qty: take, reason: 'op.ship' });
        plant.shipmentLines.push({ lotId: s.lotId, customerId: CUSTOMERS[c % 3]!, qty: take });
        break;
      }
      case 3: {
        // a return of part of what one consignee holds of a lot
        const line = plant.shipmentLines[a % Math.max(1, plant.shipmentLines.length)];
        if (!line) break;
        const back = Math.min(line.qty, qty);
        post({ lotId: line.lotId, from: null, to: 'RCV', qty: back, reason: 'op.return' });
        plant.returns.push({ lotId: line.lotId, customerId: line.customerId, qty: back });
        break;
      }
      case 4: {
        const s = stocked(a, b);
        if (s) post({ lotId: s.lotId, from: s.loc, to: locs[c % locs.length]!, qty: Math.min(s.qty, qty), reason: 'op.move' });
        break;
      }
      case 5: {
        // a supervisor's correction, either way
        const s = stocked(a, b);
        if (s) post(c % 2 === 0 ? { lotId: s.lotId, from: s.loc, to: null, qty: Math.min(s.qty, qty), reason: 'exception.adjust' } : { lotId: s.lotId, from: null, to: s.loc, qty, reason: 'exception.adjust' });
        break;
      }
      case 6: {
        const lot = plant.lots[a % Math.max(1, plant.lots.length)];
        if (lot) lot.status = 'scrapped';
        break;
      }
      case 7: {
        // a pick onto one of the lists, a new one now and then
        const s = stocked(a, b);
        if (!s || s.loc === 'SHIP' || s.loc === 'SCRAP') break;
        if (plant.lists.length === 0 || c % 4 === 0) plant.lists.push({ id: `P${plant.lists.length}`, cancelled: false });
        const list = plant.lists[c % plant.lists.length]!;
        const take = Math.min(s.qty, qty);
        post({ lotId: s.lotId, from: s.loc, to: 'SHIP', qty: take, reason: 'op.pick' });
        plant.picks.push({ listId: list.id, lotId: s.lotId, kind: 'pick', qty: take });
        break;
      }
      case 8: {
        // an unpick of part of a pick, back to storage, or a list cancelled with its goods left where they are
        const pick = plant.picks[a % Math.max(1, plant.picks.length)];
        if (!pick) break;
        if (c % 3 === 0) {
          plant.lists.find((l) => l.id === pick.listId)!.cancelled = true;
          break;
        }
        const back = Math.min(pick.qty, qty, balance(pick.lotId, 'SHIP'));
        if (back <= 0) break;
        post({ lotId: pick.lotId, from: 'SHIP', to: 'STORE', qty: back, reason: 'op.unpick' });
        plant.picks.push({ listId: pick.listId, lotId: pick.lotId, kind: 'reversal', qty: back });
        break;
      }
    }
  }
  return plant;
}

/** Net picks per list and lot on lists not cancelled, newest list first, with the lot's balance at SHIP: countedPicksSql's rows. */
function countedPicks(plant: Plant) {
  const net = new Map<string, number>();
  for (const k of plant.picks) net.set(`${k.listId}|${k.lotId}`, (net.get(`${k.listId}|${k.lotId}`) ?? 0) + (k.kind === 'pick' ? 1 : -1) * Math.round(k.qty * 1000));
  return [...plant.lists]
    .reverse()
    .filter((l) => !l.cancelled)
    .flatMap((l) =>
      plant.lots
        .map(({ id }) => ({ listId: l.id, lotId: id, destinationId: 'SHIP', counted: (net.get(`${l.id}|${id}`) ?? 0) / 1000, atDestination: plant.balances.get(`${id}|SHIP`) ?? 0 }))
        .filter((r) => r.counted > 0 && r.atDestination > 0),
    );
}

/** The books of every lot, read from the plant's tables the way the scope query reads them. */
function booksOf(plant: Plant): LotBooks[] {
  const staged = stagedPicks(countedPicks(plant));
  return plant.lots.map(({ id, status }) => {
    const moves = plant.moves.filter((m) => m.lotId === id);
    const into = (m: Move) => m.from === null && m.reason !== 'op.return' && !m.reason.startsWith('exception.');
    const correctedOut = moves.filter((m) => m.to === null && m.reason.startsWith('exception.')).reduce((s, m) => s + m.qty, 0);
    const correctedIn = moves.filter((m) => m.from === null && m.reason.startsWith('exception.')).reduce((s, m) => s + m.qty, 0);
    return {
      lotId: id,
      status,
      broughtIn: moves.filter(into).reduce((s, m) => s + m.qty, 0),
      stock: [...plant.balances.entries()].filter(([k, q]) => k.startsWith(`${id}|`) && q !== 0).map(([k, qty]) => ({ locationId: k.split('|')[1]!, locationKind: LOCATIONS[k.split('|')[1]!]!, qty })),
      picked: staged.filter((p) => p.row.lotId === id).map((p) => ({ locationId: p.row.destinationId, qty: p.qty })),
      shipped: plant.shipmentLines.filter((l) => l.lotId === id),
      returned: plant.returns.filter((r) => r.lotId === id),
      consumed: plant.edges.filter((e) => e.parentLotId === id).map((e) => ({ childLotId: e.childLotId, qty: e.qty })),
      corrected: correctedOut - correctedIn,
    };
  });
}

const command = fc.tuple(fc.nat(60), fc.nat(1000), fc.nat(1000), fc.nat(1000), fc.integer({ min: 1, max: 50_000 }));
const runs = { seed: 20260712, numRuns: 300 } as const;

describe('mass balance on generated plants', () => {
  it('accounts for 100.0 % of every lot that was booked in, whatever happened to it', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 60 }), (commands) => {
        const balance = scopeBalance(booksOf(run(commands)));
        expect(balance.unbalancedLots).toEqual([]);
        expect(balance.balanced).toBe(true);
        for (const lot of balance.lots) if (lot.broughtIn > 0) expect(lot.percent).toBe(100);
        expect(balance.unaccounted).toBe(0);
      }),
      runs,
    );
  });

  it('counts as picked only what lists still count and still stands at their destination, and the rest of the stock as free', () => {
    let sawPicked = false;
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 80 }), (commands) => {
        const plant = run(commands);
        const net = new Map<string, number>();
        for (const k of plant.picks) if (!plant.lists.find((l) => l.id === k.listId)!.cancelled) net.set(k.lotId, (net.get(k.lotId) ?? 0) + (k.kind === 'pick' ? 1 : -1) * Math.round(k.qty * 1000));
        for (const lot of scopeBalance(booksOf(plant)).lots) {
          const status = plant.lots.find((l) => l.id === lot.lotId)!.status;
          const atShip = Math.round((plant.balances.get(`${lot.lotId}|SHIP`) ?? 0) * 1000);
          const picked = Math.round(lot.picked * 1000);
          expect(picked).toBeLessThanOrEqual(status === 'scrapped' ? 0 : Math.min(atShip, Math.max(0, net.get(lot.lotId) ?? 0)));
          const standing = [...plant.balances.entries()].filter(([k]) => k.startsWith(`${lot.lotId}|`) && !k.endsWith('|SCRAP')).reduce((s, [, q]) => s + Math.round(q * 1000), 0);
          if (status !== 'scrapped') expect(Math.round(lot.inStock * 1000) + picked).toBe(standing);
          if (picked > 0) sawPicked = true;
        }
      }),
      runs,
    );
    expect(sawPicked).toBe(true);
  });

  it('names the lot and the quantity when a shipment line or a genealogy link is missing from the scope', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 60 }), fc.nat(), fc.boolean(), (commands, pick, dropEdge) => {
        const plant = run(commands);
        const rows: { lotId: string; qty: number }[] = dropEdge ? plant.edges.map((e) => ({ lotId: e.parentLotId, qty: e.qty })) : plant.shipmentLines;
        fc.pre(rows.length > 0);
        const i = pick % rows.length;
        const dropped = rows[i]!;
        if (dropEdge) plant.edges.splice(i, 1);
        else plant.shipmentLines.splice(i, 1);
        const balance = scopeBalance(booksOf(plant));
        expect(balance.balanced).toBe(false);
        expect(balance.unbalancedLots).toEqual([dropped.lotId]);
        expect(balance.lots.find((l) => l.lotId === dropped.lotId)!.unaccounted).toBeCloseTo(dropped.qty, 3);
      }),
      runs,
    );
  });
});

describe('one lot', () => {
  it.each([
    // [case, books, in stock, scrapped, at consignees, consumed, percent]
    ['all in stock', { broughtIn: 10, stock: [{ locationId: 'S', locationKind: 'storage', qty: 10 }] }, 10, 0, 0, 0, 100],
    ['scrap location', { broughtIn: 10, stock: [{ locationId: 'X', locationKind: 'scrap', qty: 4 }, { locationId: 'S', locationKind: 'storage', qty: 6 }] }, 6, 4, 0, 0, 100],
    ['shipped, part back', { broughtIn: 10, stock: [{ locationId: 'R', locationKind: 'receiving', qty: 2 }], shipped: [{ customerId: 'C', qty: 10 }], returned: [{ customerId: 'C', qty: 2 }] }, 2, 0, 8, 0, 100],
    ['consumed', { broughtIn: 0.3, consumed: [{ childLotId: 'K', qty: 0.1 }, { childLotId: 'K2', qty: 0.2 }] }, 0, 0, 0, 0.3, 100],
    ['picked on a list at shipping', { broughtIn: 10, stock: [{ locationId: 'S', locationKind: 'storage', qty: 6 }, { locationId: 'D', locationKind: 'shipping', qty: 4 }], picked: [{ locationId: 'D', qty: 3 }] }, 7, 0, 0, 0, 100],
    ['half unaccounted', { broughtIn: 10, stock: [{ locationId: 'S', locationKind: 'storage', qty: 5 }] }, 5, 0, 0, 0, 50],
    ['more found than booked', { broughtIn: 10, shipped: [{ customerId: 'C', qty: 12 }] }, 0, 0, 12, 0, 120],
  ] as const)('%s', (_, partial, inStock, scrapped, shippedOut, consumed, percent) => {
    const books: LotBooks = { lotId: 'L', status: 'released', stock: [], picked: [], shipped: [], returned: [], consumed: [], corrected: 0, ...partial };
    const b = lotBalance(books);
    expect([b.inStock, b.scrapped, b.shippedOut, b.consumed, b.percent]).toEqual([inStock, scrapped, shippedOut, consumed, percent]);
    expect(b.balanced).toBe(percent === 100);
  });

  it('splits the stock at a pick list destination into picked and free, never picking more than stands there', () => {
    const stock = [{ locationId: 'D', locationKind: 'shipping', qty: 4 }];
    const b = lotBalance({ lotId: 'L', status: 'released', broughtIn: 4, stock, picked: [{ locationId: 'D', qty: 1.5 }, { locationId: 'D', qty: 1 }], shipped: [], returned: [], consumed: [], corrected: 0 });
    expect([b.inStock, b.picked, b.percent]).toEqual([1.5, 2.5, 100]);
    const over = lotBalance({ lotId: 'L', status: 'released', broughtIn: 4, stock, picked: [{ locationId: 'D', qty: 9 }], shipped: [], returned: [], consumed: [], corrected: 0 });
    expect([over.inStock, over.picked, over.percent]).toEqual([0, 4, 100]);
  });

  it('counts a lot scrapped by status as scrapped wherever its stock sits, and gives no percentage for nothing booked in', () => {
    const b = lotBalance({ lotId: 'L', status: 'scrapped', broughtIn: 5, stock: [{ locationId: 'S', locationKind: 'storage', qty: 5 }], picked: [{ locationId: 'S', qty: 2 }], shipped: [], returned: [], consumed: [], corrected: 0 });
    expect([b.inStock, b.picked, b.scrapped, b.balanced]).toEqual([0, 0, 5, true]);
    expect(lotBalance({ lotId: 'M', status: 'released', broughtIn: 0, stock: [], picked: [], shipped: [], returned: [], consumed: [], corrected: 0 }).percent).toBeNull();
  });
});
