import { readScan } from '../../domain/gs1';
import type { ContainerLabel } from '../../domain/packaging';
import type { ContainerDoc, OpDoc } from '../../sync';
import { isSscc } from './pack-scan';

const counted = (op: Pick<OpDoc, 'status'>) => op.status === 'queued' || op.status === 'applied' || op.status === 'exception';

function highest(values: (number | null | undefined)[]): number | null {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length > 0 ? Math.max(...known) : null;
}

/**
 * The versions a container's label was drawn for and verified at, as this handheld knows them: the
 * server's record with the container, and on top this handheld's own print and verify ops not
 * refused (queued ones have not reached the server yet). A first label asked when the container
 * was started names no version: it was drawn for an empty container, version 0.
 */
export function labelOnDevice(doc: Pick<ContainerDoc, 'labelVersion' | 'labelVerifiedVersion'> | undefined, ops: readonly Pick<OpDoc, 'type' | 'payload' | 'status'>[], sscc: string): ContainerLabel {
  const mine = ops.filter((o) => counted(o) && o.payload.sscc === sscc);
  const printed = mine.filter((o) => o.type === 'print_sscc').map((o) => (typeof o.payload.forVersion === 'number' ? o.payload.forVersion : 0));
  const verified = mine.filter((o) => o.type === 'label_verified').map((o) => (typeof o.payload.version === 'number' ? o.payload.version : null));
  return { drawnFor: highest([doc?.labelVersion, ...printed]), verifiedFor: highest([doc?.labelVerifiedVersion, ...verified]) };
}

/**
 * The GS1 elements of one barcode scanned off a logistic label. Its SSCC symbol printed without
 * FNC1 (or typed) arrives as 18 bare digits, read as AI 00 when the check digit holds, as on the
 * Pack screen; null for a scan that is no GS1 data at all.
 */
export function readLabelScan(scan: string): { ai: string; value: string }[] | null {
  const bare = scan.replace(/[\r\n]+$/, '').trim();
  if (isSscc(bare)) return [{ ai: '00', value: bare }];
  const read = readScan(scan, { checkAssociations: false });
  if (!read.ok || read.kind !== 'gs1') return null;
  return read.elements.map((e) => ({ ai: e.ai, value: e.value }));
}
