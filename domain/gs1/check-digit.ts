/** GS1 mod-10 check digit of the digits given (the check digit itself not included). */
export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) sum += (digits.charCodeAt(i) - 48) * weight;
  return (10 - (sum % 10)) % 10;
}

export const gtinCheckDigit = (gtinWithoutCheck: string) => gs1CheckDigit(gtinWithoutCheck);

export function isValidGtin(gtin: string): boolean {
  return /^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(gtin) && gs1CheckDigit(gtin.slice(0, -1)) === gtin.charCodeAt(gtin.length - 1) - 48;
}

/** GTIN-8/12/13 as the 14 digits AI (01) carries. */
export function toGtin14(gtin: string): string {
  return gtin.padStart(14, '0');
}

/** A 13-digit Global Location Number with its check digit right. */
export function isValidGln(gln: string): boolean {
  return /^\d{13}$/.test(gln) && gs1CheckDigit(gln.slice(0, 12)) === gln.charCodeAt(12) - 48;
}
