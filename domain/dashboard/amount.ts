/**
 * Quantities and values as exact decimals. The dashboard's figures must equal a query over the
 * ledger to the last unit, so they are summed as scaled integers, never as binary floats.
 */
export const QTY_SCALE = 3;
/** numeric(18,3) quantity times numeric(18,4) standard cost. */
export const VALUE_SCALE = 7;

export function toScaled(text: string, scale: number): bigint {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`Not a decimal: ${text}`);
  const fraction = (m[3] ?? '').padEnd(scale, '0');
  if (fraction.length > scale && /[1-9]/.test(fraction.slice(scale))) throw new Error(`${text} has more than ${scale} decimals`);
  const value = BigInt(m[2]! + fraction.slice(0, scale));
  return m[1] ? -value : value;
}

/** The shortest decimal text of a scaled integer: 12.5, not 12.5000000. */
export function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** One figure: how much stock, what it is worth at standard cost, how much of it has no cost, on how many balance rows. */
export interface Amount {
  qty: bigint;
  value: bigint;
  uncostedQty: bigint;
  rows: number;
}

export const zeroAmount = (): Amount => ({ qty: 0n, value: 0n, uncostedQty: 0n, rows: 0 });

export function addInto(target: Amount, add: Amount): Amount {
  target.qty += add.qty;
  target.value += add.value;
  target.uncostedQty += add.uncostedQty;
  target.rows += add.rows;
  return target;
}

/** An amount as the API gives it; `value` is null for those not shown costs. */
export interface AmountView {
  qty: string;
  value: string | null;
  uncostedQty: string;
  rows: number;
}

export function viewAmount(a: Amount, costVisible: boolean): AmountView {
  return { qty: fromScaled(a.qty, QTY_SCALE), value: costVisible ? fromScaled(a.value, VALUE_SCALE) : null, uncostedQty: fromScaled(a.uncostedQty, QTY_SCALE), rows: a.rows };
}
