import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../test-support/db';
import { expectedTrace, generateGenealogy, lotIdOf, lotNumberOf, type GenealogyShape } from '../test-support/genealogy';
import { findLot, traceLot, type Trace } from './trace';

const shape: GenealogyShape = { levels: 5, lotsPerLevel: 40, parentsPerChild: 3, customers: 7, linesPerShipment: 3, locations: 4 };

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb('trace');
  await generateGenealogy(t.db, shape);
});
afterAll(() => t.close());

describe('trace on a generated five-level genealogy', () => {
  const cases: [number, number, 'forward' | 'backward'][] = [
    [0, 0, 'forward'],
    [0, 17, 'forward'],
    [2, 5, 'forward'],
    [4, 9, 'backward'],
    [2, 33, 'backward'],
    [3, 1, 'forward'],
  ];

  it.each(cases)('level %i lot %i %s reaches exactly the lots, links and customers the formulas say', async (level, index, direction) => {
    const expected = expectedTrace(shape, level, index, direction);
    const trace = await traceLot(t.db, lotIdOf(level, index), { direction });
    expect(new Set(trace.lots.map((l) => l.lotNumber))).toEqual(expected.lots);
    expect(trace.edges).toHaveLength(expected.edges);
    const customers = new Set(trace.shipments.map((s) => s.customerCode));
    expect(customers).toEqual(direction === 'forward' ? expected.customers : new Set(lotNumberOf(level, index).startsWith('G4') ? expected.customers : []));
    expect(trace.truncated).toBe(false);
    // Every reached lot has its stock location listed.
    expect(new Set(trace.stock.map((s) => s.lotId))).toEqual(new Set(trace.lots.map((l) => l.id)));
    expect(trace.lots.find((l) => l.depth === 0)?.lotNumber).toBe(lotNumberOf(level, index));
  });

  it('names the supplier lots a finished lot came from', async () => {
    const trace = await traceLot(t.db, lotIdOf(4, 9), { direction: 'backward' });
    const raw = trace.lots.filter((l) => l.depth === 4);
    expect(raw.length).toBeGreaterThan(0);
    for (const l of raw) expect(l).toMatchObject({ origin: 'received', supplierLot: `SL${l.lotNumber.slice(3)}` });
  });

  it('stops at the depth asked for and says there is more', async () => {
    const trace = await traceLot(t.db, lotIdOf(0, 0), { direction: 'forward', depth: 2 });
    expect(Math.max(...trace.lots.map((l) => l.depth))).toBe(2);
    expect(trace.truncated).toBe(true);
    expect(trace.shipments).toEqual([]);
  });

  it('finds a lot by number and refuses an unknown one or a bad depth', async () => {
    await expect(findLot(t.db, 'G3-7')).resolves.toMatchObject({ id: lotIdOf(3, 7), lotNumber: 'G3-7' });
    await expect(findLot(t.db, 'NOPE')).rejects.toMatchObject({ status: 404, message: "No lot 'NOPE'." });
    await expect(traceLot(t.db, '00000000-0000-4000-8000-000000000000', { direction: 'forward' })).rejects.toMatchObject({ status: 404 });
    await expect(traceLot(t.db, lotIdOf(0, 0), { direction: 'forward', depth: 0 })).rejects.toMatchObject({ status: 400 });
  });
});

const uuidOf = (key: string) => {
  const h = createHash("md5").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

describe("trace of a hub lot: one resin batch in 30 finished lots, shipped in three shipments", () => {
  const HUB = uuidOf("trace-hub");
  const FINISHED = 30;
  const finished = Array.from({ length: FINISHED }, (_, j) => ({
    j,
    id: uuidOf(`trace-hub-fin-${j}`),
    lotNumber: `HF-${String(j).padStart(2, "0")}`,
  }));

  beforeAll(async () => {
    await t.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO items (gtin, sku, name, shelf_life_days) VALUES ('06909990000905', 'HUB-RAW', 'Resin batch', 1825), ('06909990000912', 'HUB-FIN', 'Hub product', 1095)`,
      );
      await tx.query(
        `INSERT INTO lots (id, lot_number, item_id, supplier, supplier_lot, expires_on, origin, status)
         SELECT $1::uuid, 'HUB-1', id, 'Resin supplier', 'RS-1', DATE '2031-01-01', 'received', 'released' FROM items WHERE sku = 'HUB-RAW'`,
        [HUB],
      );
      await tx.query(
        `INSERT INTO lots (id, lot_number, item_id, expires_on, origin, status)
         SELECT md5('trace-hub-fin-' || j)::uuid, 'HF-' || lpad(j::text, 2, '0'), i.id, DATE '2030-01-01' + j, 'produced', 'released'
           FROM generate_series(0, $1::int - 1) j CROSS JOIN (SELECT id FROM items WHERE sku = 'HUB-FIN') i`,
        [FINISHED],
      );
      await tx.query(
        `INSERT INTO genealogy_edges (parent_lot_id, child_lot_id, qty) SELECT $1::uuid, md5('trace-hub-fin-' || j)::uuid, 1 FROM generate_series(0, $2::int - 1) j`,
        [HUB, FINISHED],
      );
      await tx.query(
        `INSERT INTO locations (code, name, kind) VALUES ('HT-0', 'Hub shelf 0', 'storage'), ('HT-1', 'Hub shelf 1', 'storage')`,
      );
      await tx.query(
        `INSERT INTO stock_balances (lot_id, location_id, qty)
         SELECT md5('trace-hub-fin-' || j)::uuid, loc.id, 20 FROM generate_series(0, $1::int - 1) j JOIN locations loc ON loc.code = 'HT-' || (j % 2)`,
        [FINISHED],
      );
      await tx.query(
        `INSERT INTO customers (code, name, min_shelf_life_days) VALUES ('HC-A', 'Hospital A', 0), ('HC-B', 'Hospital B', 0)`,
      );
      // HS-2 and HS-1 leave at the same minute, HS-0 the day after.
      await tx.query(
        `INSERT INTO shipments (id, number, customer_id, shipped_at)
         SELECT md5('trace-hub-shipment-' || s)::uuid, 'HS-' || s, c.id, CASE WHEN s = 0 THEN TIMESTAMPTZ '2026-06-02 08:00Z' ELSE TIMESTAMPTZ '2026-06-01 08:00Z' END
           FROM generate_series(0, 2) s JOIN customers c ON c.code = CASE WHEN s = 1 THEN 'HC-B' ELSE 'HC-A' END`,
      );
      // Booked last lot first, so the booking order is neither lot number nor lot id order.
      await tx.query(
        `INSERT INTO shipment_lines (shipment_id, lot_id, qty)
         SELECT md5('trace-hub-shipment-' || (j % 3))::uuid, md5('trace-hub-fin-' || j)::uuid, 2 FROM generate_series($1::int - 1, 0, -1) j ORDER BY j DESC`,
        [FINISHED],
      );
    });
  });

  it("gives every lot, link, stock and shipment line exactly once, in the trace order", async () => {
    const byId = (a: { id: string }, b: { id: string }) =>
      a.id < b.id ? -1 : 1;
    const location = (j: number) => ({
      locationCode: `HT-${j % 2}`,
      locationName: `Hub shelf ${j % 2}`,
    });
    const shipped = (s: number) =>
      finished.filter((f) => f.j % 3 === s).sort((a, b) => b.j - a.j);
    const line = (
      s: number,
      customerCode: string,
      customerName: string,
      shippedAt: string,
    ) =>
      shipped(s).map((f) => ({
        lotId: f.id,
        shipment: `HS-${s}`,
        customerCode,
        customerName,
        qty: 2,
        serial: null,
        shippedAt,
      }));
    const expected: Trace = {
      root: HUB,
      direction: "forward",
      depth: 50,
      serial: null,
      lots: [
        {
          id: HUB,
          lotNumber: "HUB-1",
          gtin: "06909990000905",
          itemName: "Resin batch",
          itemNameZh: null,
          status: "released",
          origin: "received",
          supplier: "Resin supplier",
          supplierLot: "RS-1",
          expiresOn: "2031-01-01",
          depth: 0,
        },
        ...finished.map((f) => ({
          id: f.id,
          lotNumber: f.lotNumber,
          gtin: "06909990000912",
          itemName: "Hub product",
          itemNameZh: null,
          status: "released" as const,
          origin: "produced" as const,
          supplier: null,
          supplierLot: null,
          expiresOn: new Date(Date.UTC(2030, 0, 1 + f.j))
            .toISOString()
            .slice(0, 10),
          depth: 1,
        })),
      ],
      edges: [...finished]
        .sort(byId)
        .map((f) => ({
          parentLotId: HUB,
          childLotId: f.id,
          qty: 1,
          workOrder: null,
          serials: [],
        })),
      stock: [
        ...finished.filter((f) => f.j % 2 === 0).sort(byId),
        ...finished.filter((f) => f.j % 2 === 1).sort(byId),
      ].map((f) => ({ lotId: f.id, ...location(f.j), qty: 20 })),
      shipments: [
        ...line(1, "HC-B", "Hospital B", "2026-06-01T08:00:00.000Z"),
        ...line(2, "HC-A", "Hospital A", "2026-06-01T08:00:00.000Z"),
        ...line(0, "HC-A", "Hospital A", "2026-06-02T08:00:00.000Z"),
      ],
      containers: [],
      truncated: false,
    };
    expect(await traceLot(t.db, HUB, { direction: "forward" })).toEqual(
      expected,
    );
  });
});
