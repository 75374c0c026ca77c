import type { UdiDeviceRecord, UdiPackage } from '../record';

/** The package levels from the base unit up, each with its depth (the base unit is 0). */
export function levelsFromBase(record: UdiDeviceRecord): { pkg: UdiPackage; depth: number }[] {
  const base = record.packages.find((p) => p.contains === null);
  if (!base) return [];
  const out = [{ pkg: base, depth: 0 }];
  for (let i = 0; i < out.length; i++) {
    for (const p of record.packages) if (p.contains === out[i]!.pkg.udiDi) out.push({ pkg: p, depth: out[i]!.depth + 1 });
  }
  return out;
}
