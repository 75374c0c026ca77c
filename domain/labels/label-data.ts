import { encodeRaw, fullYear, isoToGs1Date, isValidGtin, toGtin14, type Element, type Gs1Error } from '../gs1';
import { AI_OF, FIELD_OF_AI, GS1_FIELDS, LabelInputSchema, type Gs1Field } from './fields';

/** Why a label was refused: the field to fix and a one-line reason that names it. */
export interface LabelDataError {
  field: string;
  message: string;
}

/** Label data GS1 has accepted: every barcode and text on the label is made from this. */
export interface LabelData {
  gtin: string;
  lot: string;
  expiry: string;
  serial?: string;
  mfgDate?: string;
  qty?: string;
  itemName?: string;
  /** The GS1 elements present, one per field, in label order: (01) (11) (17) (10) (21) (30). */
  elements: readonly Element[];
  byField: Readonly<Partial<Record<Gs1Field, Element>>>;
}

export type LabelDataResult = { ok: true; data: LabelData } | { ok: false; error: LabelDataError };

export interface LabelDataOptions {
  /** The year two-digit GS1 years are judged against; the current year unless a test fixes it. */
  referenceYear?: number;
}

const refuse = (field: string, reason: string): LabelDataResult => ({ ok: false, error: { field, message: `${field}: ${reason}` } });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date GS1 can write as YYMMDD without landing in another century; else the reason. */
function dateProblem(iso: string, referenceYear: number): string | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return `'${iso}' is not an ISO date (yyyy-mm-dd)`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return `'${iso}' is not a date`;
  if (fullYear(year % 100, referenceYear) !== year) {
    return `${year} is outside the years a GS1 date can carry (${referenceYear - 49}-${referenceYear + 50})`;
  }
  return null;
}

function qtyText(qty: number | string): string | null {
  const text = typeof qty === 'number' ? (Number.isInteger(qty) ? String(qty) : '') : qty;
  return /^[1-9]\d{0,7}$/.test(text) ? text : null;
}

/** A GS1 refusal told in the label's words: the field, not the AI. */
export function fieldError(error: Gs1Error): LabelDataError {
  const field = (error.ai && FIELD_OF_AI[error.ai]) || 'data';
  return { field, message: `${field}: ${error.message.replace(/^AI \(\d+\): /, '')}` };
}

/**
 * Checks label data the way GS1 will judge the printed barcode, before any ZPL exists: GTIN
 * check digit, GS1 character set 82 and 20-character limits on lot and serial, real dates.
 * Optional fields given as empty text count as absent (a CSV export writes them so).
 */
export function resolveLabelData(input: unknown, options: LabelDataOptions = {}): LabelDataResult {
  const parsed = LabelInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') return refuse(issue.keys[0]!, 'is not a label field');
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'data';
    return refuse(field, field === 'data' ? 'must be an object of label fields' : issue.message);
  }
  const given = parsed.data;
  const referenceYear = options.referenceYear ?? new Date().getFullYear();
  const present = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

  const gtin = /^(\d{8}|\d{12}|\d{13})$/.test(given.gtin) && isValidGtin(given.gtin) ? toGtin14(given.gtin) : given.gtin;
  const serial = present(given.serial);
  const mfgDate = present(given.mfgDate);
  const itemName = present(given.itemName);
  let qty: string | undefined;
  if (given.qty !== undefined && given.qty !== '') {
    const text = qtyText(given.qty);
    if (text === null) return refuse('qty', `'${given.qty}' is not a whole number from 1 to 99999999`);
    qty = text;
  }
  for (const [field, iso] of [['expiry', given.expiry], ['mfgDate', mfgDate]] as const) {
    if (iso === undefined) continue;
    const problem = dateProblem(iso, referenceYear);
    if (problem) return refuse(field, problem);
  }

  const values: Record<Gs1Field, string | undefined> = {
    gtin,
    mfgDate: mfgDate && isoToGs1Date(mfgDate),
    expiry: isoToGs1Date(given.expiry),
    lot: given.lot,
    serial,
    qty,
  };
  const byField: Partial<Record<Gs1Field, Element>> = {};
  const elements: Element[] = [];
  for (const field of GS1_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    const element = { ai: AI_OF[field], value };
    byField[field] = element;
    elements.push(element);
  }
  const checked = encodeRaw(elements, { referenceYear });
  if (!checked.ok) return { ok: false, error: fieldError(checked.error) };

  return {
    ok: true,
    data: {
      gtin,
      lot: given.lot,
      expiry: given.expiry,
      ...(serial === undefined ? {} : { serial }),
      ...(mfgDate === undefined ? {} : { mfgDate }),
      ...(qty === undefined ? {} : { qty }),
      ...(itemName === undefined ? {} : { itemName }),
      elements,
      byField,
    },
  };
}

/** The elements of the fields asked for that this label has, in the order asked. */
export function elementsFor(data: LabelData, fields: readonly Gs1Field[]): Element[] {
  const out: Element[] = [];
  for (const field of fields) {
    const element = data.byField[field];
    if (element) out.push(element);
  }
  return out;
}
