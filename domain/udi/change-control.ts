import { diffRecords, type RecordChange } from './diff';
import { EUDAMED_FLAGS, type Jurisdiction, type UdiDeviceRecord } from './record';

interface Trigger {
  /** Regulators under whose rules a change of this field needs a new UDI-DI. */
  newDiUnder: readonly Jurisdiction[];
  /** EUDAMED: the change makes a different model, so a new Basic UDI-DI as well. */
  newBasicUdiDi?: true;
}

/**
 * Fields a published record keeps: FDA's GUDID guidance lists the changes that need a new
 * device identifier (brand, version or model, clinically relevant size, device count and
 * quantity per package, sterile packaging, sterilisation before use, single use, natural rubber
 * latex), MDCG 2018-1 lists the same for EUDAMED and adds what defines the Basic UDI-DI, and
 * NMPA ties the UDI-DI to the registration certificate, product name, class and model.
 */
export const NEW_DI_TRIGGERS: Readonly<Record<string, Trigger>> = {
  basicUdiDi: { newDiUnder: ['GUDID', 'EUDAMED', 'NMPA'], newBasicUdiDi: true },
  brandName: { newDiUnder: ['GUDID', 'EUDAMED'], newBasicUdiDi: true },
  modelNumber: { newDiUnder: ['GUDID', 'EUDAMED', 'NMPA'] },
  clinicalSize: { newDiUnder: ['GUDID', 'EUDAMED'] },
  sterile: { newDiUnder: ['GUDID', 'EUDAMED'] },
  sterilizationBeforeUse: { newDiUnder: ['GUDID', 'EUDAMED'] },
  singleUse: { newDiUnder: ['GUDID', 'EUDAMED'] },
  containsLatex: { newDiUnder: ['GUDID', 'EUDAMED'] },
  euRiskClass: { newDiUnder: ['EUDAMED'], newBasicUdiDi: true },
  manufacturerSrn: { newDiUnder: ['EUDAMED'], newBasicUdiDi: true },
  'nmpa.registrationNumber': { newDiUnder: ['NMPA'] },
  'nmpa.productName': { newDiUnder: ['NMPA'] },
  'nmpa.classification': { newDiUnder: ['NMPA'] },
  'nmpa.registrantName': { newDiUnder: ['NMPA'] },
  'packages.quantity': { newDiUnder: ['GUDID', 'EUDAMED', 'NMPA'] },
  'packages.contains': { newDiUnder: ['GUDID', 'EUDAMED', 'NMPA'] },
  // A DI once published stays in the record; a level no longer made is a status, not a deletion.
  'packages.removed': { newDiUnder: ['GUDID', 'EUDAMED', 'NMPA'] },
};

/** What to do instead of the refused edit: the same record under new identifiers. */
export interface NewDiProposal {
  /** UDI-DIs that must be replaced by new GTINs: the changed level and every level holding it. */
  replaceUdiDis: string[];
  newBasicUdiDi: boolean;
  /** The edit as asked, to be saved as a new record once the new identifiers are filled in. */
  record: UdiDeviceRecord;
}

export type PublishedEdit =
  | { ok: true; changes: RecordChange[] }
  | {
      ok: false;
      code: 'new_di_required';
      /** The first refused field; every one is in `refused`. */
      field: string;
      jurisdictions: Jurisdiction[];
      refused: { field: string; jurisdictions: readonly Jurisdiction[] }[];
      message: string;
      proposal: NewDiProposal;
    };

/** The DIs of a package and of every package that holds it, directly or through others. */
function withHolders(record: UdiDeviceRecord, udiDi: string): string[] {
  const found = [udiDi];
  for (let i = 0; i < found.length; i++) {
    for (const p of record.packages) if (p.contains === found[i] && !found.includes(p.udiDi)) found.push(p.udiDi);
  }
  return found;
}

const packageDiOf = (field: string): string | null => /^packages\[([^\]]+)\]/.exec(field)?.[1] ?? null;

/**
 * Judges an edit of a published record: changes that do not touch what identifies the device
 * (status, storage text, descriptions) are let through; any that does is refused, naming the
 * field and the regulators whose rules need a new DI, with the new record proposed.
 */
export function judgePublishedEdit(published: UdiDeviceRecord, proposed: UdiDeviceRecord): PublishedEdit {
  const changes = diffRecords(published, proposed);
  const refused = changes.flatMap((c) => {
    const trigger = NEW_DI_TRIGGERS[c.rule];
    return trigger ? [{ change: c, trigger }] : [];
  });
  if (refused.length === 0) return { ok: true, changes };

  const replace = new Set<string>();
  for (const { change } of refused) {
    const di = packageDiOf(change.field);
    const levels = di === null ? published.packages.map((p) => p.udiDi) : withHolders(published, di);
    for (const d of levels) replace.add(d);
  }
  const first = refused[0]!;
  const jurisdictions = [...new Set(refused.flatMap((r) => r.trigger.newDiUnder))];
  return {
    ok: false,
    code: 'new_di_required',
    field: first.change.field,
    jurisdictions,
    refused: refused.map((r) => ({
      field: r.change.field,
      jurisdictions: r.trigger.newDiUnder,
    })),
    message: `${first.change.field} of a published device cannot change under the same UDI-DI (${first.trigger.newDiUnder.join(', ')}): publish the change as a new device identifier.`,
    proposal: {
      replaceUdiDis: [...replace],
      newBasicUdiDi: refused.some((r) => r.trigger.newBasicUdiDi),
      record: proposed,
    },
  };
}

/** Whether a change touches a field regulators hold the manufacturer to: these need a signed approval. */
export const REGULATED_RULES: ReadonlySet<string> = new Set([
  ...Object.keys(NEW_DI_TRIGGERS),
  'packages.added',
  'productionIdentifiers.lot',
  'productionIdentifiers.serial',
  'productionIdentifiers.manufactureDate',
  'productionIdentifiers.expiry',
  'gmdnCode',
  'emdnCode',
  'labelerDuns',
  'nmpa.classificationCode',
  'mriSafety',
  'storage',
  'status',
  // EUDAMED's Basic UDI-DI characteristics are declarations of the manufacturer to the regulator.
  ...EUDAMED_FLAGS.map((f) => `eudamed.${f}`),
]);

export const isRegulatedChange = (change: RecordChange): boolean => REGULATED_RULES.has(change.rule);
