/**
 * GS1's table of GS1 Company Prefix lengths: a prefix of the key's digits gives the length of
 * the company prefix it starts. The longest listed prefix wins; a length of 0 marks numbers that
 * carry no company prefix (restricted circulation, coupons).
 */
export type PrefixLengths = ReadonlyMap<string, number>;

export class UnknownCompanyPrefixError extends Error {
  override name = 'UnknownCompanyPrefixError';
}

/** Digits of the company prefix in `keyDigits`: a GTIN-14 without its indicator, an SSCC without its extension, a GLN. */
export function companyPrefixLength(table: PrefixLengths, keyDigits: string): number {
  for (let n = Math.min(keyDigits.length, 12); n > 0; n--) {
    const length = table.get(keyDigits.slice(0, n));
    if (length === undefined) continue;
    if (length === 0) throw new UnknownCompanyPrefixError(`${keyDigits} starts with ${keyDigits.slice(0, n)}, which GS1 reserves for numbers without a company prefix: it cannot be encoded as an EPC.`);
    return length;
  }
  throw new UnknownCompanyPrefixError(`GS1's prefix-length table does not know the company prefix of ${keyDigits}: give the company prefix length explicitly.`);
}

/** Reads the table in the form kept in this repository: one "prefix length" pair a line. */
export function parsePrefixLengths(text: string): PrefixLengths {
  const table = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(\d{1,12}) (\d{1,2})$/.exec(line);
    if (!match) throw new Error(`prefix-length table: unreadable line ${JSON.stringify(line.slice(0, 40))}`);
    table.set(match[1]!, Number(match[2]));
  }
  return table;
}
