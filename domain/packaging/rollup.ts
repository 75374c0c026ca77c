import { UNPACKABLE, childContainers, unitsWithin, type Hierarchy, type PackLevel } from './hierarchy';

/** One item and lot inside a container, at any depth. */
export interface RollUpLine {
  gtin: string;
  lotNumber: string;
  qty: number;
  /** Serials among them; the rest were packed by quantity. */
  serials: number;
  expiresOn: string | null;
  /** Units of this lot that may not ship now (held, recalled, expired...). */
  held: number;
}

/** What a container holds, by GTIN and lot, sorted so the earliest expiry comes first. */
export function rollUp(hierarchy: Hierarchy, sscc: string): RollUpLine[] {
  const lines = new Map<string, RollUpLine>();
  for (const unit of unitsWithin(hierarchy, sscc)) {
    const key = `${unit.gtin}/${unit.lotNumber}`;
    const line = lines.get(key) ?? { gtin: unit.gtin, lotNumber: unit.lotNumber, qty: 0, serials: 0, expiresOn: unit.expiresOn, held: 0 };
    line.qty = Math.round((line.qty + unit.qty) * 1000) / 1000;
    if (unit.serial !== null) line.serials += 1;
    if (UNPACKABLE.has(unit.lotStatus)) line.held = Math.round((line.held + unit.qty) * 1000) / 1000;
    if (unit.expiresOn !== null && (line.expiresOn === null || unit.expiresOn < line.expiresOn)) line.expiresOn = unit.expiresOn;
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) => (a.expiresOn ?? '9999').localeCompare(b.expiresOn ?? '9999') || a.gtin.localeCompare(b.gtin) || a.lotNumber.localeCompare(b.lotNumber));
}

/** The earliest expiry anywhere inside, or null when nothing inside expires. */
export function earliestExpiry(hierarchy: Hierarchy, sscc: string): string | null {
  return rollUp(hierarchy, sscc)[0]?.expiresOn ?? null;
}

/** A container as a tree, for the screen that shows what a scanned SSCC holds. */
export interface ContainerTree {
  sscc: string;
  level: PackLevel;
  version: number;
  shipped: boolean;
  units: { gtin: string; lotNumber: string; serial: string | null; qty: number }[];
  children: ContainerTree[];
}

export function containerTree(hierarchy: Hierarchy, sscc: string, seen: ReadonlySet<string> = new Set()): ContainerTree | null {
  const container = hierarchy.get(sscc);
  if (!container || seen.has(sscc)) return null;
  const inside = new Set(seen).add(sscc);
  return {
    sscc,
    level: container.spec.level,
    version: container.version,
    shipped: container.shipped,
    units: container.units.map(({ gtin, lotNumber, serial, qty }) => ({ gtin, lotNumber, serial, qty })),
    children: childContainers(hierarchy, sscc)
      .map((c) => containerTree(hierarchy, c.sscc, inside))
      .filter((t): t is ContainerTree => t !== null)
      .sort((a, b) => a.sscc.localeCompare(b.sscc)),
  };
}
