import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lotKey, traceFromEvents, type EpcisEvent } from '../../domain/epcis';
import { traceLot } from '../lots/trace';
import { openTestDb, type TestDb } from '../test-support/db';
import { generateGenealogy, gtinOfLevel, lotIdOf, lotNumberOf, type GenealogyShape } from '../test-support/genealogy';
import { ledgerEvents } from './export';

// A partner holding only the exported EPCIS events can rebuild any trace: random genealogies,
// every lot's trace both ways from the events alone, against the trace the server answers.
// Runs on PGlite, and on PostgreSQL with DATABASE_URL.
let t: TestDb;
beforeAll(async () => {
  t = await openTestDb('epcis-trace-rebuild');
});
afterAll(() => t.close());

const shape = fc.record({
  levels: fc.integer({ min: 2, max: 4 }),
  lotsPerLevel: fc.integer({ min: 1, max: 6 }),
  parentsPerChild: fc.integer({ min: 1, max: 3 }),
  customers: fc.integer({ min: 1, max: 3 }),
  linesPerShipment: fc.integer({ min: 1, max: 3 }),
  locations: fc.integer({ min: 1, max: 2 }),
}) satisfies fc.Arbitrary<GenealogyShape>;

async function reset(): Promise<void> {
  await t.db.exec('TRUNCATE shipment_lines, shipments, genealogy_edges, stock_balances, stock_moves, lots, items, locations, customers, domain_events CASCADE');
}

async function sameTrace(events: readonly EpcisEvent[], level: number, index: number, direction: 'forward' | 'backward'): Promise<void> {
  const trace = await traceLot(t.db, lotIdOf(level, index), { direction });
  const rebuilt = traceFromEvents(events, { gtin: gtinOfLevel(level), lotNumber: lotNumberOf(level, index) }, direction);
  const byId = new Map(trace.lots.map((l) => [l.id, lotKey(l.gtin, l.lotNumber)]));
  expect(rebuilt.lots).toEqual(new Map(trace.lots.map((l) => [lotKey(l.gtin, l.lotNumber), l.depth])));
  expect(rebuilt.edges).toEqual(new Map(trace.edges.map((e) => [`${byId.get(e.parentLotId)}>${byId.get(e.childLotId)}`, e.qty])));
  const shipped = new Map<string, number>();
  for (const line of trace.shipments) {
    const key = `${byId.get(line.lotId)}>${line.shipment}>${line.customerCode}`;
    shipped.set(key, (shipped.get(key) ?? 0) + line.qty);
  }
  expect(rebuilt.shipments).toEqual(shipped);
}

describe('trace rebuilt from EPCIS events alone', () => {
  it('equals the trace API on random genealogies, for every lot, forward and backward', async () => {
    await fc.assert(
      fc.asyncProperty(shape, async (s) => {
        await reset();
        await generateGenealogy(t.db, s);
        const events = await ledgerEvents(t.db, { from: null, to: null });
        expect(events.filter((e) => e.type === 'TransformationEvent')).toHaveLength((s.levels - 1) * s.lotsPerLevel);
        for (let level = 0; level < s.levels; level++) {
          for (let index = 0; index < s.lotsPerLevel; index++) {
            for (const direction of ['forward', 'backward'] as const) await sameTrace(events, level, index, direction);
          }
        }
      }),
      { numRuns: 10 },
    );
  }, 300_000);
});
