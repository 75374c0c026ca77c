import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceAnswer } from './answer';
import { genealogy } from './genealogy.fixture';
import { traceModel, type TraceModel } from './model';
import { pathTo, reveal } from './search';
import { autoView, groupId, visibleGraph, type GraphView } from './view';

/** Generated genealogies, some with links between lots of one level (a lot reworked into another of the same item). */
const answers = fc
  .record({ lots: fc.integer({ min: 1, max: 400 }), levels: fc.integer({ min: 1, max: 6 }), itemsPerLevel: fc.integer({ min: 1, max: 5 }), customers: fc.integer({ min: 1, max: 30 }), seed: fc.integer({ min: 1, max: 1e6 }), sameLevel: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }) })
  .map(({ sameLevel, ...shape }): TraceAnswer => {
    const answer = genealogy(shape);
    const extra = sameLevel.flatMap(([a, b]) => {
      const parent = answer.lots[a % answer.lots.length]!;
      const peers = answer.lots.filter((l) => l.depth === parent.depth && l.id !== parent.id && parent.depth > 0);
      const child = peers[b % Math.max(1, peers.length)];
      return child ? [{ parentLotId: parent.id, childLotId: child.id, qty: 1, workOrder: null }] : [];
    });
    return { ...answer, edges: [...answer.edges, ...extra] };
  });

const viewOf = (model: TraceModel) =>
  fc.record({
    levels: fc.integer({ min: 0, max: model.maxDepth }),
    groupByItem: fc.boolean(),
    opened: fc.array(fc.tuple(fc.integer({ min: 0, max: model.maxDepth }), fc.constantFrom(...new Set([...model.lots.values()].map((l) => l.gtin))), fc.integer({ min: 0, max: 120 })), { maxLength: 4 }).map((list) => new Map(list.map(([level, gtin, n]) => [groupId(level, gtin), n]))),
    pinned: fc.subarray([...model.lots.keys()], { maxLength: Math.min(5, model.lots.size) }).map((ids) => new Set(ids)),
  }) satisfies fc.Arbitrary<GraphView>;

const withView = answers.chain((answer) => {
  const model = traceModel(answer);
  return viewOf(model).map((view) => ({ model, view }));
});

describe('any view of any trace', () => {
  it('draws each lot of the levels shown exactly once, and counts the rest as hidden', () => {
    fc.assert(
      fc.property(withView, ({ model, view }) => {
        const graph = visibleGraph(model, view);
        const drawn = graph.nodes.flatMap((n) => (n.kind === 'lot' ? [n.lot.id] : n.kind === 'group' ? n.lotIds : []));
        expect(new Set(drawn).size).toBe(drawn.length);
        expect(drawn.length + graph.hiddenLots).toBe(model.lots.size);
        for (const id of drawn) expect(model.lots.get(id)!.depth).toBeLessThanOrEqual(view.levels);
        for (const id of drawn) expect(graph.nodeOf.get(id)).toBeDefined();
        expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
      }),
      { numRuns: 150 },
    );
  });

  it('joins only drawn nodes, never a node to itself, and keeps every quantity between drawn lots', () => {
    fc.assert(
      fc.property(withView, ({ model, view }) => {
        const graph = visibleGraph(model, view);
        const ids = new Set(graph.nodes.map((n) => n.id));
        for (const e of graph.edges) {
          expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
          expect(e.from).not.toBe(e.to);
        }
        const between = model.flows.filter((f) => graph.nodeOf.has(f.from) && graph.nodeOf.has(f.to));
        const inside = between.filter((f) => graph.nodeOf.get(f.from) === graph.nodeOf.get(f.to));
        const sum = (xs: { qty: number }[]) => xs.reduce((s, x) => s + x.qty, 0);
        expect(sum([...graph.edges])).toBeCloseTo(sum(between) - sum(inside), 6);
        expect(graph.edges.reduce((s, e) => s + e.links, 0)).toBe(between.length - inside.length);
      }),
      { numRuns: 150 },
    );
  });

  it('opens within the budget, and a revealed lot is drawn alone with the whole path to it', () => {
    fc.assert(
      fc.property(answers, fc.integer({ min: 2, max: 250 }), fc.nat(), (answer, budget, pick) => {
        const model = traceModel(answer);
        const view = autoView(model, budget);
        expect(visibleGraph(model, view).nodes.length).toBeLessThanOrEqual(budget);
        const target = answer.lots[pick % answer.lots.length]!.id;
        const path = pathTo(model, target);
        expect(path[0]).toBe(model.root);
        expect(path.at(-1)).toBe(target);
        for (let i = 1; i < path.length; i++) expect(model.flows.some((f) => (f.from === path[i - 1] && f.to === path[i]) || (f.to === path[i - 1] && f.from === path[i]))).toBe(true);
        const shown = visibleGraph(model, reveal(model, view, target));
        for (const id of path) expect(shown.nodeOf.get(id)).toBe(id);
      }),
      { numRuns: 100 },
    );
  });
});
