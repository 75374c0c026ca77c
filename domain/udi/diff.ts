import { NESTED_FIELDS, RECORD_FIELDS, eudamedFlagsOf, type UdiDeviceRecord, type UdiPackage } from './record';

/** One field that differs between two versions of a record. */
export interface RecordChange {
  /** Where, e.g. "brandName", "nmpa.registrationNumber", "packages[00812345000018].quantity". */
  field: string;
  /** The field's rule name, the package's DI left out: "packages.quantity". */
  rule: string;
  before: unknown;
  after: unknown;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function nestedChanges<T extends object>(key: string, before: T, after: T, fields: readonly (keyof T & string)[]): RecordChange[] {
  return fields
    .filter((f) => !same(before[f], after[f]))
    .map((f) => ({
      field: `${key}.${f}`,
      rule: `${key}.${f}`,
      before: before[f] ?? null,
      after: after[f] ?? null,
    }));
}

function packageChanges(before: readonly UdiPackage[], after: readonly UdiPackage[]): RecordChange[] {
  const changes: RecordChange[] = [];
  const was = new Map(before.map((p) => [p.udiDi, p]));
  const now = new Map(after.map((p) => [p.udiDi, p]));
  // Packages are compared by their DI, not their place in the list: reordering is no change.
  for (const [di, old] of was) {
    const fresh = now.get(di);
    if (!fresh)
      changes.push({
        field: `packages[${di}]`,
        rule: 'packages.removed',
        before: old,
        after: null,
      });
    else {
      for (const key of ['quantity', 'contains'] as const) {
        if (old[key] !== fresh[key])
          changes.push({
            field: `packages[${di}].${key}`,
            rule: `packages.${key}`,
            before: old[key],
            after: fresh[key],
          });
      }
    }
  }
  for (const [di, fresh] of now)
    if (!was.has(di))
      changes.push({
        field: `packages[${di}]`,
        rule: 'packages.added',
        before: null,
        after: fresh,
      });
  return changes;
}

/** What changed from one version of a device record to another, field by field. */
export function diffRecords(before: UdiDeviceRecord, after: UdiDeviceRecord): RecordChange[] {
  const changes: RecordChange[] = [];
  for (const key of RECORD_FIELDS) {
    if (key === 'packages') continue;
    if (key === 'productionIdentifiers') changes.push(...nestedChanges(key, before[key], after[key], NESTED_FIELDS[key]));
    else if (key === 'nmpa') changes.push(...nestedChanges(key, before[key], after[key], NESTED_FIELDS[key]));
    else if (key === 'eudamed') changes.push(...nestedChanges(key, eudamedFlagsOf(before), eudamedFlagsOf(after), NESTED_FIELDS[key]));
    else if (!same(before[key], after[key]))
      changes.push({
        field: key,
        rule: key,
        before: before[key] ?? null,
        after: after[key] ?? null,
      });
  }
  return [...changes, ...packageChanges(before.packages, after.packages)];
}
