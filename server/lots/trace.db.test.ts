import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../test-support/db';
import { expectedTrace, generateGenealogy, lotIdOf, lotNumberOf, type GenealogyShape } from '../test-support/genealogy';
import { findLot, traceLot } from './trace';

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
