import { pack, packRefusal, parentOfSerial, unpack, unpackRefusal, type Hierarchy, type PackChild, type PackRefusal } from './hierarchy';

/**
 * A pack or unpack made on a handheld, maybe offline. `seenParent` is the container the device
 * saw the child in when it was scanned (null: in none); a pack of a child seen in another
 * container is a repack. The server judges the op against what it knows now: two devices that
 * each packed the same loose case onto a different pallet both saw it loose, and the second to
 * sync finds it on the first one's pallet.
 */
export interface PackOp {
  action: 'pack' | 'unpack';
  parent: string;
  child: PackChild;
  seenParent: string | null;
}

export type PackVerdict =
  | { verdict: 'apply' }
  /** The child is in another container than the device saw: a supervisor decides, the op is never applied over it. */
  | { verdict: 'conflict'; field: 'child'; seenParent: string | null; currentParent: string; message: string }
  | { verdict: 'refuse'; refusal: PackRefusal };

/** The container an identified child sits in now: a container's parent, a serial's container. Lot quantities have none. */
export function currentParent(hierarchy: Hierarchy, child: PackChild): string | null | undefined {
  if (child.kind === 'container') return hierarchy.get(child.sscc)?.parent ?? null;
  if (child.line.serial === null) return undefined;
  return parentOfSerial(hierarchy, child.line.gtin, child.line.serial);
}

export const childName = (child: PackChild) => (child.kind === 'container' ? child.sscc : child.line.serial === null ? `${child.line.qty} of lot ${child.line.lotNumber}` : child.line.serial);

export function judgePackOp(hierarchy: Hierarchy, op: PackOp): PackVerdict {
  const current = currentParent(hierarchy, op.child);
  const seen = op.action === 'unpack' ? op.parent : op.seenParent;
  // A child now loose is free to pack wherever the device put it; one in a container the device
  // did not see it in is not the device's to move.
  if (current !== undefined && current !== null && current !== seen) {
    return {
      verdict: 'conflict',
      field: 'child',
      seenParent: seen,
      currentParent: current,
      message: `${childName(op.child)} is in ${current} now, not where the handheld saw it: a supervisor decides where it belongs.`,
    };
  }
  if (op.action === 'unpack') {
    const refusal = unpackRefusal(hierarchy, op.parent, op.child);
    return refusal ? { verdict: 'refuse', refusal } : { verdict: 'apply' };
  }
  let before = hierarchy;
  if (current !== undefined && current !== null && current !== op.parent) {
    const out = unpackRefusal(hierarchy, current, op.child);
    if (out) return { verdict: 'refuse', refusal: out };
    before = unpack(hierarchy, current, op.child);
  }
  const refusal = packRefusal(before, op.parent, op.child);
  return refusal ? { verdict: 'refuse', refusal } : { verdict: 'apply' };
}

/**
 * Applies an op judgePackOp allowed: a repack takes the child out of where it was first. Returns
 * the new hierarchy and the containers whose contents changed (each gets a new version).
 */
export function applyPackOp(hierarchy: Hierarchy, op: PackOp): { hierarchy: Hierarchy; changed: string[] } {
  if (op.action === 'unpack') return { hierarchy: unpack(hierarchy, op.parent, op.child), changed: [op.parent] };
  const current = currentParent(hierarchy, op.child);
  if (current !== undefined && current !== null && current !== op.parent) {
    return { hierarchy: pack(unpack(hierarchy, current, op.child), op.parent, op.child), changed: [current, op.parent] };
  }
  return { hierarchy: pack(hierarchy, op.parent, op.child), changed: [op.parent] };
}
