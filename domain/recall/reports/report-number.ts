/**
 * 21 CFR 806.10(c)(1) asks every report to carry its number: the registration number of the firm
 * that reports (or its FEI), the date of the report, a three-digit sequence of the firm's reports
 * that year, and C for a correction or R for a removal — 1234567-06/02/2026-001-R.
 */
export function fdaReportNumber(registration: string, reportDate: string, sequence: number, action: 'correction' | 'removal'): string {
  if (!/^[0-9]{7,10}$/.test(registration)) throw new RangeError(`an FDA registration number is 7 to 10 digits (got "${registration}")`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(reportDate);
  if (!m) throw new RangeError(`a report date is written YYYY-MM-DD (got "${reportDate}")`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999) throw new RangeError(`a report sequence runs from 1 to 999 (got ${sequence})`);
  return `${registration}-${m[2]}/${m[3]}/${m[1]}-${String(sequence).padStart(3, '0')}-${action === 'correction' ? 'C' : 'R'}`;
}

/** A case's yearly sequence, the digits its number ends with (RC20260007 -> 7): one 806 report per case. */
export function caseSequence(caseNumber: string): number {
  const digits = /(\d{1,4})$/.exec(caseNumber.slice(-4));
  const n = digits ? Number(digits[1]) % 1000 : 0;
  return n === 0 ? 1 : n;
}
