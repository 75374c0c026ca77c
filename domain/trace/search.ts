import type { TraceModel } from './model';
import type { GraphView } from './view';

export const MAX_SEARCH_LENGTH = 40;

export type MatchField = 'lot' | 'gtin' | 'item' | 'serial' | 'supplierLot' | 'customer';

export interface TraceMatch {
  /** The lot id, or the customer's node id. */
  id: string;
  field: MatchField;
  /** The text that matched, as the data has it. */
  text: string;
  depth: number;
}

export type SearchAnswer = { ok: true; matches: TraceMatch[] } | { ok: false; problem: 'empty' | 'too_long' };

const FIELD_ORDER: MatchField[] = ['lot', 'serial', 'supplierLot', 'gtin', 'item', 'customer'];

/**
 * Lots and customers whose lot number, serial, supplier lot, GTIN, item name or customer code
 * or name contains the words typed, ignoring case; an exact lot number or serial comes first,
 * then the nearer levels. One match per lot or customer: its best field.
 */
export function searchTrace(model: TraceModel, query: string): SearchAnswer {
  const q = query.trim().toLowerCase();
  if (q.length === 0) return { ok: false, problem: 'empty' };
  if (q.length > MAX_SEARCH_LENGTH) return { ok: false, problem: 'too_long' };
  const has = (text: string | null | undefined) => text != null && text.toLowerCase().includes(q);
  const matches: (TraceMatch & { exact: boolean })[] = [];
  for (const lot of model.lots.values()) {
    const serial = [...(model.serials.get(lot.id) ?? [])].sort().find(has);
    const found: [MatchField, string | null | undefined][] = [
      ['lot', lot.lotNumber],
      ['serial', serial],
      ['supplierLot', lot.supplierLot],
      ['gtin', lot.gtin],
      ['item', has(lot.itemName) ? lot.itemName : lot.itemNameZh],
    ];
    const hit = found.find(([, text]) => has(text));
    if (hit) matches.push({ id: lot.id, field: hit[0], text: hit[1]!, depth: lot.depth, exact: hit[1]!.toLowerCase() === q && (hit[0] === 'lot' || hit[0] === 'serial') });
  }
  for (const customer of model.customers.values()) {
    const text = has(customer.code) ? customer.code : has(customer.name) ? customer.name : null;
    if (text) matches.push({ id: customer.id, field: 'customer', text, depth: model.maxDepth + 1, exact: customer.code.toLowerCase() === q });
  }
  matches.sort((a, b) => Number(b.exact) - Number(a.exact) || a.depth - b.depth || FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { ok: true, matches: matches.map(({ exact: _exact, ...m }) => m) };
}

/** The lots from the traced lot to this lot or customer, the traced lot first. */
export function pathTo(model: TraceModel, id: string): string[] {
  let lotId = id;
  const tail: string[] = [];
  if (model.customers.has(id)) {
    tail.push(id);
    let nearest: string | null = null;
    for (const f of model.flows) {
      if (f.to !== id) continue;
      const depth = model.lots.get(f.from)!.depth;
      if (nearest === null || depth < model.lots.get(nearest)!.depth) nearest = f.from;
    }
    if (nearest === null) return tail;
    lotId = nearest;
  } else if (!model.lots.has(id)) return [];
  const path = [lotId];
  for (let at = model.cameFrom.get(lotId); at !== undefined; at = model.cameFrom.get(at)) path.push(at);
  return [...path.reverse(), ...tail];
}

/** The view with a lot or customer, and the path to it, drawn on their own and its level shown. */
export function reveal(model: TraceModel, view: GraphView, id: string): GraphView {
  const path = pathTo(model, id);
  if (path.length === 0) return view;
  const deepest = Math.max(...path.map((p) => model.lots.get(p)?.depth ?? 0));
  return { ...view, levels: Math.max(view.levels, deepest), pinned: new Set([...view.pinned, ...path]) };
}
