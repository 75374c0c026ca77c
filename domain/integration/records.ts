import { z } from 'zod';
import { isValidGtin } from '../gs1';
import { gs1CheckDigit } from '../gs1';
import { isCalendarDate } from '../ops';
import { isValidSscc } from '../sscc';
import { normaliseExternalId } from './external-id';

/**
 * What an ERP or MES sends for each kind of record, row by row. A row is the whole record: an
 * optional field left out is stored empty (or at its default), so sending the same row twice
 * leaves the record unchanged and the answer says so.
 */

/** An external id, trimmed; refused with the reason when it could be mistaken for another. */
export const externalId = z.string().transform((raw, ctx) => {
  const verdict = normaliseExternalId(raw);
  if (!verdict.ok) {
    ctx.addIssue({ code: 'custom', message: verdict.message, params: { problem: verdict.problem } });
    return z.NEVER;
  }
  return verdict.id;
});

const text = (max: number) => z.string().trim().min(1, 'is empty').max(max, `is longer than ${max} characters`);
const optionalText = (max: number) => text(max).nullable().default(null);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (yyyy-mm-dd)').refine(isCalendarDate, 'is not a day on the calendar');
const code = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'may hold only letters, digits and . _ - (at most 40)');
const documentNumber = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, 'is not a document number (letters, digits and . _ / -, at most 40)');
const gln = z
  .string()
  .regex(/^\d{13}$/, 'must be a 13-digit GLN')
  .refine((v) => gs1CheckDigit(v.slice(0, 12)) === Number(v[12]), 'has a wrong check digit')
  .nullable()
  .default(null);
const phone = z.string().trim().regex(/^\+?[0-9][0-9 ()-]{2,29}$/, 'is not a phone number').nullable().default(null);
const qty = z.number().positive('must be more than zero').max(1e9).multipleOf(0.001, 'has more than 3 decimals');
// GS1 AI (10): up to 20 characters of the GS1 character set 82.
const supplierLot = z.string().min(1).max(20).regex(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/, 'has characters GS1 does not allow in a lot number');

export const ItemRecord = z.object({
  externalId,
  gtin: z.string().regex(/^\d{14}$/, 'must be a 14-digit GTIN').refine(isValidGtin, 'has a wrong check digit'),
  sku: code,
  name: text(200),
  nameZh: optionalText(200),
  uom: z.string().regex(/^[A-Z0-9]{1,10}$/, 'is not a unit of measure code (e.g. EA, BOX)').default('EA'),
  udiDi: z.string().regex(/^[A-Za-z0-9+*./-]{1,40}$/, 'is not a UDI-DI').nullable().default(null),
  udi: z
    .object({
      brandName: optionalText(200),
      model: optionalText(100),
      deviceClass: z.enum(['I', 'II', 'III', 'IIa', 'IIb']).nullable().default(null),
      sterile: z.boolean().nullable().default(null),
      singleUse: z.boolean().nullable().default(null),
      containsLatex: z.boolean().nullable().default(null),
      mriSafety: z.enum(['safe', 'conditional', 'unsafe', 'not_labelled']).nullable().default(null),
    })
    .strict()
    .nullable()
    .default(null),
  shelfLifeDays: z.number().int().positive().max(36500).nullable().default(null),
  nearExpiryDays: z.array(z.number().int().min(1).max(3650)).min(1).max(5).default([90, 30]),
  serialized: z.boolean().default(false),
  active: z.boolean().default(true),
});

export const SupplierRecord = z.object({ externalId, code, name: text(200), gln, address: optionalText(500), phone, active: z.boolean().default(true) });

export const CustomerRecord = z.object({
  externalId,
  code,
  name: text(200),
  // The person or department a recall letter is addressed to.
  consigneeName: optionalText(200),
  address: optionalText(500),
  phone,
  gln,
  minShelfLifeDays: z.number().int().min(0).max(3650).default(0),
});

export const LocationRecord = z.object({
  externalId,
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{0,29}$/, 'is not a location code (upper-case letters, digits and -, at most 30)'),
  name: text(200),
  kind: z.enum(['receiving', 'quarantine', 'storage', 'production', 'shipping', 'scrap']),
  active: z.boolean().default(true),
});

const lineNumbersUnique = (lines: readonly { line: number }[], ctx: z.RefinementCtx) => {
  const seen = new Set<number>();
  lines.forEach((l, i) => {
    if (seen.has(l.line)) ctx.addIssue({ code: 'custom', path: [i, 'line'], message: `line ${l.line} appears twice` });
    seen.add(l.line);
  });
};

const ORDER_STATUSES = ['open', 'closed', 'cancelled'] as const;

// GS1 AI (00): the pallet or case a ship notice line travels on.
const sscc = z
  .string()
  .regex(/^\d{18}$/, 'must be an 18-digit SSCC')
  .refine(isValidSscc, 'has a wrong check digit');

/** A line on an SSCC is received by scanning the SSCC alone, so it must name the lot the clerk would otherwise scan. */
const ssccLineNamesLot = (l: { sscc: string | null; supplierLot: string | null }, ctx: z.RefinementCtx) => {
  if (l.sscc !== null && l.supplierLot === null) ctx.addIssue({ code: 'custom', path: ['supplierLot'], message: 'is needed on a line with an SSCC: the pallet is received by its SSCC alone' });
};

export const PurchaseOrderRecord = z.object({
  externalId,
  // A purchase order says what was ordered; a ship notice what is on its way, with lots and expiry.
  kind: z.enum(['purchase_order', 'ship_notice']).default('purchase_order'),
  number: documentNumber,
  supplier: externalId,
  expectedOn: isoDate.nullable().default(null),
  status: z.enum(ORDER_STATUSES).default('open'),
  lines: z
    .array(
      z
        .object({
          line: z.number().int().positive().max(99999),
          item: externalId,
          qty,
          supplierLot: supplierLot.nullable().default(null),
          expiresOn: isoDate.nullable().default(null),
          // Lines of a mixed pallet share one SSCC; only a ship notice says what travels on which pallet.
          sscc: sscc.nullable().default(null),
        })
        .strict()
        .superRefine(ssccLineNamesLot),
    )
    .min(1, 'needs at least one line')
    .max(500)
    .superRefine(lineNumbersUnique),
});

export const SalesOrderRecord = z.object({
  externalId,
  number: documentNumber,
  customer: externalId,
  shipBy: isoDate.nullable().default(null),
  status: z.enum(ORDER_STATUSES).default('open'),
  lines: z
    .array(z.object({ line: z.number().int().positive().max(99999), item: externalId, qty }).strict())
    .min(1, 'needs at least one line')
    .max(500)
    .superRefine(lineNumbersUnique),
});

export const WorkOrderRecord = z.object({
  externalId,
  number: documentNumber,
  item: externalId,
  plannedQty: qty.nullable().default(null),
  lineCode: z.string().trim().min(1).max(20).nullable().default(null),
  status: z.enum(['open', 'closed']).default('open'),
});

export type ItemRecord = z.output<typeof ItemRecord>;
export type SupplierRecord = z.output<typeof SupplierRecord>;
export type CustomerRecord = z.output<typeof CustomerRecord>;
export type LocationRecord = z.output<typeof LocationRecord>;
export type PurchaseOrderRecord = z.output<typeof PurchaseOrderRecord>;
export type SalesOrderRecord = z.output<typeof SalesOrderRecord>;
export type WorkOrderRecord = z.output<typeof WorkOrderRecord>;

/** Every kind of record the inbound API takes, by the name its routes use. */
export const INBOUND_RECORDS = {
  items: ItemRecord,
  suppliers: SupplierRecord,
  customers: CustomerRecord,
  locations: LocationRecord,
  'purchase-orders': PurchaseOrderRecord,
  'sales-orders': SalesOrderRecord,
  'work-orders': WorkOrderRecord,
} as const;

export type InboundKind = keyof typeof INBOUND_RECORDS;
export const INBOUND_KINDS = Object.keys(INBOUND_RECORDS) as InboundKind[];
