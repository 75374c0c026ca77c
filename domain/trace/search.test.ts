import { describe, expect, it } from 'vitest';
import { genealogy } from './genealogy.fixture';
import { traceModel } from './model';
import { MAX_SEARCH_LENGTH, pathTo, reveal, searchTrace } from './search';
import { autoView, visibleGraph } from './view';

describe('search in a trace', () => {
  const model = traceModel(genealogy({ lots: 500 }));
  const first = (q: string) => {
    const answer = searchTrace(model, q);
    return answer.ok ? answer.matches[0] : answer.problem;
  };

  it.each([
    ['L00042', { id: 'lot-42', field: 'lot', text: 'L00042' }],
    ['l00042', { id: 'lot-42', field: 'lot', text: 'L00042' }],
    ['  L00042 ', { id: 'lot-42', field: 'lot', text: 'L00042' }],
    ['SN-L00001', { id: 'lot-0', field: 'serial', text: 'SN-L00001' }],
    ['UNIT-1', { id: 'lot-4', field: 'serial', text: 'UNIT-1' }],
    ['SUP-1', { id: 'lot-0', field: 'supplierLot', text: 'SUP-1' }],
    ['物料 3', { id: 'lot-3', field: 'item', text: '物料 3' }],
    ['hospital 1', { id: 'customer:C1', field: 'customer', text: 'Hospital 1' }],
  ])('finds %j', (query, expected) => {
    expect(first(query)).toMatchObject(expected);
  });

  it('puts an exact lot number before lots that only contain it, then nearer levels first', () => {
    const exact = searchTrace(model, 'L00040');
    expect(exact.ok && exact.matches.map((m) => m.text)).toEqual(['L00040']);
    const some = searchTrace(model, 'L0004');
    expect(some.ok && some.matches.map((m) => m.text).sort()).toEqual(['L00040', 'L00041', 'L00042', 'L00043', 'L00044', 'L00045', 'L00046', 'L00047', 'L00048', 'L00049', 'SN-L00041']);
    // The traced lot holds serial SN-L00041 (its unit that went into lot L00041): one match per lot, by its best field.
    expect(some.ok && some.matches.find((m) => m.id === 'lot-0')?.field).toBe('serial');
    const all = searchTrace(model, 'L000');
    const depths = all.ok ? all.matches.map((m) => m.depth) : [];
    expect(depths.length).toBe(100);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    const atDepth1 = searchTrace(model, 'L00001');
    expect(atDepth1.ok && atDepth1.matches[0]!.text).toBe('L00001');
  });

  it('answers nothing found with an empty list, and refuses an empty or over-long query', () => {
    expect(searchTrace(model, 'NO-SUCH-LOT')).toEqual({ ok: true, matches: [] });
    expect(searchTrace(model, '   ')).toEqual({ ok: false, problem: 'empty' });
    expect(searchTrace(model, 'x'.repeat(MAX_SEARCH_LENGTH + 1))).toEqual({ ok: false, problem: 'too_long' });
  });

  it('reveals a hit folded in a group: the path to it drawn lot by lot', () => {
    const big = traceModel(genealogy({ lots: 5_000 }));
    const view = autoView(big);
    const target = 'lot-4000';
    expect(visibleGraph(big, view).nodeOf.get(target)).not.toBe(target);
    const path = pathTo(big, target);
    expect(path.length).toBe(big.lots.get(target)!.depth + 1);
    const shown = visibleGraph(big, reveal(big, view, target));
    for (const id of path) expect(shown.nodeOf.get(id)).toBe(id);
  });

  it('reveals a customer through the nearest lot that shipped to it', () => {
    const path = pathTo(model, 'customer:C1');
    expect(path.at(-1)).toBe('customer:C1');
    expect(path[0]).toBe('lot-0');
    expect(model.flows.some((f) => f.from === path.at(-2) && f.to === 'customer:C1')).toBe(true);
    expect(pathTo(model, 'customer:NOPE')).toEqual([]);
    expect(pathTo(model, 'nope')).toEqual([]);
  });
});
