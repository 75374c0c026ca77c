import { z } from 'zod';

/** What a print request brings: the lot's own data, as the ledger and the handheld know it. */
export const LabelInputSchema = z
  .object({
    gtin: z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') }),
    lot: z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') }),
    /** ISO yyyy-mm-dd. */
    expiry: z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be an ISO date (yyyy-mm-dd)') }),
    serial: z.string({ error: 'must be text' }).optional(),
    /** ISO yyyy-mm-dd. */
    mfgDate: z.string({ error: 'must be an ISO date (yyyy-mm-dd)' }).optional(),
    qty: z.union([z.number(), z.string()], { error: 'must be a whole number' }).optional(),
    /** Free text for people (the item's name, often Chinese); never goes into a barcode. */
    itemName: z.string({ error: 'must be text' }).max(200, 'is longer than 200 characters').optional(),
  })
  .strict();

export type LabelInput = z.input<typeof LabelInputSchema>;

/** The label data GS1 can carry, each with its Application Identifier. */
export const GS1_FIELDS = ['gtin', 'mfgDate', 'expiry', 'lot', 'serial', 'qty'] as const;
export type Gs1Field = (typeof GS1_FIELDS)[number];

export const AI_OF: Record<Gs1Field, string> = { gtin: '01', mfgDate: '11', expiry: '17', lot: '10', serial: '21', qty: '30' };
export const FIELD_OF_AI: Record<string, Gs1Field> = Object.fromEntries(GS1_FIELDS.map((f) => [AI_OF[f], f]));

/**
 * Everything a template may print as text. The `udi…` fields are the NMPA / FDA human-readable
 * UDI: one bracketed string, or one line per element.
 */
export const TEXT_FIELDS = [
  'gtin',
  'lot',
  'expiry',
  'serial',
  'mfgDate',
  'qty',
  'itemName',
  'udiDi',
  'expiryYymmdd',
  'mfgDateYymmdd',
  'udi',
  'udi01',
  'udi11',
  'udi17',
  'udi10',
  'udi21',
  'udi30',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Barcode data a raw ZPL template asks for: `{{dataMatrix}}` or `{{gs1128:gtin,expiry}}`. */
export const BARCODE_FIELDS = ['dataMatrix', 'gs1128', 'digitalLink'] as const;
export type BarcodeField = (typeof BARCODE_FIELDS)[number];

const TEXT_SET: ReadonlySet<string> = new Set(TEXT_FIELDS);
const BARCODE_SET: ReadonlySet<string> = new Set(BARCODE_FIELDS);
const GS1_SET: ReadonlySet<string> = new Set(GS1_FIELDS);

export const isTextField = (name: string): name is TextField => TEXT_SET.has(name);
export const isBarcodeField = (name: string): name is BarcodeField => BARCODE_SET.has(name);
export const isGs1Field = (name: string): name is Gs1Field => GS1_SET.has(name);
