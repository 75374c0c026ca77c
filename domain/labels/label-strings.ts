import { encodeBracketed, encodeDigitalLink, encodeRaw, type Element } from '../gs1';
import { FIELD_OF_AI, type Gs1Field, type TextField } from './fields';
import { elementsFor, fieldError, type LabelData, type LabelDataError } from './label-data';
import { gs1128Data, type Gs1128Data } from './zpl-barcodes';

/**
 * One label being made: its checked data, the year its dates are judged against, and each
 * element's bracketed form once domain/gs1 has written it (a label prints the same element in
 * several places: a UDI line, a GS1-128 interpretation line, the full UDI).
 */
export interface LabelRun {
  data: LabelData;
  options: { checkAssociations: false; referenceYear: number };
  bracketed: Map<Element, string>;
}

export const newLabelRun = (data: LabelData, referenceYear: number): LabelRun => ({ data, options: { checkAssociations: false, referenceYear }, bracketed: new Map() });

export const isError = (value: unknown): value is LabelDataError => typeof value === 'object' && value !== null && 'message' in value;

const elementsOf = (run: LabelRun, fields: readonly Gs1Field[] | null) => (fields ? elementsFor(run.data, fields) : run.data.elements);

function bracketedOf(run: LabelRun, element: Element): string | LabelDataError {
  const known = run.bracketed.get(element);
  if (known !== undefined) return known;
  const result = encodeBracketed([element], run.options);
  if (!result.ok) return fieldError(result.error);
  run.bracketed.set(element, result.value);
  return result.value;
}

/** The element strings are built by domain/gs1 from checked data; a template never spells one out. */
export function elementString(run: LabelRun, fields: readonly Gs1Field[] | null): string | null | LabelDataError {
  const elements = elementsOf(run, fields);
  if (elements.length === 0) return null;
  const result = encodeRaw(elements, run.options);
  return result.ok ? result.value : fieldError(result.error);
}

/**
 * ^BC data for the fields of a GS1-128, or null when the label has none of them. Refused when
 * GS1's 48-character cap is passed.
 */
export function gs1128For(run: LabelRun, fields: readonly Gs1Field[] | null): Gs1128Data | null | LabelDataError {
  const raw = elementString(run, fields);
  if (raw === null || isError(raw)) return raw;
  const tooLong = gs1128TooLong(raw, run.data, fields);
  if (tooLong) return tooLong;
  const bracketed: string[] = [];
  for (const element of elementsOf(run, fields)) {
    const one = bracketedOf(run, element);
    if (isError(one)) return one;
    bracketed.push(one);
  }
  return gs1128Data(raw, bracketed);
}

/**
 * `(01)…(17)…(10)…` for people, or undefined when the label has none of the fields. A bracketed
 * message is its elements' bracketed forms in order; the parentheses a lot may hold are shown
 * as they are, not escaped as machines need them.
 */
export function forPeople(run: LabelRun, fields: readonly Gs1Field[]): string | undefined | LabelDataError {
  let text = '';
  for (const element of elementsOf(run, fields)) {
    const one = bracketedOf(run, element);
    if (isError(one)) return one;
    text += one;
  }
  return text === '' ? undefined : text.replaceAll('\\(', '(');
}

export function digitalLink(run: LabelRun, fields: readonly Gs1Field[] | null, domain: string): string | null | LabelDataError {
  const elements = elementsOf(run, fields);
  if (elements.length === 0) return null;
  const result = encodeDigitalLink(elements, { ...run.options, domain });
  return result.ok ? result.value : fieldError(result.error);
}

const presentFields = (data: LabelData, fields: readonly Gs1Field[] | null) => (fields ?? data.elements.map((e) => FIELD_OF_AI[e.ai]!)).filter((f) => data.byField[f]);

/** The field to shorten when a barcode is too big: the longest one it carries. */
export function longestField(data: LabelData, fields: readonly Gs1Field[] | null): Gs1Field | 'data' {
  return [...presentFields(data, fields)].sort((a, b) => data.byField[b]!.value.length - data.byField[a]!.value.length)[0] ?? 'data';
}

/** GS1 caps a GS1-128 symbol at 48 data characters (AIs and separators included). */
export function gs1128TooLong(raw: string, data: LabelData, fields: readonly Gs1Field[] | null): LabelDataError | null {
  if (raw.length <= 48) return null;
  const present = presentFields(data, fields);
  const longest = longestField(data, fields);
  return {
    field: longest,
    message: `${longest}: the GS1-128 of ${present.join(', ')} would hold ${raw.length} characters, GS1 allows 48; shorten ${longest} or split the barcode`,
  };
}

const UDI_FIELDS: readonly Gs1Field[] = ['gtin', 'mfgDate', 'expiry', 'lot', 'serial'];
const UDI_LINE: Partial<Record<TextField, Gs1Field>> = { udi01: 'gtin', udi11: 'mfgDate', udi17: 'expiry', udi10: 'lot', udi21: 'serial', udi30: 'qty' };

/** The text values a template prints, computed only for the fields it uses. Absent fields are undefined. */
export function textValues(run: LabelRun, needed: readonly TextField[]): Partial<Record<TextField, string>> | LabelDataError {
  const data = run.data;
  const out: Partial<Record<TextField, string>> = {};
  for (const name of needed) {
    let value: string | LabelDataError | undefined;
    switch (name) {
      case 'udiDi':
        value = data.gtin;
        break;
      case 'expiryYymmdd':
        value = data.byField.expiry?.value;
        break;
      case 'mfgDateYymmdd':
        value = data.byField.mfgDate?.value;
        break;
      case 'udi':
        // The UDI is the device identifier and production identifiers; a count is not part of it.
        value = forPeople(run, UDI_FIELDS);
        break;
      case 'udi01':
      case 'udi11':
      case 'udi17':
      case 'udi10':
      case 'udi21':
      case 'udi30':
        value = forPeople(run, [UDI_LINE[name]!]);
        break;
      default:
        value = data[name];
    }
    if (isError(value)) return value;
    if (value !== undefined) out[name] = value;
  }
  return out;
}
