import { z } from 'zod';
import { BIZ_STEPS, DISPOSITIONS } from './vocabulary';

/**
 * What a partner's EPCISDocument must be for Lotline to store its events: GS1's EPCIS 2.0 JSON
 * rules that matter for reading the events back (the JSON schema in ./schema holds them all),
 * checked event by event so every error names the event and the field.
 */

export interface CaptureProblem {
  /** Index of the event in eventList; absent for a problem of the document itself. */
  event?: number;
  /** JSON path from the document root, e.g. `epcisBody.eventList[3].quantityList[0].quantity`. */
  field: string;
  code: 'missing' | 'invalid' | 'not_a_number' | 'unknown_type' | 'too_many';
  message: string;
}

export const CAPTURE_MAX_EVENTS = 10_000;

const EVENT_TYPES = ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'] as const;
const NEEDS_ACTION = new Set(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'AssociationEvent']);

/** An absolute URI: a scheme, a colon, no spaces or control characters (what `format: uri` asks). */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\u0000-\u001f\u007f<>"{}|\\^`]+$/;
const isWellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
const uri = z.string().refine((s) => URI.test(s) && isWellFormed(s), 'must be an absolute URI');
/** xsd:dateTimeStamp: a date and time with a zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
export function isDateTimeStamp(s: string): boolean {
  if (!DATE_TIME.test(s) || !Number.isFinite(Date.parse(s))) return false;
  // Date.parse rolls 2026-02-30 over into March: the day must be one of its month.
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
const dateTime = z.string().refine(isDateTimeStamp, 'must be a date and time with a zone, e.g. 2026-03-01T09:30:00.000+08:00');
const offset = z.string().regex(/^[+-]([01]\d|2[0-3]):[0-5]\d$/, 'must be a UTC offset such as +08:00');
const vocabulary = (terms: readonly string[], name: string) => z.string().refine((s) => terms.includes(s) || (URI.test(s) && !s.startsWith('urn:epcglobal:cbv')), `must be a CBV ${name} (e.g. ${terms[0]}) or a URI of your own`);

const quantityElement = z
  .object({
    epcClass: uri,
    quantity: z.unknown().optional(),
    uom: z.string().regex(/^[A-Z0-9]{2,3}$/, 'must be a UN/ECE Rec 20 unit code such as KGM').optional(),
  })
  .superRefine((q, ctx) => {
    if (q.quantity === undefined) return;
    if (typeof q.quantity !== 'number' || !Number.isFinite(q.quantity)) {
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: typeof q.quantity === 'string' ? `must be a number, not text ("${q.quantity.slice(0, 40)}")` : 'must be a number', params: { lotline: 'not_a_number' } });
    } else if (q.quantity < 0) ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'must not be negative' });
  });
const typed = (field: 'source' | 'destination' | 'bizTransaction') => z.object({ type: z.string().min(1, 'is empty').optional(), [field]: uri });

const event = z
  .object({
    type: z.enum(EVENT_TYPES, { message: `must be one of ${EVENT_TYPES.join(', ')}` }),
    eventID: uri.optional(),
    eventTime: dateTime,
    eventTimeZoneOffset: offset,
    recordTime: dateTime.optional(),
    action: z.enum(['ADD', 'OBSERVE', 'DELETE'], { message: 'must be ADD, OBSERVE or DELETE' }).optional(),
    epcList: z.array(uri).optional(),
    childEPCs: z.array(uri).optional(),
    inputEPCList: z.array(uri).optional(),
    outputEPCList: z.array(uri).optional(),
    parentID: uri.optional(),
    quantityList: z.array(quantityElement).optional(),
    childQuantityList: z.array(quantityElement).optional(),
    inputQuantityList: z.array(quantityElement).optional(),
    outputQuantityList: z.array(quantityElement).optional(),
    transformationID: uri.optional(),
    bizStep: vocabulary(BIZ_STEPS, 'business step').optional(),
    disposition: vocabulary(DISPOSITIONS, 'disposition').optional(),
    readPoint: z.object({ id: uri }).passthrough().optional(),
    bizLocation: z.object({ id: uri }).passthrough().optional(),
    bizTransactionList: z.array(typed('bizTransaction')).optional(),
    sourceList: z.array(typed('source')).optional(),
    destinationList: z.array(typed('destination')).optional(),
    ilmd: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough()
  .superRefine((e, ctx) => {
    if (NEEDS_ACTION.has(e.type) && e.action === undefined) ctx.addIssue({ code: 'custom', path: ['action'], message: `is required on an ${e.type}` });
  });

export type CapturedEvent = z.infer<typeof event> & Record<string, unknown>;

function problemsOf(error: z.ZodError, prefix: string, index?: number): CaptureProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    const notNumber = issue.code === 'custom' && (issue as { params?: { lotline?: string } }).params?.lotline === 'not_a_number';
    return {
      ...(index === undefined ? {} : { event: index }),
      field: `${prefix}${path}`,
      code: missing ? 'missing' : notNumber ? 'not_a_number' : issue.path[0] === 'type' ? 'unknown_type' : 'invalid',
      message: missing ? 'is required' : issue.message,
    };
  });
}

export interface CheckedDocument {
  /** The document's own problems: nothing in it can be captured. */
  documentProblems: CaptureProblem[];
  /** Each event, parsed or with its problems, in document order. */
  events: ({ index: number; ok: true; event: CapturedEvent } | { index: number; ok: false; problems: CaptureProblem[] })[];
  context: unknown;
}

/** Checks an EPCISDocument: the document's frame first, then every event on its own. */
export function checkCaptureDocument(body: unknown): CheckedDocument {
  const documentProblems: CaptureProblem[] = [];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { documentProblems: [{ field: '(document)', code: 'invalid', message: 'must be a JSON object (an EPCISDocument)' }], events: [], context: undefined };
  }
  const doc = body as Record<string, unknown>;
  if (doc['@context'] === undefined) documentProblems.push({ field: '@context', code: 'missing', message: `is required: JSON-LD needs it to read the events (at least "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld")` });
  if (doc.type !== 'EPCISDocument') documentProblems.push({ field: 'type', code: doc.type === undefined ? 'missing' : 'invalid', message: 'must be "EPCISDocument"' });
  if (doc.schemaVersion === undefined) documentProblems.push({ field: 'schemaVersion', code: 'missing', message: 'is required ("2.0")' });
  else if (typeof doc.schemaVersion !== 'string' || !/^2\.\d+$/.test(doc.schemaVersion)) documentProblems.push({ field: 'schemaVersion', code: 'invalid', message: 'must be an EPCIS 2.x version such as "2.0"' });
  if (doc.creationDate === undefined) documentProblems.push({ field: 'creationDate', code: 'missing', message: 'is required' });
  else if (typeof doc.creationDate !== 'string' || !isDateTimeStamp(doc.creationDate)) documentProblems.push({ field: 'creationDate', code: 'invalid', message: 'must be a date and time with a zone' });
  const bodyPart = doc.epcisBody as { eventList?: unknown } | undefined;
  const list = bodyPart && typeof bodyPart === 'object' ? bodyPart.eventList : undefined;
  if (!Array.isArray(list)) {
    documentProblems.push({ field: 'epcisBody.eventList', code: list === undefined ? 'missing' : 'invalid', message: 'must be a list of events' });
    return { documentProblems, events: [], context: doc['@context'] };
  }
  if (list.length === 0) documentProblems.push({ field: 'epcisBody.eventList', code: 'invalid', message: 'has no events' });
  if (list.length > CAPTURE_MAX_EVENTS) {
    documentProblems.push({ field: 'epcisBody.eventList', code: 'too_many', message: `has ${list.length} events; send at most ${CAPTURE_MAX_EVENTS} per document` });
    return { documentProblems, events: [], context: doc['@context'] };
  }
  const events = list.map((raw, index) => {
    const parsed = event.safeParse(raw);
    const prefix = `epcisBody.eventList[${index}]`;
    if (parsed.success) return { index, ok: true as const, event: parsed.data as CapturedEvent };
    return { index, ok: false as const, problems: problemsOf(parsed.error, prefix, index) };
  });
  return { documentProblems, events, context: doc['@context'] };
}
