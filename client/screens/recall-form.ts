import { readScan } from '../../domain/gs1';
import type { EffectivenessLevel, FdaClass, Jurisdiction, NmpaClass, RecallDepth, RecallTerms } from '../../domain/recall';
import type { NewRecallBody, RecallScopeInput } from '../api/recalls';
import { labelFromElements } from './receive-label';

export type ScopeKind = RecallScopeInput['kind'];

/** The New recall form as typed: text as text, unset choices as ''. */
export interface RecallForm {
  reason: string;
  healthHazard: string;
  jurisdictions: Jurisdiction[];
  fda: FdaClass | '';
  nmpa: NmpaClass | '';
  euFsca: boolean;
  depth: RecallDepth | '';
  strategy: string;
  level: EffectivenessLevel | '';
  percent: string;
  drill: boolean;
  scope: ScopeFields;
}

export interface ScopeFields {
  kind: ScopeKind;
  lotNumber: string;
  gtin: string;
  serial: string;
  supplierLot: string;
  supplier: string;
  /** The whole family besides the forward walk. */
  family: boolean;
}

export const emptyScope = (): ScopeFields => ({ kind: 'lot', lotNumber: '', gtin: '', serial: '', supplierLot: '', supplier: '', family: false });

export const emptyRecallForm = (): RecallForm => ({
  reason: '',
  healthHazard: '',
  jurisdictions: [],
  fda: '',
  nmpa: '',
  euFsca: false,
  depth: '',
  strategy: '',
  level: '',
  percent: '',
  drill: false,
  scope: emptyScope(),
});

/** The scope input the server takes, or null while the field its kind needs is empty. */
export function scopeInputOf(fields: ScopeFields): RecallScopeInput | null {
  const input = startOf(fields);
  return input && fields.family ? { ...input, family: true } : input;
}

function startOf(fields: ScopeFields): RecallScopeInput | null {
  const gtin = fields.gtin.trim();
  switch (fields.kind) {
    case 'lot':
    case 'component_lot': {
      const lotNumber = fields.lotNumber.trim();
      if (!lotNumber) return null;
      return gtin ? { kind: fields.kind, lotNumber, gtin } : { kind: fields.kind, lotNumber };
    }
    case 'serial': {
      const serial = fields.serial.trim();
      return serial && gtin ? { kind: 'serial', gtin, serial } : null;
    }
    case 'supplier_lot': {
      const supplierLot = fields.supplierLot.trim();
      if (!supplierLot) return null;
      const supplier = fields.supplier.trim();
      return { kind: 'supplier_lot', supplierLot, ...(supplier ? { supplier } : {}), ...(gtin ? { gtin } : {}) };
    }
  }
}

/**
 * A scanned label as a scope: the lot when the label names one (a recall holds whole lots, so a
 * serial on the same label adds nothing), else the serial; null for a scan that is not a GS1
 * label of a product.
 */
export function scopeFromScan(scan: string): ScopeFields | null {
  const result = readScan(scan, { checkAssociations: false });
  if (!result.ok || result.kind !== 'gs1') return null;
  const label = labelFromElements(result.elements);
  if (!label) return null;
  if (label.lotNumber) return { ...emptyScope(), kind: 'lot', lotNumber: label.lotNumber, gtin: label.gtin };
  if (label.serial) return { ...emptyScope(), kind: 'serial', gtin: label.gtin, serial: label.serial };
  return null;
}

/**
 * The body of a new draft. Classes are sent only for the jurisdictions ticked, so unticking one
 * cannot leave its class behind; everything else goes as typed and the server judges it, so its
 * refusal names the field to fix.
 */
export function recallBody(form: RecallForm, scope: RecallScopeInput): NewRecallBody {
  const has = (j: Jurisdiction) => form.jurisdictions.includes(j);
  const percent = form.percent.trim();
  return {
    reason: form.reason,
    healthHazard: form.healthHazard,
    strategy: form.strategy,
    jurisdictions: form.jurisdictions,
    classes: { fda: has('US') && form.fda !== '' ? form.fda : null, nmpa: has('CN') && form.nmpa !== '' ? form.nmpa : null, euFsca: has('EU') && form.euFsca },
    depth: form.depth === '' ? null : form.depth,
    effectiveness: form.level === '' ? null : { level: form.level, percent: form.level === 'B' && percent !== '' ? Number(percent) : null },
    drill: form.drill,
    scope,
  };
}

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function listOf(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((p) => ({ field: String(p.field ?? ''), code: String(p.code ?? 'invalid'), message: String(p.message ?? '') }));
}

/**
 * The server's refusal of a recall, field by field, in the form's field names: schema issues
 * (400, `body.effectiveness.percent`), contradicting terms (422 invalid_terms) and what the case
 * lacks to open (422 transition_refused). A scope that matches nothing or is held elsewhere
 * belongs to the scope input. Anything else has no field and is shown as the page's error.
 */
export function fieldProblems(error: { status: number; code: string; message: string; details: Record<string, unknown> }): FieldProblem[] {
  if (error.code === 'invalid_request') {
    return listOf(error.details.issues).map((i) => {
      const field = i.field.replace(/^body\./, '');
      return { field: field.startsWith('scope.') ? 'scope' : field, code: 'invalid', message: i.message };
    });
  }
  if (error.code === 'invalid_terms') return listOf(error.details.problems);
  if (error.code === 'transition_refused') return listOf(error.details.gaps);
  if (error.code === 'scope_not_found' || error.code === 'lot_in_open_recall' || error.code === 'scope_too_deep') return [{ field: 'scope', code: error.code, message: error.message }];
  return [];
}

/** The terms a draft made from this body will have, as the server fills them in: for judging the opening before anything is written. */
export function termsOfBody(body: NewRecallBody): RecallTerms {
  return {
    reason: body.reason,
    healthHazard: body.healthHazard ?? '',
    classes: { fda: body.classes?.fda ?? null, nmpa: body.classes?.nmpa ?? null, euFsca: body.classes?.euFsca ?? false },
    depth: body.depth ?? null,
    strategy: body.strategy ?? '',
    effectiveness: body.effectiveness ? { level: body.effectiveness.level, percent: body.effectiveness.percent ?? null } : null,
    jurisdictions: body.jurisdictions ?? [],
  };
}

/** Share of what was brought in that the books find again, to one decimal as the server gives it; null when nothing was brought in. */
export function accountedPercent(broughtIn: number, unaccounted: number): number | null {
  return broughtIn === 0 ? null : Math.round(((broughtIn - unaccounted) / broughtIn) * 1000) / 10;
}
