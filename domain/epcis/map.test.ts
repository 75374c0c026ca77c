import Ajv from 'ajv';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCaptureDocument } from './capture';
import { epcisDocument, epcisQueryDocument } from './document';
import { lgtinClass, parseEpc, sgln } from './identifiers';
import { STATUS_EVENT, factToEvent, factToEvents, type EpcisSettings, type LedgerFact } from './map';
import { traceFromEvents } from './rebuild';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const schema = JSON.parse(readFileSync(new URL('./schema/EPCIS-JSON-Schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

const SYRINGE = '06901234000016';
const BARREL = '06901234000115';
const withGln: EpcisSettings = { companyPrefixLength: 7, plantGln: '6901234000004', site: 'MAIN', zoneOffset: () => '+08:00' };
const noGln: EpcisSettings = { ...withGln, plantGln: null };
const at = '2026-03-01T01:30:00.000Z';
const lot = { gtin: SYRINGE, lotNumber: 'S2603A', qty: 20, uom: 'EA', expiresOn: '2029-02-28' };
const barrel = { gtin: BARREL, lotNumber: 'PP7', qty: 40, uom: 'EA' };
const source = '0195a4f0-0000-7000-8000-000000000001';

const facts: LedgerFact[] = [
  { kind: 'receive', source, at, lot, locationCode: 'RCV-01', supplier: 'Ningbo' },
  { kind: 'commission', source, at, lot, locationCode: 'A-01-01' },
  { kind: 'produce', source, at, workOrder: 'WO-7', output: lot, serials: ['0001', '0002'], inputs: [barrel, { ...barrel, qty: 2 }], locationCode: 'PRD-L1' },
  { kind: 'move', source, at, lot, fromCode: 'RCV-01', toCode: 'QA-HOLD' },
  { kind: 'pick', source, at, lot: { ...lot, serial: '0001' }, fromCode: 'A-01-01', toCode: 'SHP-01' },
  { kind: 'count', source, at, locationCode: 'A-01-01', lines: [{ ...lot, qty: 0 }] },
  { kind: 'ship', source, at, shipment: 'SH/7', customer: { code: 'DIST-BJ', gln: '6905555000011' }, lines: [{ ...lot, fromCode: 'SHP-01' }] },
  { kind: 'ship', source, at, shipment: 'SH-8', customer: { code: 'HOSP.SH1', gln: null }, lines: [{ ...lot, fromCode: null }] },
  { kind: 'return', source, at, lot, toCode: 'QA-HOLD', customer: { code: 'DIST-BJ', gln: null } },
  { kind: 'print', source, at, lot: { ...lot, qty: 3 } },
  ...Object.keys(STATUS_EVENT).map((to): LedgerFact => ({ kind: 'status', source, at, lot, from: 'quarantine', to })),
];

describe('ledger facts as EPCIS 2.0 events', () => {
  it.each([
    ['with a plant GLN', withGln],
    ['without one', noGln],
  ])('every kind of act makes a document GS1 schema accepts, %s', (_, settings) => {
    const events = facts.map((f) => factToEvent(settings, f, sha256));
    const query = epcisQueryDocument(events, at);
    expect(validate(query), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const capture = epcisDocument(events, at);
    expect(validate(capture), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // And Lotline's own capture check takes what it exports.
    expect(checkCaptureDocument(capture).events.every((e) => e.ok)).toBe(true);
  });

  it('the schema check can fail: a quantity as text is refused', () => {
    const event = { ...factToEvent(withGln, facts[0]!, sha256), quantityList: [{ epcClass: lgtinClass(SYRINGE, 'X', 7), quantity: '20' }] };
    expect(validate(epcisDocument([event as never], at))).toBe(false);
  });

  it('names lots by LGTIN class and places by SGLN, or by a Lotline URI without a GLN', () => {
    const received = factToEvent(withGln, facts[0]!, sha256);
    expect(received.quantityList).toEqual([{ epcClass: 'urn:epc:class:lgtin:6901234.000001.S2603A', quantity: 20 }]);
    expect(received.readPoint).toEqual({ id: sgln('6901234000004', 'RCV-01', 7) });
    expect(received.ilmd).toEqual({ 'cbvmda:lotNumber': 'S2603A', 'cbvmda:itemExpirationDate': '2029-02-28' });
    expect(factToEvent(noGln, facts[0]!, sha256).readPoint).toEqual({ id: 'urn:lotline:location:MAIN:RCV-01' });
    expect(parseEpc(received.quantityList![0]!.epcClass)).toEqual({ gtin: SYRINGE, lot: 'S2603A' });
    const made = factToEvent(withGln, facts[2]!, sha256);
    expect(made.inputQuantityList).toEqual([{ epcClass: 'urn:epc:class:lgtin:6901234.000011.PP7', quantity: 42 }]);
    expect(made.outputEPCList).toEqual(['urn:epc:id:sgtin:6901234.000001.0001', 'urn:epc:id:sgtin:6901234.000001.0002']);
    expect(made.transformationID).toBe('urn:lotline:work-order:MAIN:WO-7');
  });

  it('maps lot statuses to holding, inspecting, recalled and destroying', () => {
    const byStatus = Object.fromEntries(facts.filter((f) => f.kind === 'status').map((f) => [(f as { to: string }).to, factToEvent(withGln, f, sha256)]));
    expect(byStatus.on_hold).toMatchObject({ bizStep: 'holding', disposition: 'non_sellable_other' });
    expect(byStatus.released).toMatchObject({ bizStep: 'inspecting', disposition: 'conformant' });
    expect(byStatus.recalled).toMatchObject({ bizStep: 'holding', disposition: 'recalled' });
    expect(byStatus.scrapped).toMatchObject({ bizStep: 'destroying', disposition: 'destroyed' });
    expect(byStatus.recalled!.quantityList).toEqual([{ epcClass: 'urn:epc:class:lgtin:6901234.000001.S2603A' }]);
  });

  it('declares a reversed op in error under the same event id, and a rebuilt trace leaves it out', () => {
    const ship = facts[6]!;
    const original = factToEvent(withGln, ship, sha256);
    const declared = factToEvent(withGln, { kind: 'reversal', source, at: '2026-03-02T00:00:00.000Z', reversed: ship }, sha256);
    expect(declared.eventID).toBe(original.eventID);
    expect(declared.eventTime).toBe(original.eventTime);
    expect(declared.errorDeclaration).toEqual({ declarationTime: '2026-03-02T00:00:00.000Z', reason: 'incorrect_data' });
    const root = { gtin: SYRINGE, lotNumber: 'S2603A' };
    expect(traceFromEvents([original], root, 'forward').shipments.size).toBe(1);
    expect(traceFromEvents([original, declared], root, 'forward').shipments.size).toBe(0);
  });

  it('keeps two alike acts apart by their source, and one act the same however often it is exported', () => {
    const a = factToEvent(withGln, facts[3]!, sha256);
    expect(factToEvent(withGln, facts[3]!, sha256)).toEqual(a);
    expect(factToEvent(withGln, { ...facts[3]!, source: '0195a4f0-0000-7000-8000-000000000002' }, sha256).eventID).not.toBe(a.eventID);
  });

  it('writes a pallet received by its SSCC as each lot received, then the pallet holding them; a reversal declares all of them', () => {
    const pallet: LedgerFact = { kind: 'receive_container', source, at, sscc: '069012340000000771', notice: 'ASN/9', lines: [lot, { ...barrel, expiresOn: null }], locationCode: 'RCV-01', supplier: 'Ningbo' };
    const events = factToEvents(withGln, pallet, sha256);
    expect(events.map((e) => e.type)).toEqual(['ObjectEvent', 'ObjectEvent', 'AggregationEvent']);
    const single = factToEvent(withGln, { kind: 'receive', source, at, lot, locationCode: 'RCV-01', supplier: 'Ningbo' }, sha256);
    const { eventID: _a, bizTransactionList, ...first } = events[0]!;
    const { eventID: _b, ...received } = single;
    expect(first).toEqual(received);
    expect(bizTransactionList).toEqual([{ type: 'desadv', bizTransaction: 'urn:lotline:ship-notice:MAIN:ASN%2F9' }]);
    expect(events[2]).toMatchObject({ action: 'ADD', parentID: 'urn:epc:id:sscc:6901234.0000000077', bizStep: 'receiving', disposition: 'in_progress', childQuantityList: [{ epcClass: lgtinClass(SYRINGE, 'S2603A', 7), quantity: 20 }, { epcClass: lgtinClass(BARREL, 'PP7', 7), quantity: 40 }] });
    expect(parseEpc(events[2]!.parentID!)).toEqual({ sscc: '069012340000000771' });
    expect(new Set(events.map((e) => e.eventID)).size).toBe(3);
    expect(validate(epcisDocument(events, '2026-03-01T02:00:00.000Z')), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const declared = factToEvents(withGln, { kind: 'reversal', source, at: '2026-03-02T00:00:00.000Z', reversed: pallet }, sha256);
    expect(declared.map((e) => e.eventID)).toEqual(events.map((e) => e.eventID));
    expect(declared.every((e) => e.errorDeclaration?.reason === 'incorrect_data')).toBe(true);
  });
});
