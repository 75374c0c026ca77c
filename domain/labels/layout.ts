import { code128Dots } from './code128';
import type { Gs1Field, TextField } from './fields';
import type { LabelDataError } from './label-data';
import { digitalLink, elementString, forPeople, gs1128For, isError, longestField, textValues, type LabelRun } from './label-strings';
import { scanPlaceholders } from './placeholders';
import { labelSize, type DataMatrixElement, type Gs1128Element, type LayoutElement, type LayoutTemplate, type QrDigitalLinkElement, type TextElement } from './template';
import { DATAMATRIX_ESCAPE, dataMatrixData } from './zpl-barcodes';
import { TEXT_HEX_INDICATOR, hexEscapeText } from './zpl-text';

type Texts = Partial<Record<TextField, string>>;
/** One element's ZPL: fixed when it has no data in it, else made per label. */
type Part = string | ((run: LabelRun, texts: Texts) => string | LabelDataError);

const ALIGN = { left: 'L', center: 'C', right: 'R', justified: 'J' } as const;

function fontCommand(font: string, height: number, width: number): string {
  return font.length === 1 ? `^A${font}N,${height},${width}` : `^A@N,${height},${width},${font}`;
}

function textPart(element: TextElement, needed: Set<TextField>): Part {
  const scan = scanPlaceholders(element.text);
  if (!scan.ok) throw new Error(`text element not checked: ${scan.problem}`);
  const block = element.maxWidth !== undefined ? `^FB${element.maxWidth},${element.maxLines ?? 1},0,${ALIGN[element.align ?? 'left']}` : '';
  const head = `^FO${element.x},${element.y}${fontCommand(element.font, element.height, element.width ?? element.height)}${block}^FH${TEXT_HEX_INDICATOR}^FD`;
  if (scan.placeholders.length === 0) return `${head}${hexEscapeText(element.text)}^FS\n`;
  // Literal text, or the field whose value goes there.
  const pieces: ({ literal: string } | { field: TextField })[] = [];
  let at = 0;
  for (const p of scan.placeholders) {
    if (p.kind !== 'text') throw new Error('text element not checked: barcode placeholder');
    if (p.start > at) pieces.push({ literal: element.text.slice(at, p.start) });
    pieces.push({ field: p.name });
    needed.add(p.name);
    at = p.end;
  }
  if (at < element.text.length) pieces.push({ literal: element.text.slice(at) });
  return (_run, texts) => {
    let text = '';
    for (const piece of pieces) {
      if ('literal' in piece) {
        text += piece.literal;
        continue;
      }
      const value = texts[piece.field];
      // "SN {{serial}}" on an unserialised lot would print a dangling "SN": leave the line off.
      if (value === undefined) return '';
      text += value;
    }
    return `${head}${hexEscapeText(text)}^FS\n`;
  };
}

function dataMatrixPart(element: DataMatrixElement): Part {
  const head = `^FO${element.x},${element.y}^BXN,${element.module},200,,,,${DATAMATRIX_ESCAPE}^FD`;
  return (run) => {
    const raw = elementString(run, element.fields);
    if (raw === null || isError(raw)) return raw ?? '';
    return `${head}${dataMatrixData(raw)}^FS\n`;
  };
}

/** One GS1-128 symbol of some of an element's fields, with its human-readable line, at (x, y). */
function gs1128Symbol(element: Gs1128Element, run: LabelRun, fields: readonly Gs1Field[], y: number, moduleWidth: number): string | LabelDataError {
  const encoded = gs1128For(run, fields);
  if (encoded === null || isError(encoded)) return encoded ?? '';
  let zpl = `^FO${element.x},${y}^BY${moduleWidth}^BCN,${element.height},N,N,N,${encoded.mode}^FD${encoded.data}^FS\n`;
  if (element.humanReadable) {
    const people = forPeople(run, fields);
    if (isError(people)) return people;
    zpl += `^FO${element.x},${y + element.height + 6}${fontCommand('0', element.humanReadableHeight, element.humanReadableHeight)}^FH${TEXT_HEX_INDICATOR}^FD${hexEscapeText(people ?? '')}^FS\n`;
  }
  return zpl;
}

/** Whether the fields make one symbol that fits from x at this module width; an error names why not. */
function fits(run: LabelRun, fields: readonly Gs1Field[], x: number, moduleWidth: number, labelWidth: number): true | LabelDataError {
  const encoded = gs1128For(run, fields);
  if (encoded === null) return true;
  if (isError(encoded)) return encoded;
  const width = code128Dots(encoded.symbols, moduleWidth);
  if (x + width <= labelWidth) return true;
  const field = longestField(run.data, fields);
  // Mode D leaves the subsets to the printer: its symbol is at least this wide, maybe wider.
  const size = encoded.mode === 'D' ? `at least ${width}` : `${width}`;
  return { field, message: `${field}: the GS1-128 of ${fields.join(', ')} is ${size} dots wide and runs off the ${labelWidth}-dot label from x=${x}` };
}

/**
 * A GS1-128 element: one symbol when the data fits, else what the template's overflow allows, in
 * order: narrower bars, two symbols (the fields split where both halves fit), or none when the
 * DataMatrix carries the same data. Without an allowed way the label is refused, naming the field.
 */
function gs1128Part(element: Gs1128Element, labelWidth: number): Part {
  return (run) => {
    const whole = fits(run, element.fields, element.x, element.moduleWidth, labelWidth);
    if (whole === true) return gs1128Symbol(element, run, element.fields, element.y, element.moduleWidth);
    const overflow = element.overflow;
    if (overflow?.shrinkTo !== undefined) {
      for (let m = element.moduleWidth - 1; m >= overflow.shrinkTo; m--) {
        if (fits(run, element.fields, element.x, m, labelWidth) === true) return gs1128Symbol(element, run, element.fields, element.y, m);
      }
    }
    if (overflow?.split) {
      const present = element.fields.filter((f) => run.data.byField[f]);
      const module = Math.min(element.moduleWidth, overflow.shrinkTo ?? element.moduleWidth);
      for (let k = present.length - 1; k >= 1; k--) {
        const [first, second] = [present.slice(0, k), present.slice(k)];
        const widths = [element.moduleWidth, module].find((m) => fits(run, first, element.x, m, labelWidth) === true && fits(run, second, element.x, m, labelWidth) === true);
        if (widths === undefined) continue;
        const top = gs1128Symbol(element, run, first, element.y, widths);
        if (isError(top)) return top;
        const bottom = gs1128Symbol(element, run, second, element.y + overflow.split.dy, widths);
        return isError(bottom) ? bottom : top + bottom;
      }
    }
    if (overflow?.omit) return '';
    return whole;
  };
}

function qrPart(element: QrDigitalLinkElement): Part {
  const head = `^FO${element.x},${element.y}^BQN,2,${element.magnification}^FD${element.errorCorrection}A,`;
  return (run) => {
    const uri = digitalLink(run, element.fields, element.domain);
    if (uri === null || isError(uri)) return uri ?? '';
    return `${head}${uri}^FS\n`;
  };
}

function elementPart(element: LayoutElement, labelWidth: number, needed: Set<TextField>): Part {
  const at = `^FO${element.x},${element.y}`;
  switch (element.type) {
    case 'text':
      return textPart(element, needed);
    case 'datamatrix':
      return dataMatrixPart(element);
    case 'gs1-128':
      return gs1128Part(element, labelWidth);
    case 'qr-digital-link':
      return qrPart(element);
    case 'line': {
      const [w, h] = element.direction === 'horizontal' ? [element.length, element.thickness] : [element.thickness, element.length];
      return `${at}^GB${w},${h},${element.thickness}^FS\n`;
    }
    case 'box':
      return `${at}^GB${element.width},${element.height},${element.thickness},B,${element.rounding}^FS\n`;
    case 'image': {
      const g = element.graphic;
      return `${at}^GFA,${g.bytes},${g.bytes},${g.rowBytes},${g.data}^FS\n`;
    }
  }
}

/**
 * Turns a checked layout into a function from label data to ZPL. Everything that does not
 * depend on the data is written once here, so a label costs only its own fields.
 */
export function compileLayout(template: LayoutTemplate): (run: LabelRun) => string | LabelDataError {
  const { widthDots, heightDots } = labelSize(template);
  const needed = new Set<TextField>();
  const parts: Part[] = [`^XA\n^CI28^PW${widthDots}^LL${heightDots}^LH0,0\n`];
  for (const element of template.elements) {
    const part = elementPart(element, widthDots, needed);
    const last = parts[parts.length - 1];
    if (typeof part === 'string' && typeof last === 'string') parts[parts.length - 1] = last + part;
    else parts.push(part);
  }
  const last = parts[parts.length - 1];
  if (typeof last === 'string') parts[parts.length - 1] = last + '^XZ\n';
  else parts.push('^XZ\n');
  const neededList = [...needed];
  return (run) => {
    const texts = textValues(run, neededList);
    if (isError(texts)) return texts;
    let zpl = '';
    for (const part of parts) {
      if (typeof part === 'string') zpl += part;
      else {
        const made = part(run, texts);
        if (typeof made !== 'string') return made;
        zpl += made;
      }
    }
    return zpl;
  };
}
