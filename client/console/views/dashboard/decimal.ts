/**
 * Exact decimal text (as the dashboard API gives quantities and values) grouped for reading in
 * the UI's language, every digit kept: a float would round 12345678901234.5678.
 */
export function groupDecimal(text: string, locale: string | undefined): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const parts = new Intl.NumberFormat(locale, { minimumFractionDigits: 1 }).formatToParts(-1.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const sign = m[1] ? (parts.find((p) => p.type === 'minusSign')?.value ?? '-') : '';
  const whole = new Intl.NumberFormat(locale, { useGrouping: true }).format(BigInt(m[2]!));
  return `${sign}${whole}${m[3] ? `${decimal}${m[3]}` : ''}`;
}

/** Decimal text without the zeros a fixed scale pads it with: 300.000 is 300, 2.500 is 2.5. */
export const trimFraction = (text: string) => (/^-?\d+\.\d+$/.test(text) ? text.replace(/\.?0+$/, '') : text);
