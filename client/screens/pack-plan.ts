import type { LotStatus } from '../../domain/lots';
import { applyPackOp, childContainers, judgePackOp, type Container, type Hierarchy, type PackChild, type PackOp, type PackagingSpec, type UnitLine } from '../../domain/packaging';
import type { ContainerDoc, OpDoc } from '../../sync';

/** What the device knows of a lot: enough for the packing rules (held stock stays out). */
export interface LotFacts {
  lotStatus: LotStatus;
  expiresOn: string | null;
}

export type LotFactsOf = (gtin: string, lotNumber: string) => LotFacts | null;

/** A packaging spec by the name the server knows it by. */
export interface NamedSpec extends PackagingSpec {
  name: string;
}

/**
 * The specs migration 059 seeds on every server: a handheld can open a new case or pallet with
 * them before it has seen any container of that spec. The server judges against its own rows.
 */
export const SEEDED_SPECS: readonly NamedSpec[] = [
  { name: 'case-48', level: 'case', childLevels: ['unit', 'inner'], capacity: 48, mix: 'one_lot' },
  { name: 'pallet-40', level: 'pallet', childLevels: ['case'], capacity: 40, mix: 'mixed' },
];

/** Specs to choose from for a new container: those seen on replicated containers, then the seeded ones not among them. */
export function knownSpecs(containers: readonly ContainerDoc[]): NamedSpec[] {
  const byName = new Map<string, NamedSpec>();
  for (const c of containers) if (!byName.has(c.spec.name)) byName.set(c.spec.name, { ...c.spec });
  for (const s of SEEDED_SPECS) if (!byName.has(s.name)) byName.set(s.name, s);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A lot the device does not know (yet) is packed as the server last allowed it: it was accepted
 * there, so only a later hold, which the lots pull brings, would keep it out.
 */
const UNKNOWN_LOT: LotFacts = { lotStatus: 'quarantine', expiresOn: null };

export function unitLine(unit: ContainerDoc['units'][number], lotOf: LotFactsOf): UnitLine {
  const facts = lotOf(unit.gtin, unit.lotNumber) ?? UNKNOWN_LOT;
  return { gtin: unit.gtin, lotNumber: unit.lotNumber, serial: unit.serial, qty: unit.qty, expiresOn: facts.expiresOn, lotStatus: facts.lotStatus };
}

/** A queued pack or unpack as the packing rules read it; null for anything else. */
export function packOpOf(op: Pick<OpDoc, 'type' | 'payload'>, lotOf: LotFactsOf): (PackOp & { spec: string | null }) | null {
  if (op.type !== 'pack' && op.type !== 'unpack') return null;
  const p = op.payload as { parent?: string; spec?: string | null; seenParent?: string | null; child?: { sscc?: string; gtin?: string; lotNumber?: string; serial?: string | null; qty?: number } };
  if (typeof p.parent !== 'string' || !p.child) return null;
  let child: PackChild;
  if (typeof p.child.sscc === 'string') child = { kind: 'container', sscc: p.child.sscc };
  else if (typeof p.child.gtin === 'string' && typeof p.child.lotNumber === 'string' && typeof p.child.qty === 'number')
    child = { kind: 'units', line: unitLine({ gtin: p.child.gtin, lotNumber: p.child.lotNumber, serial: p.child.serial ?? null, qty: p.child.qty }, lotOf) };
  else return null;
  const seenParent = op.type === 'unpack' ? p.parent : (p.seenParent ?? null);
  return { action: op.type, parent: p.parent, child, seenParent, spec: p.spec ?? null };
}

/** An issued SSCC with nothing packed yet, as the rules see it once the device names its spec. */
export function newContainer(sscc: string, spec: PackagingSpec): Container {
  return { sscc, spec: { level: spec.level, childLevels: spec.childLevels, capacity: spec.capacity, mix: spec.mix }, parent: null, version: 0, shipped: false, units: [] };
}

/**
 * The containers as this device sees them: what the server last sent, with the packs and unpacks
 * still queued here played on top in the order they were made. A queued op the rules would not
 * apply now is left out: the server will refuse it or hand it to the supervisor, and this device
 * must not pack against a state nobody will have.
 */
export function hierarchyOnDevice(containers: readonly ContainerDoc[], queued: readonly OpDoc[], lotOf: LotFactsOf, specs: readonly NamedSpec[]): Hierarchy {
  let hierarchy: Hierarchy = new Map(
    containers.map((c) => [c.sscc, { sscc: c.sscc, spec: { level: c.spec.level, childLevels: c.spec.childLevels, capacity: c.spec.capacity, mix: c.spec.mix }, parent: c.parent, version: c.version, shipped: c.shipped, units: c.units.map((u) => unitLine(u, lotOf)) }]),
  );
  const ordered = [...queued].filter((o) => o.status === 'queued').sort((a, b) => a.deviceTime.localeCompare(b.deviceTime) || a.id.localeCompare(b.id));
  for (const op of ordered) {
    const packOp = packOpOf(op, lotOf);
    if (!packOp) continue;
    if (!hierarchy.has(packOp.parent) && packOp.action === 'pack') {
      const spec = specs.find((s) => s.name === packOp.spec);
      if (!spec) continue;
      hierarchy = new Map(hierarchy).set(packOp.parent, newContainer(packOp.parent, spec));
    }
    if (judgePackOp(hierarchy, packOp).verdict !== 'apply') continue;
    hierarchy = applyPackOp(hierarchy, packOp).hierarchy;
  }
  return hierarchy;
}

/** How full a container is: units by quantity, containers by one each, as capacity counts them. */
export function fillOf(hierarchy: Hierarchy, sscc: string): { count: number; capacity: number } | null {
  const container = hierarchy.get(sscc);
  if (!container) return null;
  const count = container.units.reduce((sum, u) => sum + u.qty, 0) + childContainers(hierarchy, sscc).length;
  return { count: Math.round(count * 1000) / 1000, capacity: container.spec.capacity };
}

/** Where a container is now: loose, inside another, or shipped. */
export function containerStatus(hierarchy: Hierarchy, sscc: string): { status: 'loose' | 'packed' | 'shipped'; parent: string | null } | null {
  const container = hierarchy.get(sscc);
  if (!container) return null;
  return { status: container.shipped ? 'shipped' : container.parent ? 'packed' : 'loose', parent: container.parent };
}

/** The container that holds a lot packed by quantity, when exactly one does: an unpack of it needs no parent scanned. */
export function holderOfLot(hierarchy: Hierarchy, gtin: string, lotNumber: string): string[] {
  return [...hierarchy.values()].filter((c) => c.units.some((u) => u.serial === null && u.gtin === gtin && u.lotNumber === lotNumber)).map((c) => c.sscc);
}
