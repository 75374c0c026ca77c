import { encodeBracketed, encodeRaw, isValidGtin, isoToGs1Date, toGtin14, type Element } from '../gs1';
import { isValidSscc } from '../sscc';
import { findIllFormedText } from '../text';
import { code128Dots, leastSymbols } from './code128';
import { gs1128Data } from './zpl-barcodes';
import { hexEscapeText } from './zpl-text';

/**
 * The GS1 logistic label of a pallet or case (GS1 Logistic Label Guideline): a free block with
 * ship-from and ship-to on top, the data in plain text with its data titles in the middle, and
 * the barcodes at the bottom, the SSCC lowest of all, each with its human-readable line.
 */
export const LOGISTIC_SIZES = {
  /** 4 x 6 in, the usual North American and Chinese 3PL pallet label. */
  '4x6': { widthMm: 101.6, heightMm: 152.4 },
  /** A6, 105 x 148 mm, the European one. */
  a6: { widthMm: 105, heightMm: 148 },
} as const;
export type LogisticSize = keyof typeof LOGISTIC_SIZES;
export type LogisticDpi = 203 | 300;

export interface LogisticParty {
  name: string;
  /** Up to three lines of address. */
  address?: readonly string[] | undefined;
}

export interface LogisticLabelInput {
  sscc: string;
  shipFrom: LogisticParty;
  /** Absent on a case or pallet labelled when it is built, before any order is allotted to it. */
  shipTo?: LogisticParty | undefined;
  /** What a homogeneous pallet or case holds: GTIN of the trade items (AI 02), their count (37), lot (10), expiry (17). */
  content?: { gtin: string; count: number; lot?: string | undefined; expiry?: string | undefined } | undefined;
  /** A reference for people (shipment, purchase order), printed in the text block only. */
  reference?: string | undefined;
}

export type LogisticLabel = { ok: true; zpl: string; widthDots: number; heightDots: number; symbols: string[][] } | { ok: false; field: string; message: string };

const MM_PER_INCH = 25.4;
/** GS1 General Specifications, symbol specification table for logistics: X at least 0.495 mm, bars at least 31.75 mm high. */
const MIN_X_MM = 0.495;
const MIN_BAR_HEIGHT_MM = 31.75;
const QUIET_ZONE_X = 10;
const MAX_NAME = 60;
const MAX_ADDRESS_LINES = 3;

const refuse = (field: string, message: string): LogisticLabel => ({ ok: false, field, message });

function checkText(field: string, value: string, max: number): LogisticLabel | null {
  const broken = findIllFormedText(value);
  if (broken) return refuse(field, broken.problem === 'nul' ? 'holds a NUL character' : 'holds a broken character (a lone surrogate)');
  if (value.trim().length === 0) return refuse(field, 'is empty');
  if ([...value].length > max) return refuse(field, `is longer than ${max} characters`);
  return null;
}

function checkParty(field: string, party: LogisticParty): LogisticLabel | null {
  const name = checkText(`${field}.name`, party.name, MAX_NAME);
  if (name) return name;
  const lines = party.address ?? [];
  if (lines.length > MAX_ADDRESS_LINES) return refuse(`${field}.address`, `has more than ${MAX_ADDRESS_LINES} lines`);
  for (const [i, line] of lines.entries()) {
    const bad = checkText(`${field}.address.${i}`, line, MAX_NAME);
    if (bad) return bad;
  }
  return null;
}

/** One symbol's element string and its bracketed pieces; an error names the field. */
function symbol(elements: readonly Element[]): { raw: string; bracketed: string[] } {
  const raw = encodeRaw(elements, { checkAssociations: false });
  if (!raw.ok) throw new Error(raw.error.message);
  const bracketed = elements.map((e) => {
    const one = encodeBracketed([e], { checkAssociations: false });
    if (!one.ok) throw new Error(one.error.message);
    return one.value;
  });
  return { raw: raw.value, bracketed };
}

const FIELD_OF_AI: Record<string, string> = { '00': 'sscc', '02': 'content.gtin', '37': 'content.count', '10': 'content.lot', '17': 'content.expiry' };

/** The elements, each checked on its own so an error names the field it came from. */
function elementsOf(input: LogisticLabelInput): { sscc: Element; content: Element[] } | LogisticLabel {
  if (!isValidSscc(input.sscc)) return refuse('sscc', `${JSON.stringify(input.sscc)} is not an SSCC: 18 digits with a GS1 check digit`);
  const sscc = { ai: '00', value: input.sscc };
  const c = input.content;
  if (!c) return { sscc, content: [] };
  if (!isValidGtin(c.gtin)) return refuse('content.gtin', `${JSON.stringify(c.gtin)} is not a GTIN (8, 12, 13 or 14 digits with a check digit)`);
  if (!Number.isInteger(c.count) || c.count < 1 || c.count > 99_999_999) return refuse('content.count', 'must be a whole number from 1 to 99,999,999');
  // Fixed-length elements first: (02) and (17) need no separator after them.
  const content: Element[] = [{ ai: '02', value: toGtin14(c.gtin) }];
  if (c.expiry !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(c.expiry)) return refuse('content.expiry', `${JSON.stringify(c.expiry)} is not an ISO date (yyyy-mm-dd)`);
    content.push({ ai: '17', value: isoToGs1Date(c.expiry) });
  }
  content.push({ ai: '37', value: String(c.count) });
  if (c.lot !== undefined) content.push({ ai: '10', value: c.lot });
  for (const e of [sscc, ...content]) {
    const one = encodeRaw([e], { checkAssociations: false });
    if (!one.ok) return refuse(FIELD_OF_AI[e.ai]!, one.error.message);
  }
  // The label as a whole must hold what GS1 asks to go together ((02) with (00) and (37)).
  const whole = encodeRaw([sscc, ...content]);
  if (!whole.ok) return refuse('content', whole.error.message);
  return { sscc, content };
}

/** The widest module (whole dots) at or above the GS1 minimum that still fits the symbol, or null. */
function moduleFor(raw: string, dotsPerMm: number, widthDots: number): number | null {
  const least = Math.ceil(MIN_X_MM * dotsPerMm - 1e-9);
  const symbols = leastSymbols(raw);
  for (let x = least + 1; x >= least; x--) if (code128Dots(symbols, x) + 2 * QUIET_ZONE_X * x <= widthDots) return x;
  return null;
}

/**
 * The content barcodes: one GS1-128 when it fits the width at the minimum X-dimension, else split
 * as the General Specifications allow: (02)+(37) in one, (17) and (10) in another, or each apart.
 */
function contentSymbols(content: readonly Element[], dotsPerMm: number, widthDots: number): Element[][] | LogisticLabel {
  if (content.length === 0) return [];
  const of = (...ais: string[]) => content.filter((e) => ais.includes(e.ai));
  const candidates = [[[...content]], [of('02', '37'), of('17', '10')], [of('02', '37'), of('17'), of('10')], [of('02'), of('37'), of('17', '10')], content.map((e) => [e])].map((groups) =>
    groups.filter((g) => g.length > 0),
  );
  const fits = (group: readonly Element[]) => moduleFor(symbol(group).raw, dotsPerMm, widthDots) !== null;
  const chosen = candidates.find((groups) => groups.every(fits));
  if (chosen) return chosen;
  const wide = candidates.at(-1)!.find((g) => !fits(g))!;
  return refuse(FIELD_OF_AI[wide[0]!.ai]!, `makes a GS1-128 wider than the label at the GS1 minimum X-dimension of ${MIN_X_MM} mm even on its own`);
}

const DATA_TITLE: Record<string, string> = { '00': 'SSCC', '02': 'CONTENT', '37': 'COUNT', '10': 'BATCH/LOT', '17': 'USE BY' };

/** ZPL for one text line, UTF-8 and hex-escaped so any character the data holds prints as itself. */
const textLine = (x: number, y: number, height: number, text: string, width: number) => `^FO${x},${y}^A0N,${height},${height}^FB${width},1,0,L^FH\\^FD${hexEscapeText(text)}^FS`;

/**
 * The label as ZPL, or which field keeps it from printing well. Barcodes are built bottom up (the
 * SSCC lowest), at the GS1 minimum bar height; the text takes the space above them, and a label
 * too short for all of it is refused rather than printed with short bars.
 */
export function logisticLabelZpl(input: LogisticLabelInput, options: { size: LogisticSize; dpi: LogisticDpi }): LogisticLabel {
  for (const [field, party] of [['shipFrom', input.shipFrom], ['shipTo', input.shipTo]] as const) {
    if (!party) continue;
    const bad = checkParty(field, party);
    if (bad) return bad;
  }
  if (input.reference !== undefined) {
    const bad = checkText('reference', input.reference, 40);
    if (bad) return bad;
  }
  const elements = elementsOf(input);
  if ('ok' in elements) return elements;

  const dotsPerMm = options.dpi / MM_PER_INCH;
  const size = LOGISTIC_SIZES[options.size];
  const widthDots = Math.floor(size.widthMm * dotsPerMm);
  const heightDots = Math.floor(size.heightMm * dotsPerMm);
  const margin = Math.round(3 * dotsPerMm);
  const split = contentSymbols(elements.content, dotsPerMm, widthDots);
  if ('ok' in split) return split;
  const symbols = [...split, [elements.sscc]];

  const mm = (n: number) => Math.round(n * dotsPerMm);
  const barHeight = Math.ceil(MIN_BAR_HEIGHT_MM * dotsPerMm);
  const hri = mm(2.8);
  const blockHeight = barHeight + mm(1) + hri + mm(1.5);
  const value = mm(3);
  const title = mm(2.4);

  const zpl: string[] = ['^XA', `^CI28^PW${widthDots}^LL${heightDots}^LH0,0`];
  // The barcodes, from the bottom up.
  let y = heightDots - margin;
  for (const elements of [...symbols].reverse()) {
    const { raw, bracketed } = symbol(elements);
    const x = moduleFor(raw, dotsPerMm, widthDots)!;
    const data = gs1128Data(raw, bracketed);
    const left = Math.max(QUIET_ZONE_X * x, Math.floor((widthDots - code128Dots(data.symbols, x)) / 2));
    y -= blockHeight;
    zpl.push(`^FO${left},${y}^BY${x}^BCN,${barHeight},N,N,N,${data.mode}^FD${data.data}^FS`);
    zpl.push(`^FO0,${y + barHeight + mm(1)}^A0N,${hri},${hri}^FB${widthDots},1,0,C^FH\\^FD${hexEscapeText(bracketed.join(' '))}^FS`);
  }
  const barcodesTop = y;

  // The text: ship from and to side by side, then the data with their titles, two to a row.
  const inner = widthDots - 2 * margin;
  const half = Math.floor((inner - margin) / 2);
  const rows: string[] = [];
  const party = (heading: string, p: LogisticParty, x: number) => {
    let at = margin;
    rows.push(textLine(x, at, title, heading, half));
    at += title + mm(0.6);
    rows.push(textLine(x, at, value, p.name, half));
    at += value + mm(0.6);
    for (const l of p.address ?? []) {
      rows.push(textLine(x, at, title, l, half));
      at += title + mm(0.6);
    }
    return at;
  };
  let top = Math.max(party('SHIP FROM', input.shipFrom, margin), input.shipTo ? party('SHIP TO', input.shipTo, margin * 2 + half) : margin) + mm(1);
  rows.push(`^FO${margin},${top}^GB${inner},2,2^FS`);
  top += mm(1.5);
  const c = input.content;
  // A0 is about 0.6 of its height wide: each title takes what it needs, the value the rest.
  const cell = (heading: string, text: string, x: number, width: number) => {
    const titleWidth = Math.ceil(heading.length * title * 0.62) + mm(2);
    rows.push(textLine(x, top + value - title, title, heading, titleWidth));
    rows.push(textLine(x + titleWidth, top, value, text, width - titleWidth));
  };
  const pairs: [string, string][] = [[DATA_TITLE['00']!, input.sscc]];
  if (input.reference !== undefined) pairs.push(['REF', input.reference]);
  if (c) {
    pairs.push([DATA_TITLE['02']!, toGtin14(c.gtin)], [DATA_TITLE['37']!, String(c.count)]);
    if (c.lot !== undefined) pairs.push([DATA_TITLE['10']!, c.lot]);
    if (c.expiry !== undefined) pairs.push([DATA_TITLE['17']!, c.expiry]);
  }
  for (let i = 0; i < pairs.length; i += 2) {
    cell(pairs[i]![0], pairs[i]![1], margin, half);
    if (pairs[i + 1]) cell(pairs[i + 1]![0], pairs[i + 1]![1], margin * 2 + half, half);
    top += value + mm(1.2);
  }
  if (top > barcodesTop) {
    return refuse(
      input.shipTo?.address?.length || input.shipFrom.address?.length ? 'shipTo.address' : 'content',
      `the label's text and ${symbols.length} barcodes at the GS1 minimum height of ${MIN_BAR_HEIGHT_MM} mm do not fit on ${options.size}: leave out address lines, or a content element the case labels carry`,
    );
  }
  zpl.push(...rows, '^XZ');
  return { ok: true, zpl: zpl.join('\n'), widthDots, heightDots, symbols: symbols.map((s) => symbol(s).bracketed) };
}
