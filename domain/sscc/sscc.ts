import { gs1CheckDigit } from '../gs1/check-digit';

/**
 * An SSCC is an extension digit, the GS1 Company Prefix, a serial reference and a check digit:
 * 18 digits. The serial reference fills what the prefix leaves of the 16 digits between the
 * extension and the check digit.
 */
export function serialReferenceDigits(companyPrefix: string): number {
  return 16 - companyPrefix.length;
}

/** How many SSCCs one extension digit of a company prefix can make. */
export function ssccCapacity(companyPrefix: string): bigint {
  return 10n ** BigInt(serialReferenceDigits(companyPrefix));
}

export function composeSscc(extension: number, companyPrefix: string, serialReference: bigint): string {
  if (!Number.isInteger(extension) || extension < 0 || extension > 9) throw new RangeError(`the extension digit must be 0-9, not ${extension}`);
  if (!/^\d{6,12}$/.test(companyPrefix)) throw new RangeError(`a GS1 Company Prefix has 6 to 12 digits, not ${JSON.stringify(companyPrefix)}`);
  if (serialReference < 0n || serialReference >= ssccCapacity(companyPrefix)) throw new RangeError(`serial reference ${serialReference} does not fit in ${serialReferenceDigits(companyPrefix)} digits`);
  const body = `${extension}${companyPrefix}${serialReference.toString().padStart(serialReferenceDigits(companyPrefix), '0')}`;
  return body + gs1CheckDigit(body);
}

export function isValidSscc(sscc: string): boolean {
  return /^\d{18}$/.test(sscc) && gs1CheckDigit(sscc.slice(0, 17)) === sscc.charCodeAt(17) - 48;
}

/**
 * The serial references of the next `count` SSCCs after the counter stood at `counter` (the
 * number issued so far, in all rounds): the counter runs round the capacity, so after the last
 * reference comes 0 again, and the server refuses any that was issued within the reuse window.
 */
export function nextReferences(counter: bigint, count: number, capacity: bigint): bigint[] {
  const references: bigint[] = [];
  for (let n = 0n; n < BigInt(count); n++) references.push((counter + n) % capacity);
  return references;
}
