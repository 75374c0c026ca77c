import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo';
import { openTestDb, type TestDb } from '../test-support/db';
import { readScope } from './scope';

/*
 * Generated genealogies (any DAG: a lot made from any earlier lots) against the plain definition
 * of the whole family: the input's ancestors with nothing above them are the family's roots, and
 * the family is everything made from them. Lots reached forward from the input stay 'forward'
 * with their shortest distance from it.
 */

let t: TestDb;
let itemId: string;
let run = 0;

beforeAll(async () => {
  t = await openTestDb('recall_family_property');
  await loadDemoData(t.db, { password: 'demo-pass-1' });
  itemId = (await t.db.query<{ id: string }>("SELECT id FROM items WHERE gtin = '06901234000016'")).rows[0]!.id;
}, 120_000);
afterAll(() => t.close());

function walk(from: number, next: (lot: number) => number[]): Map<number, number> {
  const depth = new Map([[from, 0]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const following: number[] = [];
    for (const lot of frontier) {
      for (const n of next(lot)) {
        if (depth.has(n)) continue;
        depth.set(n, depth.get(lot)! + 1);
        following.push(n);
      }
    }
    frontier = following;
  }
  return depth;
}

const genealogy = fc
  .integer({ min: 1, max: 12 })
  .chain((size) =>
    fc.record({
      size: fc.constant(size),
      // A lot is made only from lots made before it: pairs become (earlier, later), a pair of one lot is dropped.
      edges: fc
        .array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 24 })
        .map((pairs) => [...new Map(pairs.filter(([a, b]) => a !== b).map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]).map((e) => [`${e[0]}-${e[1]}`, e] as const)).values()]),
      input: fc.nat(size - 1),
    }),
  );

describe('whole family on generated genealogies', () => {
  it('reaches exactly the lots that share a root with the input, forward lots marked forward at their forward depth', async () => {
    await fc.assert(
      fc.asyncProperty(genealogy, async ({ size, edges, input }) => {
        run++;
        const ids = (
          await t.db.query<{ id: string }>(
            `INSERT INTO lots (lot_number, item_id, origin, status) SELECT 'FP' || $1::int || '-' || n, $2, 'produced', 'released' FROM generate_series(0, $3::int - 1) AS n ORDER BY n RETURNING id`,
            [run, itemId, size],
          )
        ).rows.map((r) => r.id);
        if (edges.length > 0) {
          await t.db.query('INSERT INTO genealogy_edges (parent_lot_id, child_lot_id, qty) SELECT p, c, 1 FROM unnest($1::uuid[], $2::uuid[]) AS e(p, c)', [edges.map(([a]) => ids[a]!), edges.map(([, b]) => ids[b]!)]);
        }
        const children = (lot: number) => edges.filter(([a]) => a === lot).map(([, b]) => b);
        const parents = (lot: number) => edges.filter(([, b]) => b === lot).map(([a]) => a);
        const forward = walk(input, children);
        const roots = [...walk(input, parents).keys()].filter((lot) => parents(lot).length === 0);
        const family = new Set(roots.flatMap((root) => [...walk(root, children).keys()]));
        const expected = Object.fromEntries([...new Set([...forward.keys(), ...family])].map((lot) => [ids[lot]!, forward.has(lot) ? `forward ${forward.get(lot)}` : 'family']));

        const scope = await readScope(t.db, { kind: 'lot', lotId: ids[input]!, family: true });
        expect(Object.fromEntries(scope.lots.map((l) => [l.id, l.reached === 'forward' ? `forward ${l.depth}` : 'family']))).toEqual(expected);
        // The forward lots come first, then the family.
        const kinds = scope.lots.map((l) => l.reached);
        expect(kinds).toEqual([...kinds.filter((k) => k === 'forward'), ...kinds.filter((k) => k === 'family')]);
        const plain = await readScope(t.db, { kind: 'lot', lotId: ids[input]! });
        expect(plain.lots.map((l) => l.id).sort()).toEqual([...forward.keys()].map((lot) => ids[lot]!).sort());
      }),
      { seed: 20261201, numRuns: 40 },
    );
  });
});
