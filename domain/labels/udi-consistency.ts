import type { Jurisdiction, ProductionIdentifiers } from '../udi';
import { TemplateError } from './compile';
import type { Gs1Field, TextField } from './fields';
import { scanPlaceholders } from './placeholders';
import type { LabelTemplate, LayoutTemplate, ZplTemplate } from './template';
import { zplCommands } from './zpl-commands';
import { planZplTemplate, type ZplSlot } from './zpl-template-check';

/*
 * Does a label template agree with the device's UDI record? The record says which production
 * identifiers (UDI-PI) the device's label carries; GUDID, EUDAMED and the NMPA database publish
 * exactly that, and a scanner at the hospital expects to find them. A label that carries an
 * identifier the record does not declare, or leaves out one it declares, contradicts what the
 * regulator was told.
 *
 * Only a barcode (DataMatrix, GS1-128, a QR Digital Link, an RFID tag's SGTIN) counts as
 * carrying an identifier. The UDI carrier is the AIDC form and its human-readable
 * interpretation together, and the HRI is by definition the legible form of what the AIDC
 * encodes (21 CFR 801.40(b); MDR Annex VI Part C; NMPA 医疗器械唯一标识系统规则).
 * A lot printed as text only is an HRI with no AIDC behind it: scanners, the point-of-use
 * records and the regulators' databases never see it.
 */

export type PiField = keyof ProductionIdentifiers;

/** The production identifiers in the order GS1 writes them, with their AI and the label field that fills each. */
export const PRODUCTION_IDENTIFIERS = [
  { field: 'manufactureDate', ai: '11', labelField: 'mfgDate' },
  { field: 'expiry', ai: '17', labelField: 'expiry' },
  { field: 'lot', ai: '10', labelField: 'lot' },
  { field: 'serial', ai: '21', labelField: 'serial' },
] as const satisfies readonly { field: PiField; ai: string; labelField: Gs1Field }[];

export type PiAi = (typeof PRODUCTION_IDENTIFIERS)[number]['ai'];

/** How a template carries one production identifier. */
export interface Carriage {
  /**
   * 'listed': a barcode names the field and prints it whenever the label data has it;
   * 'unlisted': a barcode without a field list (`{{dataMatrix}}`) carries whatever the data
   * holds, so only the data decides; null: no barcode carries it.
   */
  barcode: 'listed' | 'unlisted' | null;
  /** Some human-readable text prints it. */
  text: boolean;
}

export type TemplateIdentifiers = Record<PiField, Carriage>;

const PI_OF_FIELD: Partial<Record<Gs1Field, PiField>> = Object.fromEntries(PRODUCTION_IDENTIFIERS.map((p) => [p.labelField, p.field]));

const TEXT_PI: Partial<Record<TextField, readonly PiField[]>> = {
  lot: ['lot'],
  udi10: ['lot'],
  serial: ['serial'],
  udi21: ['serial'],
  expiry: ['expiry'],
  expiryYymmdd: ['expiry'],
  udi17: ['expiry'],
  mfgDate: ['manufactureDate'],
  mfgDateYymmdd: ['manufactureDate'],
  udi11: ['manufactureDate'],
  udi: ['manufactureDate', 'expiry', 'lot', 'serial'],
};

const none = (): TemplateIdentifiers => ({
  lot: { barcode: null, text: false },
  serial: { barcode: null, text: false },
  manufactureDate: { barcode: null, text: false },
  expiry: { barcode: null, text: false },
});

function inBarcode(found: TemplateIdentifiers, fields: readonly Gs1Field[] | null): void {
  if (fields === null) {
    // A listed carriage says more than an unlisted one; never let a later barcode weaken it.
    for (const pi of PRODUCTION_IDENTIFIERS) found[pi.field].barcode ??= 'unlisted';
    return;
  }
  for (const field of fields) {
    const pi = PI_OF_FIELD[field];
    if (pi) found[pi].barcode = 'listed';
  }
}

function inText(found: TemplateIdentifiers, name: TextField): void {
  for (const pi of TEXT_PI[name] ?? []) found[pi].text = true;
}

function layoutIdentifiers(template: LayoutTemplate, found: TemplateIdentifiers): void {
  for (const element of template.elements) {
    if (element.type === 'datamatrix' || element.type === 'gs1-128' || element.type === 'qr-digital-link') inBarcode(found, element.fields);
    if (element.type !== 'text') continue;
    const scan = scanPlaceholders(element.text);
    if (!scan.ok) throw new TemplateError([scan.problem]);
    for (const p of scan.placeholders) if (p.kind === 'text') inText(found, p.name);
  }
}

/** Whether a `{{digitalLink}}` slot is the data of a ^BQ symbol, not a URI printed as text. */
function insideQr(text: string, slot: ZplSlot): boolean {
  const { commands } = zplCommands(text);
  let at = commands.findIndex((c) => c.start <= slot.start && slot.end <= c.end);
  while (--at >= 0) {
    const code = commands[at]!.code;
    if (code === 'FS' || code === 'XA' || code === 'XZ') return false;
    if (code === 'BQ') return true;
  }
  return false;
}

function zplIdentifiers(template: ZplTemplate, found: TemplateIdentifiers): void {
  const plan = planZplTemplate(template);
  if (!plan.ok) throw new TemplateError(plan.problems);
  for (const slot of plan.slots) {
    if (slot.kind !== 'text') inBarcode(found, slot.fields);
    else if (slot.name === 'digitalLink') {
      if (insideQr(plan.text, slot)) inBarcode(found, slot.fields);
      // A Digital Link URI printed as text is for people, like any HRI.
      else for (const field of slot.fields ?? PRODUCTION_IDENTIFIERS.map((p) => p.labelField)) if (PI_OF_FIELD[field]) found[PI_OF_FIELD[field]].text = true;
    } else inText(found, slot.name);
  }
}

/**
 * Which production identifiers a template carries, read from its barcodes' GS1 fields and its
 * text placeholders. An RFID label's SGTIN holds the serial, and RFID is an AIDC carrier too.
 * Throws TemplateError for a template that would not pass the save check.
 */
export function templateIdentifiers(template: LabelTemplate): TemplateIdentifiers {
  const found = none();
  if (template.kind === 'layout') layoutIdentifiers(template, found);
  else zplIdentifiers(template, found);
  if (template.rfid) found.serial.barcode = 'listed';
  return found;
}

/**
 * Whether the label data has a value for each identifier: 'given' and 'missing' when a print
 * knows its lot; 'unknown' when approval judges a template before any lot exists (a lot's
 * manufacture date).
 */
export type DataPresence = 'given' | 'missing' | 'unknown';
export type LabelDataPresence = Record<PiField, DataPresence>;

export type UdiMismatchCode = 'carried_not_declared' | 'declared_not_carried';
export type CarriageFound = 'in a barcode' | 'human-readable only' | 'not on the label' | 'no value in the label data';

export interface UdiMismatch {
  code: UdiMismatchCode;
  ai: PiAi;
  /** The DI record's production identifier. */
  field: PiField;
  /** What the DI record declares. */
  expected: 'carried' | 'not carried';
  found: CarriageFound;
}

function onLabel(carriage: Carriage, presence: DataPresence): 'yes' | 'no' | 'unknown' {
  if (carriage.barcode === null || presence === 'missing') return 'no';
  if (presence === 'given') return 'yes';
  // A field a barcode names is meant to be there; a bare {{dataMatrix}} waits for the data.
  return carriage.barcode === 'listed' ? 'yes' : 'unknown';
}

/**
 * Every way the label disagrees with the DI record's production identifiers, in GS1 order:
 * an identifier the barcodes carry that the record does not declare, and one it declares that
 * no barcode carries (or that the label data leaves empty). An empty list is agreement.
 */
export function udiMismatches(carried: TemplateIdentifiers, declared: ProductionIdentifiers, data: LabelDataPresence): UdiMismatch[] {
  const mismatches: UdiMismatch[] = [];
  for (const { field, ai } of PRODUCTION_IDENTIFIERS) {
    const carriage = carried[field];
    const there = onLabel(carriage, data[field]);
    if (declared[field] && there === 'no') {
      const found: CarriageFound = carriage.barcode !== null ? 'no value in the label data' : carriage.text ? 'human-readable only' : 'not on the label';
      mismatches.push({ code: 'declared_not_carried', ai, field, expected: 'carried', found });
    } else if (!declared[field] && there === 'yes') {
      mismatches.push({ code: 'carried_not_declared', ai, field, expected: 'not carried', found: 'in a barcode' });
    }
  }
  return mismatches;
}

const FIELD_WORDS: Record<PiField, string> = { lot: 'lot', serial: 'serial number', manufactureDate: 'manufacture date', expiry: 'expiry date' };
const HOW_MISSING: Record<Exclude<CarriageFound, 'in a barcode'>, string> = {
  'human-readable only': 'the label prints it as text only, in no barcode',
  'not on the label': 'no barcode on the label carries it',
  'no value in the label data': 'the label data has no value for it',
};

/** One line naming the AI and the field, for refusals people read. */
export function describeMismatch(m: UdiMismatch): string {
  const what = `(${m.ai}) ${FIELD_WORDS[m.field]}`;
  if (m.found === 'in a barcode') return `the label carries ${what} in a barcode, but the DI record does not declare it`;
  return `the DI record declares ${what}, but ${HOW_MISSING[m.found]}`;
}

/**
 * Why each regulator wants the DI data in its database before a device is sold. The record has
 * no list of markets of its own (its checks take the jurisdictions as a parameter), so which of
 * these rules a plant is held to is a plant setting; all three by default.
 */
export const PUBLICATION_BEFORE_SALE: Record<Jurisdiction, string> = {
  NMPA: 'NMPA: the registrant uploads the product identifier and its data to the UDI database before the device is sold (医疗器械唯一标识系统规则)',
  EUDAMED: 'EU MDR: the UDI-DI is registered in EUDAMED before the device is placed on the market (Article 29(1))',
  GUDID: 'FDA: the labeler submits the DI record to GUDID by the date the label must bear the UDI, that is before distribution (21 CFR 830.300, 830.330)',
};

/**
 * The jurisdictions that refuse a label for a DI whose data is not yet published, or none when
 * the data is published or the plant follows no such rule.
 */
export function publicationRefusedBy(published: boolean, plantRule: readonly Jurisdiction[]): Jurisdiction[] {
  return published ? [] : [...plantRule].sort();
}
