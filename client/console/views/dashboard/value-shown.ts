import type { Amount } from '../../../api/dashboard';

/**
 * What can be said of a figure's value at standard cost: not shown to this reader, not known
 * (none of its stock has a standard cost), known in part (some of it has none), or known. A
 * zero for stock without a cost would read as worthless stock.
 */
export type ValueShown = { kind: 'hidden' } | { kind: 'unknown' } | { kind: 'partial'; value: string; uncostedQty: string } | { kind: 'known'; value: string };

const zero = (text: string) => /^-?0*(\.0*)?$/.test(text);

export function valueShown(a: Pick<Amount, 'qty' | 'value' | 'uncostedQty'>): ValueShown {
  if (a.value === null) return { kind: 'hidden' };
  if (zero(a.uncostedQty)) return { kind: 'known', value: a.value };
  if (Number(a.uncostedQty) === Number(a.qty)) return { kind: 'unknown' };
  return { kind: 'partial', value: a.value, uncostedQty: a.uncostedQty };
}
