import { gs1CheckDigit, readScan, type Gs1Error } from '../../domain/gs1';
import { labelFromElements, type SupplierLabel } from './receive-label';

/** What a scan on the Pack screen is: a container's SSCC, a unit label, or something else. */
export type PackScan = { kind: 'sscc'; sscc: string } | { kind: 'unit'; label: SupplierLabel & { lotNumber: string } } | { kind: 'other' } | { kind: 'bad'; error: Gs1Error };

export function isSscc(text: string): boolean {
  return /^\d{18}$/.test(text) && gs1CheckDigit(text.slice(0, 17)) === text.charCodeAt(17) - 48;
}

/**
 * Reads a scan as the packer means it. An SSCC printed without FNC1 (or typed) arrives as 18 bare
 * digits: it counts when its check digit does.
 */
export function readPackScan(scan: string): PackScan {
  // Read as raw GS1 those digits would be a lot (AI 10): an SSCC's check digit decides first.
  const bare = scan.replace(/[\r\n]+$/, '').trim();
  if (isSscc(bare)) return { kind: 'sscc', sscc: bare };
  const result = readScan(scan, { checkAssociations: false });
  if (!result.ok) return { kind: 'bad', error: result.error };
  if (result.kind === 'text') return { kind: 'other' };
  const sscc = result.elements.find((e) => e.ai === '00')?.value;
  if (sscc) return { kind: 'sscc', sscc };
  const label = labelFromElements(result.elements);
  if (label?.lotNumber) return { kind: 'unit', label: { ...label, lotNumber: label.lotNumber } };
  return { kind: 'other' };
}
