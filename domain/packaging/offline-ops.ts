import { packRefusal, parentOfSerial, unpackRefusal, type Hierarchy, type PackChild, type PackRefusal } from './hierarchy';

/**
 * A pack or unpack made on a handheld, maybe offline. `seenParent` is the container the device
 * believed the child sat in when it was scanned (null: in none). The server judges the op against
 * what it knows now: two devices that each packed the same case onto a different pallet both saw
 * it loose, and the second to sync finds it on the first one's pallet.
 */
export interface PackOp {
  action: 'pack' | 'unpack';
  parent: string;
  child: PackChild;
  seenParent: string | null;
}

export type PackVerdict =
  | { verdict: 'apply' }
  /** The child moved since the device looked: a supervisor decides, the op is never applied over it. */
  | { verdict: 'conflict'; field: 'child'; seenParent: string | null; currentParent: string | null; message: string }
  | { verdict: 'refuse'; refusal: PackRefusal };

/** The container an identified child sits in now: a container's parent, a serial's container. Lot quantities have none. */
export function currentParent(hierarchy: Hierarchy, child: PackChild): string | null | undefined {
  if (child.kind === 'container') return hierarchy.get(child.sscc)?.parent ?? null;
  if (child.line.serial === null) return undefined;
  return parentOfSerial(hierarchy, child.line.gtin, child.line.serial);
}

export function judgePackOp(hierarchy: Hierarchy, op: PackOp): PackVerdict {
  const current = currentParent(hierarchy, op.child);
  const name = op.child.kind === 'container' ? `Container ${op.child.sscc}` : `Serial ${op.child.line.serial}`;
  if (current !== undefined && current !== op.seenParent) {
    const where = (p: string | null) => (p === null ? 'in no container' : `in ${p}`);
    return {
      verdict: 'conflict',
      field: 'child',
      seenParent: op.seenParent,
      currentParent: current,
      message: `${name} was ${where(op.seenParent)} on the device but is ${where(current)} now: a supervisor decides where it belongs.`,
    };
  }
  const refusal = op.action === 'pack' ? packRefusal(hierarchy, op.parent, op.child) : unpackRefusal(hierarchy, op.parent, op.child);
  return refusal ? { verdict: 'refuse', refusal } : { verdict: 'apply' };
}
