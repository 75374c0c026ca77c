import type { LotStatus } from '../lots/status';

/**
 * Packaging levels from the smallest up. A container holds things of a lower level only: units
 * in an inner pack or a case, cases on a pallet.
 */
export const PACK_LEVELS = ['unit', 'inner', 'case', 'pallet'] as const;
export type PackLevel = (typeof PACK_LEVELS)[number];
export type ContainerLevel = Exclude<PackLevel, 'unit'>;

const rank = (level: PackLevel) => PACK_LEVELS.indexOf(level);

/**
 * What a packaging spec allows in one container: which levels go in, how many children at most,
 * and whether its contents may mix lots or items.
 */
export interface PackagingSpec {
  level: ContainerLevel;
  childLevels: readonly PackLevel[];
  /** Children directly inside (units counted by quantity, containers by one each). */
  capacity: number;
  mix: 'one_lot' | 'one_item' | 'mixed';
}

/** Units of one lot: a serialized unit (qty 1) or a quantity of a lot packed without serials. */
export interface UnitLine {
  gtin: string;
  lotNumber: string;
  serial: string | null;
  qty: number;
  expiresOn: string | null;
  lotStatus: LotStatus;
}

export interface Container {
  sscc: string;
  spec: PackagingSpec;
  /** The container it sits in, or null. */
  parent: string | null;
  /** Each pack or unpack makes a new version; its label is reprinted with it. */
  version: number;
  shipped: boolean;
  units: UnitLine[];
}

/** Every container known, by SSCC. A value: operations return a new hierarchy. */
export type Hierarchy = ReadonlyMap<string, Container>;

/** The child of a pack or unpack: a container by its SSCC, or units of a lot. */
export type PackChild = { kind: 'container'; sscc: string } | { kind: 'units'; line: UnitLine };

export type PackRefusalCode =
  | 'unknown_container'
  | 'container_shipped'
  | 'child_in_other_parent'
  | 'child_is_parent'
  | 'cycle'
  | 'level_order'
  | 'over_capacity'
  | 'mixed_lots'
  | 'mixed_items'
  | 'child_not_available'
  | 'not_packed_here'
  | 'qty_not_packed';

export interface PackRefusal {
  code: PackRefusalCode;
  /** The field of the op the refusal is about. */
  field: 'parent' | 'child';
  message: string;
  /** The container the child already sits in, for child_in_other_parent. */
  otherParent?: string;
}

/**
 * Lot statuses whose units may not be packed. Quarantine is allowed: finished goods are packed
 * while QC decides, and shipping checks release.
 */
export const UNPACKABLE: ReadonlySet<LotStatus> = new Set(['on_hold', 'recalled', 'rejected', 'scrapped', 'expired']);

const refuse = (code: PackRefusalCode, field: PackRefusal['field'], message: string, otherParent?: string): PackRefusal => ({ code, field, message, ...(otherParent ? { otherParent } : {}) });

export const unitKey = (line: Pick<UnitLine, 'gtin' | 'lotNumber' | 'serial'>) => (line.serial === null ? `${line.gtin}/${line.lotNumber}` : `${line.gtin}/${line.lotNumber}/${line.serial}`);

/** The container a serialized unit sits in, if any. */
export function parentOfSerial(hierarchy: Hierarchy, gtin: string, serial: string): string | null {
  for (const container of hierarchy.values()) if (container.units.some((u) => u.gtin === gtin && u.serial === serial)) return container.sscc;
  return null;
}

/** The containers from this one up to the outermost. */
export function ancestors(hierarchy: Hierarchy, sscc: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>([sscc]);
  for (let at = hierarchy.get(sscc)?.parent ?? null; at !== null; at = hierarchy.get(at)?.parent ?? null) {
    // A stored cycle would loop for ever; it is cut here and refused on every pack.
    if (seen.has(at)) break;
    seen.add(at);
    chain.push(at);
  }
  return chain;
}

/** The containers directly inside one. */
export function childContainers(hierarchy: Hierarchy, sscc: string): Container[] {
  return [...hierarchy.values()].filter((c) => c.parent === sscc);
}

/** Every container inside one, at any depth, nearest first. */
export function descendants(hierarchy: Hierarchy, sscc: string): Container[] {
  const found: Container[] = [];
  const queue = [sscc];
  const seen = new Set(queue);
  while (queue.length > 0) {
    for (const child of childContainers(hierarchy, queue.shift()!)) {
      if (seen.has(child.sscc)) continue;
      seen.add(child.sscc);
      found.push(child);
      queue.push(child.sscc);
    }
  }
  return found;
}

/** Every unit line inside a container, at any depth: what ships when it ships. */
export function unitsWithin(hierarchy: Hierarchy, sscc: string): UnitLine[] {
  const self = hierarchy.get(sscc);
  if (!self) return [];
  return [self, ...descendants(hierarchy, sscc)].flatMap((c) => c.units);
}

function directCount(hierarchy: Hierarchy, container: Container): number {
  return container.units.reduce((sum, u) => sum + u.qty, 0) + childContainers(hierarchy, container.sscc).length;
}

function wouldMix(spec: PackagingSpec, present: readonly UnitLine[], incoming: readonly UnitLine[]): PackRefusalCode | null {
  if (spec.mix === 'mixed' || present.length === 0) return null;
  const first = present[0]!;
  for (const line of incoming) {
    if (line.gtin !== first.gtin) return 'mixed_items';
    if (spec.mix === 'one_lot' && line.lotNumber !== first.lotNumber) return 'mixed_lots';
  }
  return null;
}

/**
 * Why a child may not go into a container, or null when it may. Enforced alike on the handheld
 * (before the op is queued) and on the server (when it applies): one parent per child, no
 * cycles, levels in order, the spec's capacity and mix, nothing held, nothing shipped.
 */
export function packRefusal(hierarchy: Hierarchy, parentSscc: string, child: PackChild): PackRefusal | null {
  const parent = hierarchy.get(parentSscc);
  if (!parent) return refuse('unknown_container', 'parent', `Container ${parentSscc} is not known.`);
  if (parent.shipped) return refuse('container_shipped', 'parent', `Container ${parentSscc} has shipped: nothing more goes into it.`);
  const spec = parent.spec;
  if (child.kind === 'container') {
    if (child.sscc === parentSscc) return refuse('child_is_parent', 'child', `Container ${parentSscc} cannot go into itself.`);
    const inner = hierarchy.get(child.sscc);
    if (!inner) return refuse('unknown_container', 'child', `Container ${child.sscc} is not known.`);
    if (inner.shipped) return refuse('container_shipped', 'child', `Container ${child.sscc} has shipped.`);
    if (inner.parent !== null && inner.parent !== parentSscc) return refuse('child_in_other_parent', 'child', `Container ${child.sscc} is already in ${inner.parent}: unpack it there first.`, inner.parent);
    if (inner.parent === parentSscc) return refuse('child_in_other_parent', 'child', `Container ${child.sscc} is already in ${parentSscc}.`, parentSscc);
    if (ancestors(hierarchy, parentSscc).includes(child.sscc)) return refuse('cycle', 'child', `Container ${parentSscc} is inside ${child.sscc}: packing ${child.sscc} into it would make a loop.`);
    if (!spec.childLevels.includes(inner.spec.level) || rank(inner.spec.level) >= rank(spec.level))
      return refuse('level_order', 'child', `A ${inner.spec.level} does not go into a ${spec.level}.`);
    if (directCount(hierarchy, parent) + 1 > spec.capacity) return refuse('over_capacity', 'parent', `Container ${parentSscc} is full: it holds ${spec.capacity}.`);
    const units = unitsWithin(hierarchy, child.sscc);
    const blocked = units.find((u) => UNPACKABLE.has(u.lotStatus));
    if (blocked) return refuse('child_not_available', 'child', `Container ${child.sscc} holds lot ${blocked.lotNumber}, which is ${blocked.lotStatus.replace('_', ' ')}.`);
    const mix = wouldMix(spec, unitsWithin(hierarchy, parentSscc), units);
    if (mix) return refuse(mix, 'child', mixMessage(mix, parentSscc));
    return null;
  }
  const line = child.line;
  if (!spec.childLevels.includes('unit')) return refuse('level_order', 'child', `Units do not go straight into a ${spec.level}.`);
  if (UNPACKABLE.has(line.lotStatus)) return refuse('child_not_available', 'child', `Lot ${line.lotNumber} is ${line.lotStatus.replace('_', ' ')}: it cannot be packed.`);
  if (line.serial !== null) {
    const already = parentOfSerial(hierarchy, line.gtin, line.serial);
    if (already !== null) return refuse('child_in_other_parent', 'child', `Serial ${line.serial} is already in ${already}${already === parentSscc ? '' : ': unpack it there first'}.`, already);
  }
  if (directCount(hierarchy, parent) + line.qty > spec.capacity) return refuse('over_capacity', 'parent', `Container ${parentSscc} is full: it holds ${spec.capacity}.`);
  const mix = wouldMix(spec, unitsWithin(hierarchy, parentSscc), [line]);
  if (mix) return refuse(mix, 'child', mixMessage(mix, parentSscc));
  return null;
}

function mixMessage(code: PackRefusalCode, parentSscc: string): string {
  return code === 'mixed_items' ? `Container ${parentSscc} holds one item only.` : `Container ${parentSscc} holds one lot only.`;
}

/**
 * Why a child may not come out of its container, or null. A child is unpacked by scanning it
 * alone: its container is the one it sits in. Nothing comes out of what has shipped.
 */
export function unpackRefusal(hierarchy: Hierarchy, parentSscc: string, child: PackChild): PackRefusal | null {
  const parent = hierarchy.get(parentSscc);
  if (!parent) return refuse('unknown_container', 'parent', `Container ${parentSscc} is not known.`);
  const shipped = [parentSscc, ...ancestors(hierarchy, parentSscc)].find((s) => hierarchy.get(s)?.shipped);
  if (shipped) return refuse('container_shipped', 'parent', `Container ${shipped} has shipped: nothing comes out of it here.`);
  if (child.kind === 'container') {
    if (hierarchy.get(child.sscc)?.parent !== parentSscc) return refuse('not_packed_here', 'child', `Container ${child.sscc} is not in ${parentSscc}.`);
    return null;
  }
  const packed = parent.units.filter((u) => u.gtin === child.line.gtin && u.lotNumber === child.line.lotNumber && u.serial === child.line.serial);
  if (packed.length === 0) return refuse('not_packed_here', 'child', `${child.line.serial ? `Serial ${child.line.serial}` : `Lot ${child.line.lotNumber}`} is not in ${parentSscc}.`);
  const qty = packed.reduce((sum, u) => sum + u.qty, 0);
  if (child.line.qty > qty) return refuse('qty_not_packed', 'child', `Only ${qty} of lot ${child.line.lotNumber} are in ${parentSscc}.`);
  return null;
}

function withContainer(hierarchy: Hierarchy, container: Container): Hierarchy {
  const next = new Map(hierarchy);
  next.set(container.sscc, container);
  return next;
}

/** Packs a child that packRefusal allowed; the parent's version goes up. */
export function pack(hierarchy: Hierarchy, parentSscc: string, child: PackChild): Hierarchy {
  const refusal = packRefusal(hierarchy, parentSscc, child);
  if (refusal) throw new Error(refusal.message);
  const parent = hierarchy.get(parentSscc)!;
  if (child.kind === 'container') {
    const inner = hierarchy.get(child.sscc)!;
    return withContainer(withContainer(hierarchy, { ...inner, parent: parentSscc }), { ...parent, version: parent.version + 1 });
  }
  const line = child.line;
  const same = parent.units.findIndex((u) => u.serial === null && line.serial === null && u.gtin === line.gtin && u.lotNumber === line.lotNumber);
  const units = same < 0 ? [...parent.units, line] : parent.units.map((u, i) => (i === same ? { ...u, qty: round3(u.qty + line.qty) } : u));
  return withContainer(hierarchy, { ...parent, units, version: parent.version + 1 });
}

/** Takes out a child that unpackRefusal allowed; the parent's version goes up. */
export function unpack(hierarchy: Hierarchy, parentSscc: string, child: PackChild): Hierarchy {
  const refusal = unpackRefusal(hierarchy, parentSscc, child);
  if (refusal) throw new Error(refusal.message);
  const parent = hierarchy.get(parentSscc)!;
  if (child.kind === 'container') {
    const inner = hierarchy.get(child.sscc)!;
    return withContainer(withContainer(hierarchy, { ...inner, parent: null }), { ...parent, version: parent.version + 1 });
  }
  let left = child.line.qty;
  const units: UnitLine[] = [];
  for (const u of parent.units) {
    if (left > 0 && u.gtin === child.line.gtin && u.lotNumber === child.line.lotNumber && u.serial === child.line.serial) {
      const taken = Math.min(u.qty, left);
      left = round3(left - taken);
      if (u.qty - taken > 0) units.push({ ...u, qty: round3(u.qty - taken) });
    } else units.push(u);
  }
  return withContainer(hierarchy, { ...parent, units, version: parent.version + 1 });
}

/** Quantities are kept to three decimals, as the ledger keeps them. */
function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
