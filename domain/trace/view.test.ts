import { describe, expect, it } from 'vitest';
import { genealogy } from './genealogy.fixture';
import { traceModel } from './model';
import { CUSTOMERS_GROUP, DEFAULT_NODE_BUDGET, GROUP_PAGE, autoView, foldGroups, fullView, groupId, openGroup, visibleGraph, withLevels } from './view';

const lotsIn = (graph: ReturnType<typeof visibleGraph>) =>
  graph.nodes.reduce((n, node) => n + (node.kind === 'lot' ? 1 : node.kind === 'group' ? node.lotIds.length : 0), 0);

describe('the graph a view draws', () => {
  const model = traceModel(genealogy({ lots: 7, levels: 3, itemsPerLevel: 1, customers: 2 }));

  it('draws every lot and customer, with one edge per link, when nothing is folded', () => {
    const graph = visibleGraph(model, fullView(model));
    expect(graph.nodes.filter((n) => n.kind === 'lot')).toHaveLength(7);
    expect(graph.nodes.filter((n) => n.kind === 'customer').length).toBeGreaterThan(0);
    expect(graph.edges).toHaveLength(model.flows.length);
    expect(graph.hiddenLots).toBe(0);
  });

  it('folds lots of one item at one level into one node with their count, the traced lot always alone', () => {
    const graph = visibleGraph(model, { ...fullView(model), groupByItem: true });
    const groups = graph.nodes.filter((n) => n.kind === 'group');
    expect(groups.map((g) => [g.id, g.lotIds.length])).toEqual([
      [groupId(1, model.lots.get('lot-1')!.gtin), 2],
      [groupId(2, model.lots.get('lot-2')!.gtin), 2],
      [groupId(3, model.lots.get('lot-3')!.gtin), 2],
    ]);
    expect(graph.nodeOf.get('lot-0')).toBe('lot-0');
    // Edges between groups carry the summed quantity of the links they stand for.
    const total = model.flows.filter((f) => !f.to.startsWith('customer:')).reduce((s, f) => s + f.qty, 0);
    expect(graph.edges.filter((e) => !e.to.startsWith('customer') && e.to !== CUSTOMERS_GROUP).reduce((s, e) => s + e.qty, 0)).toBe(total);
  });

  it('cuts at a level, counting on each edge lot the lots folded beyond it', () => {
    const graph = visibleGraph(model, withLevels(model, fullView(model), 1));
    expect(graph.nodes.map((n) => n.id)).toEqual(['lot-0', 'lot-1', 'lot-4']);
    expect(graph.hiddenLots).toBe(4);
    const beyond = graph.nodes.reduce((n, node) => n + (node.kind === 'lot' ? node.beyond : 0), 0);
    expect(beyond).toBe(model.flows.filter((f) => ['lot-1', 'lot-4'].includes(f.from) && !['lot-1', 'lot-4'].includes(f.to)).length);
  });

  it('opens a group a page at a time and folds it back', () => {
    const big = traceModel(genealogy({ lots: 301, levels: 1, itemsPerLevel: 1 }));
    const grouped = { ...fullView(big), groupByItem: true };
    const id = groupId(1, big.lots.get('lot-1')!.gtin);
    const count = (v: typeof grouped) => visibleGraph(big, v).nodes.filter((n) => n.kind === 'lot').length;
    expect(count(grouped)).toBe(1);
    const once = openGroup(grouped, id);
    expect(count(once)).toBe(1 + GROUP_PAGE);
    const group = visibleGraph(big, once).nodes.find((n) => n.id === id);
    expect(group?.kind === 'group' && group.lotIds.length).toBe(300 - GROUP_PAGE);
    expect(count(foldGroups(once))).toBe(1);
    // The last page leaves no group of one behind.
    expect(visibleGraph(big, openGroup(grouped, id, 299)).nodes.some((n) => n.id === id)).toBe(false);
  });

  it('keeps the levels asked for within the trace', () => {
    expect(withLevels(model, fullView(model), 99).levels).toBe(3);
    expect(withLevels(model, fullView(model), -2).levels).toBe(0);
  });
});

describe('the view a trace opens with', () => {
  it.each([
    [1, false, 1],
    [7, false, 7],
    [500, true, null],
    [5_000, true, null],
  ])('at %i lots: grouped %s, within the node budget', (lots, grouped, drawnLots) => {
    const model = traceModel(genealogy({ lots }));
    const view = autoView(model);
    const graph = visibleGraph(model, view);
    expect(view.groupByItem).toBe(grouped);
    expect(graph.nodes.length).toBeLessThanOrEqual(DEFAULT_NODE_BUDGET);
    expect(lotsIn(graph) + graph.hiddenLots).toBe(lots);
    if (drawnLots !== null) expect(graph.nodes.filter((n) => n.kind === 'lot')).toHaveLength(drawnLots);
  });

  it('at 5,000 lots over 20 items a level, still shows every level', () => {
    const model = traceModel(genealogy({ lots: 5_000, itemsPerLevel: 20, customers: 150 }));
    const view = autoView(model);
    expect(view.levels).toBe(model.maxDepth);
    expect(visibleGraph(model, view).nodes.length).toBeLessThanOrEqual(DEFAULT_NODE_BUDGET);
  });

  it('cuts levels when even the groups do not fit', () => {
    const model = traceModel(genealogy({ lots: 5_000, itemsPerLevel: 20 }));
    const view = autoView(model, 30);
    expect(view.levels).toBeLessThan(model.maxDepth);
    expect(visibleGraph(model, view).nodes.length).toBeLessThanOrEqual(30);
    expect(visibleGraph(model, autoView(model, 2)).nodes.length).toBeLessThanOrEqual(2);
  });
});
