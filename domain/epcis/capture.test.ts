import { describe, expect, it } from 'vitest';
import { checkCaptureDocument, type CaptureProblem } from './capture';

const event = {
  type: 'ObjectEvent',
  eventTime: '2026-02-01T08:00:00.000+01:00',
  eventTimeZoneOffset: '+01:00',
  action: 'OBSERVE',
  bizStep: 'receiving',
  quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.L1', quantity: 12 }],
};
const doc = (events: unknown[], extra: Record<string, unknown> = {}) => ({ '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-02-01T09:00:00Z', epcisBody: { eventList: events }, ...extra });
const problemsOf = (e: Record<string, unknown>): CaptureProblem[] => {
  const checked = checkCaptureDocument(doc([e]));
  const first = checked.events[0]!;
  return first.ok ? [] : first.problems;
};

describe('checking a partner document', () => {
  it('takes a good event', () => {
    expect(checkCaptureDocument(doc([event]))).toMatchObject({ documentProblems: [], events: [{ ok: true }] });
  });

  it.each([
    ['quantity as text', { quantityList: [{ epcClass: event.quantityList[0]!.epcClass, quantity: '12' }] }, 'quantityList[0].quantity', 'not_a_number'],
    ['quantity in full-width digits', { quantityList: [{ epcClass: event.quantityList[0]!.epcClass, quantity: '１２' }] }, 'quantityList[0].quantity', 'not_a_number'],
    ['a negative quantity', { quantityList: [{ epcClass: event.quantityList[0]!.epcClass, quantity: -1 }] }, 'quantityList[0].quantity', 'invalid'],
    ['a time without a zone', { eventTime: '2026-02-01T08:00:00' }, 'eventTime', 'invalid'],
    ['a time that is no day', { eventTime: '2026-02-30T08:00:00Z' }, 'eventTime', 'invalid'],
    ['no time zone offset', { eventTimeZoneOffset: undefined }, 'eventTimeZoneOffset', 'missing'],
    ['no action on an ObjectEvent', { action: undefined }, 'action', 'invalid'],
    ['an unknown event type', { type: 'ThingEvent' }, 'type', 'unknown_type'],
    ['a bare step CBV does not know', { bizStep: 'teleporting' }, 'bizStep', 'invalid'],
    ['a class that is no URI', { quantityList: [{ epcClass: 'lot 7' }] }, 'quantityList[0].epcClass', 'invalid'],
    ['a unit in lower case', { quantityList: [{ epcClass: event.quantityList[0]!.epcClass, quantity: 1, uom: 'kgm' }] }, 'quantityList[0].uom', 'invalid'],
  ])('refuses %s, naming the field', (_, change, field, code) => {
    const problems = problemsOf({ ...event, ...change });
    expect(problems).toContainEqual(expect.objectContaining({ event: 0, field: `epcisBody.eventList[0].${field}`, code }));
  });

  it.each([
    ['no @context', { '@context': undefined }, '@context'],
    ['another document type', { type: 'EPCISQueryDocument' }, 'type'],
    ['no schemaVersion', { schemaVersion: undefined }, 'schemaVersion'],
    ['a creationDate without zone', { creationDate: '2026-02-01 09:00' }, 'creationDate'],
    ['no event list', { epcisBody: {} }, 'epcisBody.eventList'],
  ])('refuses a document with %s', (_, change, field) => {
    const checked = checkCaptureDocument({ ...doc([event]), ...change });
    expect(checked.documentProblems.map((p) => p.field)).toContain(field);
  });

  it('refuses more events than one document may hold, and a body that is not an object', () => {
    expect(checkCaptureDocument(doc(Array.from({ length: 10_001 }, () => event))).documentProblems[0]).toMatchObject({ code: 'too_many' });
    expect(checkCaptureDocument([event]).documentProblems[0]).toMatchObject({ field: '(document)' });
  });
});
