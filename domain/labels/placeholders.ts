import { isBarcodeField, isGs1Field, isTextField, type BarcodeField, type Gs1Field, type TextField } from './fields';

/** `{{lot}}` or, for barcode data, `{{gs1128:gtin,expiry}}`: which GS1 fields, in that order. */
export type Placeholder =
  | { kind: 'text'; name: TextField; start: number; end: number }
  | { kind: 'barcode'; name: BarcodeField; fields: Gs1Field[] | null; start: number; end: number };

export type PlaceholderScan = { ok: true; placeholders: Placeholder[] } | { ok: false; problem: string; at: number };

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

function read(inner: string, start: number, end: number): Placeholder | string {
  const [name = '', list, ...extra] = inner.trim().split(':');
  if (isTextField(name)) return list === undefined ? { kind: 'text', name, start, end } : `{{${name}}} takes no field list`;
  if (!isBarcodeField(name)) return `{{${inner}}} is not a label field`;
  if (list === undefined) return { kind: 'barcode', name, fields: null, start, end };
  const fields = list.split(',').map((f) => f.trim());
  const unknown = fields.find((f) => !isGs1Field(f));
  if (extra.length > 0 || unknown !== undefined) return `{{${inner}}}: '${unknown ?? extra[0]}' is not a GS1 field (gtin, mfgDate, expiry, lot, serial, qty)`;
  if (new Set(fields).size !== fields.length) return `{{${inner}}} names a field twice`;
  return { kind: 'barcode', name, fields: fields as Gs1Field[], start, end };
}

/** Finds the placeholders in a text, or the first one that is unknown or not closed. */
export function scanPlaceholders(text: string): PlaceholderScan {
  const placeholders: Placeholder[] = [];
  let covered = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const start = match.index;
    const stray = strayBrace(text, covered, start);
    if (stray !== -1) return { ok: false, problem: 'a "{{" or "}}" that is not part of a {{field}} placeholder', at: stray };
    const found = read(match[1]!, start, start + match[0].length);
    if (typeof found === 'string') return { ok: false, problem: found, at: start };
    placeholders.push(found);
    covered = found.end;
  }
  const stray = strayBrace(text, covered, text.length);
  if (stray !== -1) return { ok: false, problem: 'a "{{" or "}}" that is not part of a {{field}} placeholder', at: stray };
  return { ok: true, placeholders };
}

function strayBrace(text: string, from: number, to: number): number {
  const open = text.indexOf('{{', from);
  const close = text.indexOf('}}', from);
  const first = [open, close].filter((i) => i !== -1 && i < to);
  return first.length === 0 ? -1 : Math.min(...first);
}

/** 1-based line of an offset, for messages about a template's text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
