import type { TFunction } from 'i18next';
import { UNPACKABLE, childName, unitsWithin, type Hierarchy, type LabelDifference, type PackChild, type PackRefusal } from '../../domain/packaging';

/** The child as the packer reads it: a serial, an SSCC, or a quantity of a lot. */
export function describeChild(t: TFunction, child: PackChild): string {
  if (child.kind === 'units' && child.line.serial === null) return t('pack.lotQty', { qty: child.line.qty, lot: child.line.lotNumber });
  return childName(child);
}

/** Why the rules keep a child out (or in), in the packer's language, with what each reason names. */
export function describePackRefusal(t: TFunction, hierarchy: Hierarchy, parent: string, child: PackChild, refusal: PackRefusal): string {
  const container = hierarchy.get(parent);
  const childLevel = child.kind === 'units' ? 'unit' : (hierarchy.get(child.sscc)?.spec.level ?? 'case');
  const blocked = child.kind === 'units' ? child.line : unitsWithin(hierarchy, child.sscc).find((u) => UNPACKABLE.has(u.lotStatus));
  return t(`pack.reason.${refusal.code}`, {
    parent,
    sscc: refusal.field === 'parent' || child.kind === 'units' ? parent : child.sscc,
    other: refusal.otherParent ?? '',
    capacity: container?.spec.capacity ?? 0,
    level: t(`pack.levels.${container?.spec.level ?? 'case'}`),
    childLevel: t(`pack.levels.${childLevel}`),
    lot: blocked?.lotNumber ?? '',
    status: blocked ? t(`lookup.statuses.${blocked.lotStatus}`) : '',
  });
}

/** What a scanned label says that the container does not, each element by its name and AI. */
export function describeLabelDifferences(t: TFunction, differences: readonly LabelDifference[]): string {
  return differences
    .map((d) => {
      const field = t(`pack.label.fields.${d.field}`);
      return d.expected === null ? t('pack.label.notOnLabel', { field, found: d.found }) : t('pack.label.difference', { field, found: d.found, expected: d.expected });
    })
    .join('; ');
}
