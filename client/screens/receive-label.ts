import type { ParsedElement } from '../../domain/gs1';

/** What a supplier label tells the receiving clerk, taken from its GS1 elements. */
export interface SupplierLabel {
  gtin: string;
  lotNumber: string | null;
  expiresOn: string | null;
  manufacturedOn: string | null;
  serial: string | null;
  qty: number | null;
}

export function labelFromElements(elements: readonly ParsedElement[]): SupplierLabel | null {
  const get = (ai: string) => elements.find((e) => e.ai === ai);
  const gtin = get('01')?.value ?? get('02')?.value;
  if (!gtin) return null;
  const count = get('30')?.value ?? get('37')?.value;
  return {
    gtin,
    lotNumber: get('10')?.value ?? null,
    expiresOn: get('17')?.date ?? null,
    manufacturedOn: get('11')?.date ?? null,
    serial: get('21')?.value ?? null,
    qty: count ? Number(count) : null,
  };
}
