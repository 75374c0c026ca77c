import { z } from 'zod';
import { GS1_FIELDS } from './fields';
import { RfidSetup } from './rfid';

const dots = z.number().int('must be whole dots').min(0).max(32_000);
const size = z.number().int('must be whole dots').min(1).max(32_000);
const gs1Fields = z.array(z.enum(GS1_FIELDS)).min(1, 'needs at least one field').max(GS1_FIELDS.length);
/** A name to tell elements apart in diffs and messages ("lot-text"). */
const id = z.string().regex(/^[A-Za-z0-9][\w.-]{0,39}$/, 'must be letters, digits, ".", "_" or "-"').optional();
// ZPL font names: a resident font letter/digit, or a font file on the printer (E:SIMSUN.TTF).
const font = z.string().regex(/^[A-Z0-9]$|^[BERZ]:[A-Z0-9_.-]{1,16}$/, 'must be a font letter (0, A-Z) or a printer font file like E:SIMSUN.TTF');

export const TextElement = z
  .object({
    type: z.literal('text'),
    id,
    x: dots,
    y: dots,
    /** Characters and `{{field}}` placeholders; the element is left off when a field it names is empty. */
    text: z.string().min(1).max(500),
    /** Character height in dots. */
    height: z.number().int().min(6).max(1000),
    /** Character width in dots; the height when left out. */
    width: z.number().int().min(6).max(1000).optional(),
    font: font.default('0'),
    /** Wraps inside this many dots (ZPL field block). */
    maxWidth: size.optional(),
    maxLines: z.number().int().min(1).max(50).optional(),
    align: z.enum(['left', 'center', 'right', 'justified']).optional(),
  })
  .strict();

export const DataMatrixElement = z
  .object({
    type: z.literal('datamatrix'),
    id,
    x: dots,
    y: dots,
    /** Module (cell) size in dots. */
    module: z.number().int().min(1).max(40),
    /** What the symbol carries, in this order; absent optional fields are left out. */
    fields: gs1Fields,
  })
  .strict();

export const Gs1128Element = z
  .object({
    type: z.literal('gs1-128'),
    id,
    x: dots,
    y: dots,
    /** Bar height in dots. */
    height: z.number().int().min(10).max(1000),
    /** Narrow bar width in dots (^BY). */
    moduleWidth: z.number().int().min(1).max(10).default(2),
    fields: gs1Fields,
    /** Prints the bracketed element string under the bars. */
    humanReadable: z.boolean().default(true),
    humanReadableHeight: z.number().int().min(6).max(200).default(20),
    /**
     * What to do when the data makes the symbol wider than the label, tried in this order:
     * narrow the bars down to `shrinkTo` dots; split the fields into two symbols, the second
     * `split.dy` dots lower (GS1 allows one element string over several symbols); leave the
     * symbol off when a DataMatrix on the label carries the same fields. Without it the label
     * is refused.
     */
    overflow: z
      .object({
        shrinkTo: z.number().int().min(1).max(10).optional(),
        split: z.object({ dy: z.number().int().min(10).max(2000) }).strict().optional(),
        omit: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const QrDigitalLinkElement = z
  .object({
    type: z.literal('qr-digital-link'),
    id,
    x: dots,
    y: dots,
    magnification: z.number().int().min(1).max(10),
    fields: gs1Fields,
    /** The resolver the URI points at. */
    domain: z
      .string()
      .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._%/-]*)?$/, 'must be an http(s) address without query')
      .default('https://id.gs1.org'),
    errorCorrection: z.enum(['L', 'M', 'Q', 'H']).default('M'),
  })
  .strict();

export const LineElement = z
  .object({
    type: z.literal('line'),
    id,
    x: dots,
    y: dots,
    length: size,
    thickness: z.number().int().min(1).max(200).default(2),
    direction: z.enum(['horizontal', 'vertical']).default('horizontal'),
  })
  .strict();

export const BoxElement = z
  .object({
    type: z.literal('box'),
    id,
    x: dots,
    y: dots,
    width: size,
    height: size,
    thickness: z.number().int().min(1).max(200).default(2),
    /** ZPL corner rounding, 0 (square) to 8. */
    rounding: z.number().int().min(0).max(8).default(0),
  })
  .strict();

/** A picture already converted to a ZPL graphic (^GFA), e.g. a logo or a CE/UDI symbol. */
export const ImageElement = z
  .object({
    type: z.literal('image'),
    id,
    x: dots,
    y: dots,
    graphic: z
      .object({
        /** Uncompressed bitmap size in bytes. */
        bytes: z.number().int().min(1).max(4_000_000),
        rowBytes: z.number().int().min(1).max(10_000),
        /** ASCII hex, ZPL-compressed hex, or `:Z64:…:crc`. */
        data: z.string().min(1).regex(/^(:Z64:[A-Za-z0-9+/=]+:[0-9a-fA-F]{4}|[0-9A-Fa-f,:!G-Zg-z]+)$/, 'must be ^GFA data (hex or :Z64:)'),
      })
      .strict(),
  })
  .strict();

export const LayoutElement = z.discriminatedUnion('type', [TextElement, DataMatrixElement, Gs1128Element, QrDigitalLinkElement, LineElement, BoxElement, ImageElement]);

const common = {
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and "-"'),
  description: z.string().max(500).optional(),
  dpi: z.union([z.literal(203), z.literal(300), z.literal(600)], { error: 'must be 203, 300 or 600' }),
  widthDots: size.optional(),
  heightDots: size.optional(),
  widthIn: z.number().positive().max(40).optional(),
  heightIn: z.number().positive().max(40).optional(),
  widthMm: z.number().positive().max(1000).optional(),
  heightMm: z.number().positive().max(1000).optional(),
  /** The label has an RFID inlay: the unit's EPC is written into it and read back before the serial counts as printed. */
  rfid: RfidSetup.optional(),
};

export const LayoutTemplate = z.object({ kind: z.literal('layout'), ...common, elements: z.array(LayoutElement).min(1).max(200) }).strict();

/** A label designed elsewhere (ZebraDesigner, Labelary) with `{{field}}` where the data goes. */
export const ZplTemplate = z
  .object({
    kind: z.literal('zpl'),
    ...common,
    /** The ZPL, or its lines (easier to read in a JSON file). */
    zpl: z.union([z.string().min(1), z.array(z.string()).min(1)]),
  })
  .strict();

export const LabelTemplateSchema = z.discriminatedUnion('kind', [LayoutTemplate, ZplTemplate]);

export type LabelTemplate = z.infer<typeof LabelTemplateSchema>;
export type LabelTemplateInput = z.input<typeof LabelTemplateSchema>;
export type LayoutTemplate = z.infer<typeof LayoutTemplate>;
export type ZplTemplate = z.infer<typeof ZplTemplate>;
export type LayoutElement = z.infer<typeof LayoutElement>;
export type TextElement = z.infer<typeof TextElement>;
export type DataMatrixElement = z.infer<typeof DataMatrixElement>;
export type Gs1128Element = z.infer<typeof Gs1128Element>;
export type QrDigitalLinkElement = z.infer<typeof QrDigitalLinkElement>;

export interface LabelSize {
  widthDots: number;
  heightDots: number;
}

/** The label's size in printer dots, whichever unit the template was written in. */
export function labelSize(template: Pick<LabelTemplate, 'dpi' | 'widthDots' | 'heightDots' | 'widthIn' | 'heightIn' | 'widthMm' | 'heightMm'>): LabelSize {
  const inDots = (dotsValue?: number, inches?: number, mm?: number) =>
    dotsValue ?? (inches !== undefined ? Math.round(inches * template.dpi) : Math.round(((mm ?? 0) / 25.4) * template.dpi));
  return { widthDots: inDots(template.widthDots, template.widthIn, template.widthMm), heightDots: inDots(template.heightDots, template.heightIn, template.heightMm) };
}

/** The raw ZPL text of a `zpl` template. */
export const zplText = (template: ZplTemplate): string => (Array.isArray(template.zpl) ? template.zpl.join('\n') : template.zpl);
