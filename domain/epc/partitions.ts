/**
 * The partition tables of the EPC Tag Data Standard: how the bits after the partition value are
 * split between the GS1 Company Prefix and the rest of the key, by company prefix length.
 */
export interface Partition {
  value: number;
  prefixBits: number;
  prefixDigits: number;
  referenceBits: number;
  referenceDigits: number;
}

function table(rows: readonly (readonly [number, number, number, number])[]): readonly Partition[] {
  return rows.map(([prefixBits, prefixDigits, referenceBits, referenceDigits], value) => ({ value, prefixBits, prefixDigits, referenceBits, referenceDigits }));
}

/** SGTIN: the reference is the indicator digit and item reference, 13 digits with the prefix. */
export const SGTIN_PARTITIONS = table([
  [40, 12, 4, 1],
  [37, 11, 7, 2],
  [34, 10, 10, 3],
  [30, 9, 14, 4],
  [27, 8, 17, 5],
  [24, 7, 20, 6],
  [20, 6, 24, 7],
]);

/** SSCC: the reference is the extension digit and serial reference, 17 digits with the prefix. */
export const SSCC_PARTITIONS = table([
  [40, 12, 18, 5],
  [37, 11, 21, 6],
  [34, 10, 24, 7],
  [30, 9, 28, 8],
  [27, 8, 31, 9],
  [24, 7, 34, 10],
  [20, 6, 38, 11],
]);

/** SGLN: the reference is the location reference, 12 digits with the prefix. */
export const SGLN_PARTITIONS = table([
  [40, 12, 1, 0],
  [37, 11, 4, 1],
  [34, 10, 7, 2],
  [30, 9, 11, 3],
  [27, 8, 14, 4],
  [24, 7, 17, 5],
  [20, 6, 21, 6],
]);

export function partitionByPrefixDigits(partitions: readonly Partition[], digits: number): Partition | undefined {
  return partitions.find((p) => p.prefixDigits === digits);
}
