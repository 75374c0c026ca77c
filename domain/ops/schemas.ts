import { z } from 'zod';
import { isValidSscc } from '../sscc';

/** A day that exists on the calendar: 2025-02-30 has the right shape but no such day (the database refuses it). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (yyyy-mm-dd)')
  .refine(isCalendarDate, 'is not a day on the calendar');
const gtin = z.string().regex(/^\d{14}$/, 'must be a 14-digit GTIN');
// GS1 AI (10) and (21): up to 20 characters of the GS1 character set 82.
const cset82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;
const lotNumber = z.string().min(1).max(20).regex(cset82, 'has characters GS1 does not allow in a lot number');
const serial = z.string().min(1).max(20).regex(cset82, 'has characters GS1 does not allow in a serial number');
const locationCode = z.string().min(1).max(30).regex(/^[A-Z0-9][A-Z0-9-]*$/, 'is not a location code');
const qty = z.number().positive('must be more than zero').max(1e9).multipleOf(0.001);

/** A lot named the way a handheld knows it: by what was scanned. */
export const LotRef = z.object({ gtin, lotNumber });

export const ReceivePayload = z.object({
  gtin,
  lotNumber,
  expiresOn: isoDate.nullable().optional(),
  manufacturedOn: isoDate.nullable().optional(),
  serial: serial.nullable().optional(),
  qty,
  locationCode,
  supplier: z.string().max(100).nullable().optional(),
  supplierLot: z.string().max(40).nullable().optional(),
  scan: z.string().max(500).nullable().optional(),
});

/** Why the operator saved an op though the device knew less stock was at the source: shown to the supervisor with the exception. */
const overrideReason = z.string().trim().min(1).max(200).nullable().optional();

export const MovePayload = LotRef.extend({ fromLocationCode: locationCode, toLocationCode: locationCode, qty, serial: serial.nullable().optional(), overrideReason });

export const PickPayload = LotRef.extend({
  fromLocationCode: locationCode,
  toLocationCode: locationCode,
  qty,
  pickListId: z.string().uuid().nullable().optional(),
  serial: serial.nullable().optional(),
  overrideReason,
});

export const CountPayload = z.object({
  locationCode,
  lines: z.array(LotRef.extend({ countedQty: z.number().min(0).max(1e9).multipleOf(0.001) })).max(500),
  /** Lots on the location that were not scanned count as zero only when the count is complete. */
  complete: z.boolean().default(true),
});

const sscc = z
  .string()
  .regex(/^\d{18}$/, 'must be an 18-digit SSCC')
  .refine(isValidSscc, 'has a wrong check digit');
const customerCode = z.string().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'is not a customer code');
const documentNumber = z.string().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'is not a document number');

/** Stock taken from a location: a component consumed, or goods shipped. */
const StockLine = LotRef.extend({ qty, fromLocationCode: locationCode, serial: serial.nullable().optional() });

/**
 * A finished lot made from component lots. The lot number comes from the work order, or from
 * the item's number rule when the server applies the op: a handheld offline cannot know the
 * next number of a counter shared by the whole plant.
 */
export const ProducePayload = z.object({
  workOrderNumber: documentNumber.nullable().optional(),
  gtin,
  lotNumber: lotNumber.nullable().optional(),
  manufacturedOn: isoDate.nullable().optional(),
  expiresOn: isoDate.nullable().optional(),
  qty,
  locationCode,
  serials: z.array(serial).max(500).optional(),
  components: z.array(StockLine).min(1, 'needs at least one component').max(200),
});

/**
 * Goods shipped to a customer: lines of lots, and cases or pallets by SSCC, each shipping
 * everything inside it (the server reads what from its own records).
 */
export const ShipPayload = z
  .object({
    customerCode,
    shipmentNumber: documentNumber.nullable().optional(),
    lines: z.array(StockLine).max(200).default([]),
    containers: z.array(z.object({ sscc, fromLocationCode: locationCode })).max(100).optional(),
    overrideReason,
  })
  .refine((p) => p.lines.length > 0 || (p.containers?.length ?? 0) > 0, { message: 'needs at least one line or container', path: ['lines'] });

export const ReturnPayload = LotRef.extend({
  customerCode,
  qty,
  toLocationCode: locationCode,
  serial: serial.nullable().optional(),
  reason: z.string().max(200).nullable().optional(),
  /** The recall case the handheld's recall-return mode scanned the return against. */
  recallCase: z.string().trim().min(1).max(40).nullable().optional(),
});

/**
 * Labels for a lot, printed by the server's spool when the op syncs; serials are made then, by
 * the server's number rules. A label for a lot produced offline names the produce op, because
 * the lot's number is not known on the device yet.
 */
export const PrintPayload = z
  .object({
    gtin: gtin.optional(),
    lotNumber: lotNumber.optional(),
    producedBy: z.string().uuid().optional(),
    template: z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'is not a template name'),
    printer: z.string().min(1).max(60),
    quantity: z.number().int().min(1).max(1000),
  })
  .refine((p) => (p.gtin && p.lotNumber) || p.producedBy, { message: 'needs gtin and lotNumber, or producedBy', path: ['lotNumber'] });

const specName = z.string().min(1).max(40).regex(/^[a-z0-9][a-z0-9-]*$/, 'is not a packaging spec name');

/** What goes into or comes out of a container: another container by its SSCC, or units of a lot (one serial, or a quantity). */
export const PackChildPayload = z.union([z.object({ sscc }).strict(), LotRef.extend({ serial: serial.nullable().optional(), qty })]);

/**
 * A child packed into a case or pallet. `spec` names the packaging spec when the container is
 * new (its SSCC was issued but nothing is in it yet). `seenParent` is where the device saw the
 * child before: the server applies the pack only if that is still so, else the supervisor decides.
 */
export const PackPayload = z.object({ parent: sscc, spec: specName.nullable().optional(), child: PackChildPayload, seenParent: sscc.nullable() });

/** A child taken out of the container the device saw it in, found by scanning the child alone. */
export const UnpackPayload = z.object({ parent: sscc, child: PackChildPayload });

/**
 * The GS1 logistic label of a case or pallet, asked for on the handheld (offline too) with an
 * SSCC from the block issued to it; the server draws and spools it when the op syncs, with what
 * the container holds by then.
 */
export const PrintSsccPayload = z.object({
  sscc,
  printer: z.string().min(1).max(60),
  size: z.enum(['4x6', 'a6']).default('4x6'),
  /** A reprint after a pack or unpack: the container version the handheld drew the request for. */
  forVersion: z.number().int().min(1).max(2_147_483_647).optional(),
});

/**
 * A reprinted logistic label scanned back on the handheld and found to say what the container
 * held at `version`: its SSCC and, when it carries one, its content line.
 */
export const LabelVerifiedPayload = z.object({ sscc, version: z.number().int().min(0).max(2_147_483_647) });

/**
 * A supplier's pallet or case received whole by its SSCC, as its ship notice describes it: one
 * op for the one physical act, so the SSCC is received once or not at all. `lines` is what the
 * handheld showed the clerk; the server books the notice's own lines, which it holds.
 */
export const ReceiveContainerPayload = z.object({
  sscc,
  locationCode,
  notice: documentNumber.nullable().optional(),
  supplier: z.string().max(100).nullable().optional(),
  lines: z.array(LotRef.extend({ qty, expiresOn: isoDate.nullable().optional() })).max(500).default([]),
});

export const OP_TYPES = ['receive', 'move', 'pick', 'count', 'produce', 'ship', 'return', 'print', 'pack', 'unpack', 'print_sscc', 'receive_container', 'label_verified'] as const;
export type OpType = (typeof OP_TYPES)[number];

export const OP_PAYLOADS = {
  receive: ReceivePayload,
  move: MovePayload,
  pick: PickPayload,
  count: CountPayload,
  produce: ProducePayload,
  ship: ShipPayload,
  return: ReturnPayload,
  print: PrintPayload,
  pack: PackPayload,
  unpack: UnpackPayload,
  print_sscc: PrintSsccPayload,
  receive_container: ReceiveContainerPayload,
  label_verified: LabelVerifiedPayload,
} as const;

export type ReceiveOp = z.infer<typeof ReceivePayload>;
export type MoveOp = z.infer<typeof MovePayload>;
export type PickOp = z.infer<typeof PickPayload>;
export type CountOp = z.infer<typeof CountPayload>;
export type ProduceOp = z.infer<typeof ProducePayload>;
export type ShipOp = z.infer<typeof ShipPayload>;
export type ReturnOp = z.infer<typeof ReturnPayload>;
export type PrintOp = z.infer<typeof PrintPayload>;
export type PackOpPayload = z.infer<typeof PackPayload>;
export type UnpackOpPayload = z.infer<typeof UnpackPayload>;
export type PackChildOp = z.infer<typeof PackChildPayload>;
export type PrintSsccOp = z.infer<typeof PrintSsccPayload>;
export type LabelVerifiedOp = z.infer<typeof LabelVerifiedPayload>;
export type ReceiveContainerOp = z.infer<typeof ReceiveContainerPayload>;

export type OpPayload =
  | { type: 'receive'; payload: ReceiveOp }
  | { type: 'move'; payload: MoveOp }
  | { type: 'pick'; payload: PickOp }
  | { type: 'count'; payload: CountOp }
  | { type: 'produce'; payload: ProduceOp }
  | { type: 'ship'; payload: ShipOp }
  | { type: 'return'; payload: ReturnOp }
  | { type: 'print'; payload: PrintOp }
  | { type: 'pack'; payload: PackOpPayload }
  | { type: 'unpack'; payload: UnpackOpPayload }
  | { type: 'print_sscc'; payload: PrintSsccOp }
  | { type: 'receive_container'; payload: ReceiveContainerOp }
  | { type: 'label_verified'; payload: LabelVerifiedOp };

export const OP_STATUSES = ['queued', 'applied', 'exception', 'rejected', 'cancelled'] as const;
export type OpStatus = (typeof OP_STATUSES)[number];

/** Checks an op's type and payload; the message names the failing field, for the device to show. */
export function validateOp(type: string, payload: unknown): { ok: true; op: OpPayload } | { ok: false; reason: string } {
  if (!(OP_TYPES as readonly string[]).includes(type)) return { ok: false, reason: `unknown op type '${type}'` };
  const schema = OP_PAYLOADS[type as OpType];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${issue.path.join('.') || 'payload'}: ${issue.message}` };
  }
  return { ok: true, op: { type, payload: parsed.data } as OpPayload };
}
