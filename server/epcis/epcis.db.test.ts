import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextNamespaces, eventHashId, epcisDocument, type EpcisEvent } from '../../domain/epcis';
import { gs1CheckDigit } from '../../domain/gs1';
import { composeSscc } from '../../domain/sscc';
import { ADMIN_PASSWORD, bearer, json, signIn } from '../test-support/app';
import { openDemoPlant, type DemoPlant, type ErrorBody } from '../test-support/demo-plant';
import { enrolAndSignIn, newOp, pushOpsAs } from '../test-support/handheld';
import { sha256Hex } from './export';

// EPCIS 2.0 as a partner meets it: the plant's acts as events, the query, paging, partner-bound
// keys, and capture of the partner's own events. Runs on PGlite, and on PostgreSQL with DATABASE_URL.
const schema = JSON.parse(readFileSync(new URL('../../domain/epcis/schema/EPCIS-JSON-Schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

const SYRINGE = '06901234000016';
const BARREL = '06901234000115';
const PLUNGER = '06901234000122';
const gln = (body12: string) => body12 + gs1CheckDigit(body12);
const PLANT_GLN = gln('690123400000');
const DIST_GLN = gln('690555500001');

let plant: DemoPlant;
let admin: string;
let reader: string;
let partner: string;
let sender: string;
let otherSender: string;

interface QueryDoc {
  type: string;
  epcisBody: { queryResults: { resultsBody: { eventList: EpcisEvent[] } } };
}

async function newKey(integration: string, scopes: string[], partnerGln?: string): Promise<string> {
  const res = await plant.app.request('/api/api-keys', json('POST', { integration, scopes, ...(partnerGln ? { partnerGln } : {}) }, admin));
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { secret: string }).secret;
}

const get = (path: string, key: string) => plant.app.request(path, { headers: { 'x-api-key': key } });
const post = (path: string, body: unknown, key: string, headers: Record<string, string> = {}) =>
  plant.app.request(path, { method: 'POST', headers: { 'content-type': 'application/ld+json', 'x-api-key': key, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function allEvents(key: string, query = '', perPage = 500): Promise<EpcisEvent[]> {
  const events: EpcisEvent[] = [];
  let path: string | null = `/epcis/events?perPage=${perPage}${query}`;
  for (let pages = 0; path && pages < 1000; pages++) {
    const res: Response = await get(path, key);
    expect(res.status, await res.clone().text()).toBe(200);
    const doc = (await res.json()) as QueryDoc;
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    events.push(...doc.epcisBody.queryResults.resultsBody.eventList);
    const link = res.headers.get('link');
    path = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1]! : null;
  }
  return events;
}

beforeAll(async () => {
  plant = await openDemoPlant('epcis');
  admin = await signIn(plant.app, 'admin', ADMIN_PASSWORD);
  expect((await plant.app.request('/api/epcis/settings', json('PUT', { companyPrefixLength: 7, plantGln: PLANT_GLN.slice(0, 12) + String((Number(PLANT_GLN[12]) + 1) % 10) }, admin))).status).toBe(400);
  expect((await plant.app.request('/api/epcis/settings', json('PUT', { companyPrefixLength: 7, plantGln: PLANT_GLN }, plant.qa))).status).toBe(403);
  const set = await plant.app.request('/api/epcis/settings', json('PUT', { companyPrefixLength: 7, plantGln: PLANT_GLN }, admin));
  expect(await set.json()).toEqual({ companyPrefixLength: 7, plantGln: PLANT_GLN });
  await plant.t.db.query(`UPDATE customers SET gln = $1 WHERE code = 'DIST-BJ'`, [DIST_GLN]);
  reader = await newKey('erp-epcis', ['epcis:read']);
  partner = await newKey('dist-bj', ['epcis:read'], DIST_GLN);
  sender = await newKey('supplier-x', ['epcis:capture', 'epcis:read']);
  otherSender = await newKey('supplier-y', ['epcis:capture']);
  const clerk = await enrolAndSignIn(plant.app, 'EPCIS-HH1', 'clerk', plant.password);
  const ops = [
    newOp(clerk, 'receive', { gtin: BARREL, lotNumber: 'EP-R1', qty: 500, locationCode: 'RCV-01', expiresOn: '2030-01-31', supplier: 'Ningbo Polymer Co.' }),
    newOp(clerk, 'move', { gtin: BARREL, lotNumber: 'EP-R1', qty: 500, fromLocationCode: 'RCV-01', toLocationCode: 'QA-HOLD' }),
    newOp(clerk, 'produce', {
      gtin: SYRINGE,
      lotNumber: 'EP-S1',
      qty: 100,
      locationCode: 'PRD-L1',
      expiresOn: '2029-06-30',
      components: [
        { gtin: BARREL, lotNumber: 'PP2410A', qty: 100, fromLocationCode: 'A-01-01' },
        { gtin: PLUNGER, lotNumber: 'RB2409C', qty: 100, fromLocationCode: 'A-01-02' },
      ],
    }),
    newOp(clerk, 'ship', { customerCode: 'DIST-BJ', shipmentNumber: 'EP-SH1', lines: [{ gtin: SYRINGE, lotNumber: 'S24110701', qty: 10, fromLocationCode: 'B-02-01' }] }),
    newOp(clerk, 'ship', { customerCode: 'HOSP-SH1', shipmentNumber: 'EP-SH2', lines: [{ gtin: SYRINGE, lotNumber: 'S24110701', qty: 5, fromLocationCode: 'B-02-01' }] }),
  ];
  await pushOpsAs(plant.app, clerk, ops);
  const states = await plant.t.db.query<{ status: string; outcome: unknown }>('SELECT status, outcome FROM ops WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)', [ops.map((o) => o.id)]);
  expect(states.rows.map((s) => s.status), JSON.stringify(states.rows)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
  await plant.release('EP-R1');
});
afterAll(() => plant.t.close());

describe('the plant acts as EPCIS 2.0 events', () => {
  it('exports every act as a schema-valid event whose id is its CBV 2.0 hash', async () => {
    const events = await allEvents(reader);
    const ns = contextNamespaces(['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { cbvmda: 'urn:epcglobal:cbv:mda:' }, { lotline: 'urn:lotline:epcis:' }]);
    for (const e of events) expect(e.eventID).toBe(eventHashId(e as unknown as Record<string, unknown>, ns, sha256Hex));
    expect(new Set(events.map((e) => e.eventID)).size).toBe(events.length);
    const steps = new Set(events.map((e) => e.bizStep));
    for (const step of ['receiving', 'storing', 'commissioning', 'shipping', 'inspecting']) expect(steps).toContain(step);
  });

  it('writes receiving with ilmd, production as a transformation by LGTIN, shipping with parties and SGLNs', async () => {
    const events = await allEvents(reader);
    const received = events.find((e) => e.bizStep === 'receiving' && e.ilmd?.['cbvmda:lotNumber'] === 'EP-R1')!;
    expect(received).toMatchObject({ type: 'ObjectEvent', action: 'ADD', quantityList: [{ epcClass: 'urn:epc:class:lgtin:6901234.000011.EP-R1', quantity: 500 }], ilmd: { 'cbvmda:itemExpirationDate': '2030-01-31' } });
    expect(received.readPoint!.id).toBe('urn:epc:id:sgln:6901234.00000.RCV-01');
    const made = events.find((e) => e.type === 'TransformationEvent' && e.ilmd?.['cbvmda:lotNumber'] === 'EP-S1')!;
    expect(made.inputQuantityList).toEqual([
      { epcClass: 'urn:epc:class:lgtin:6901234.000011.PP2410A', quantity: 100 },
      { epcClass: 'urn:epc:class:lgtin:6901234.000012.RB2409C', quantity: 100 },
    ]);
    expect(made.outputQuantityList).toEqual([{ epcClass: 'urn:epc:class:lgtin:6901234.000001.EP-S1', quantity: 100 }]);
    const shipped = events.find((e) => e.bizStep === 'shipping' && e.bizTransactionList?.[0]?.bizTransaction.endsWith(':EP-SH1'))!;
    expect(shipped).toMatchObject({ disposition: 'in_transit', quantityList: [{ epcClass: 'urn:epc:class:lgtin:6901234.000001.S24110701', quantity: 10 }] });
    expect(shipped.sourceList).toContainEqual({ type: 'owning_party', source: 'urn:epc:id:pgln:6901234.00000' });
    expect(shipped.destinationList).toEqual([
      { type: 'owning_party', destination: 'urn:epc:id:pgln:6905555.00001' },
      { type: 'location', destination: 'urn:epc:id:sgln:6905555.00001.0' },
    ]);
    const released = events.find((e) => e.bizStep === 'inspecting' && e.quantityList?.[0]?.epcClass.endsWith('.EP-R1'))!;
    expect(released).toMatchObject({ action: 'OBSERVE', disposition: 'conformant' });
  });
});

describe('GET /epcis/events', () => {
  it.each([1, 7, 500, 5000])('pages of %i give every event once, in time order', async (perPage) => {
    const whole = await allEvents(reader, '', 5000);
    const paged = await allEvents(reader, '', perPage);
    expect(paged.map((e) => e.eventID)).toEqual(whole.map((e) => e.eventID));
    const times = paged.map((e) => Date.parse(e.eventTime));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('filters by step, disposition, class, EPC pattern and time', async () => {
    const all = await allEvents(reader);
    const shipping = await allEvents(reader, '&EQ_bizStep=shipping');
    expect(shipping.length).toBe(all.filter((e) => e.bizStep === 'shipping').length);
    expect(shipping.length).toBeGreaterThanOrEqual(2);
    expect(await allEvents(reader, '&EQ_bizStep=https://ref.gs1.org/cbv/BizStep-shipping')).toEqual(shipping);
    const transit = await allEvents(reader, '&EQ_disposition=in_transit|conformant');
    expect(transit.every((e) => e.disposition === 'in_transit' || e.disposition === 'conformant')).toBe(true);
    const lot = await allEvents(reader, `&MATCH_epcClass=${encodeURIComponent('urn:epc:class:lgtin:6901234.000011.EP-R1')}`);
    expect(lot.map((e) => e.bizStep).sort()).toEqual(['inspecting', 'receiving', 'storing']);
    const anyLot = await allEvents(reader, `&MATCH_epcClass=${encodeURIComponent('urn:epc:idpat:sgtin:6901234.000011.*')}`);
    expect(anyLot.length).toBeGreaterThan(lot.length);
    const middle = all[Math.floor(all.length / 2)]!;
    const later = await allEvents(reader, `&GE_eventTime=${encodeURIComponent(middle.eventTime)}`);
    expect(later.every((e) => Date.parse(e.eventTime) >= Date.parse(middle.eventTime))).toBe(true);
    const earlier = await allEvents(reader, `&LT_eventTime=${encodeURIComponent(middle.eventTime)}`);
    expect(earlier.length + later.length).toBe(all.length);
  });

  it.each([
    ['perPage=0', 'perPage'],
    ['perPage=5001', 'perPage'],
    ['perPage=７', 'perPage'],
    ['GE_eventTime=yesterday', 'GE_eventTime'],
    ['LT_eventTime=2026-03-01T00:00:00', 'LT_eventTime'],
    ['nextPageToken=not-a-token', 'nextPageToken'],
  ])('refuses %s, naming the field', async (query, field) => {
    const res = await get(`/epcis/events?${query}`, reader);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toContain(field);
  });

  it('answers keys only: a session, a key without the scope, no key', async () => {
    expect((await plant.app.request('/epcis/events', { headers: { authorization: `Bearer ${plant.qa}` } })).status).toBe(401);
    expect((await get('/epcis/events', otherSender)).status).toBe(403);
    expect((await plant.app.request('/epcis/events')).status).toBe(401);
  });

  it("shows a partner-bound key only the events shipped to the partner's GLN", async () => {
    const seen = await allEvents(partner);
    // The demo's own shipment to DIST-BJ and this test's; never the hospital's.
    expect(seen.map((e) => e.bizTransactionList![0]!.bizTransaction.split(':').at(-1)).sort()).toEqual(['EP-SH1', 'SH-DEMO-001']);
    expect(seen.every((e) => e.destinationList!.some((d) => d.destination === 'urn:epc:id:pgln:6905555.00001'))).toBe(true);
  });
});

describe('POST /epcis/capture', () => {
  const partnerEvent = (n: number, extra: Record<string, unknown> = {}) => ({
    type: 'ObjectEvent',
    eventTime: `2026-02-0${n}T08:00:00.000+01:00`,
    eventTimeZoneOffset: '+01:00',
    action: 'OBSERVE',
    bizStep: 'shipping',
    disposition: 'in_transit',
    quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.L' + n, quantity: 10 + n, uom: 'KGM' }],
    destinationList: [{ type: 'owning_party', destination: `urn:epc:id:pgln:${PLANT_GLN.slice(0, 7)}.${PLANT_GLN.slice(7, 12)}` }],
    ...extra,
  });
  const doc = (events: unknown[]) => ({ ...epcisDocument([], '2026-02-10T00:00:00Z'), epcisBody: { eventList: events } });

  it('refuses a document without @context or event list whole, naming each field', async () => {
    const { '@context': _, ...noContext } = doc([partnerEvent(1)]);
    const res = await post('/epcis/capture', noContext, sender);
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('epcis_document_invalid');
    expect(body.error.details!.problems).toContainEqual(expect.objectContaining({ field: '@context', code: 'missing' }));
    const noList = await post('/epcis/capture', { ...doc([]), epcisBody: {} }, sender);
    expect(((await noList.json()) as ErrorBody).error.details!.problems).toContainEqual(expect.objectContaining({ field: 'epcisBody.eventList' }));
    expect((await post('/epcis/capture', '{"type": "EPCISDoc', sender)).status).toBe(400);
    expect((await post('/epcis/capture', doc([partnerEvent(1)]), sender, { 'GS1-Capture-Error-Behaviour': 'greedy' })).status).toBe(400);
    expect(await plant.count('SELECT 1 FROM epcis_capture_jobs')).toBe(0);
  });

  it('with rollback stores nothing when one event is wrong, and names the event and field', async () => {
    const bad = partnerEvent(2, { quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.L2', quantity: '12' }], eventTime: '2026-02-02 08:00' });
    const res = await post('/epcis/capture', doc([partnerEvent(1), bad]), sender);
    expect(res.status).toBe(202);
    const job = (await res.json()) as { captureID: string; success: boolean; running: boolean; eventsCaptured: number; errors: { event: number; field: string; code: string; message: string }[] };
    expect(res.headers.get('location')).toBe(`/epcis/capture/${job.captureID}`);
    expect(job).toMatchObject({ running: false, success: false, eventsCaptured: 0 });
    expect(job.errors).toContainEqual(expect.objectContaining({ event: 1, field: 'epcisBody.eventList[1].quantityList[0].quantity', code: 'not_a_number' }));
    expect(job.errors).toContainEqual(expect.objectContaining({ event: 1, field: 'epcisBody.eventList[1].eventTime' }));
    expect(await plant.count('SELECT 1 FROM epcis_captured_events')).toBe(0);
    const read = await get(`/epcis/capture/${job.captureID}`, sender);
    expect(await read.json()).toEqual(job);
    expect((await get(`/epcis/capture/${job.captureID}`, otherSender)).status).toBe(404);
  });

  it('with proceed stores the good events, lists the bad, and absorbs an event sent again', async () => {
    const bad = partnerEvent(3, { action: undefined, bizStep: 'urn:epcglobal:cbv:bizstep:nonsense\u3000' });
    const res = await post('/epcis/capture', doc([partnerEvent(1), bad, partnerEvent(4)]), sender, { 'GS1-Capture-Error-Behaviour': 'proceed' });
    const job = (await res.json()) as { success: boolean; eventsCaptured: number; errors: { event: number; field: string }[] };
    expect(job.success).toBe(false);
    expect(job.eventsCaptured).toBe(2);
    expect(job.errors.map((e) => e.field).sort()).toEqual(['epcisBody.eventList[1].action', 'epcisBody.eventList[1].bizStep']);
    // The same event with its keys in another order and the step as a URI: the same hash, stored once.
    const again = Object.fromEntries(Object.entries(partnerEvent(1, { bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping' })).reverse());
    const twice = (await (await post('/epcis/capture', doc([again]), sender)).json()) as { success: boolean; eventsCaptured: number; eventsDuplicate: number };
    expect(twice).toMatchObject({ success: true, eventsCaptured: 0, eventsDuplicate: 1 });
    const captured = await allEvents(sender, `&MATCH_epcClass=${encodeURIComponent('urn:epc:class:lgtin:4012345.012345.L1')}`);
    expect(captured).toHaveLength(1);
    expect(captured[0]!.eventID).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
  });

  it('refuses odd text before it is stored: a lone surrogate, a NUL', async () => {
    for (const odd of ['L\ud800', 'L\u0000']) {
      const res = await post('/epcis/capture', doc([partnerEvent(5, { 'example:note': odd })]), sender);
      expect(res.status).toBe(400);
    }
  });
});

describe('corrections', () => {
  it('declares an op a supervisor reversed in error, under the event id of the op', async () => {
    const picker = await enrolAndSignIn(plant.app, 'EPCIS-HH2', 'picker', plant.password);
    const pick = newOp(picker, 'pick', { gtin: '06901234000030', lotNumber: 'M2405K', qty: 20, fromLocationCode: 'A-01-02', toLocationCode: 'SHP-01' });
    await pushOpsAs(plant.app, picker, [pick]);
    const open = await plant.app.request('/api/exceptions?status=open', bearer(plant.supervisor));
    const exception = ((await open.json()) as { exceptions: { id: string; kind: string; version: number }[] }).exceptions.find((e) => e.kind === 'lot_not_pickable')!;
    const resolved = await plant.app.request(`/api/exceptions/${exception.id}/resolve`, json('POST', { action: 'reverse', reason: 'the lot is on hold', version: exception.version }, plant.supervisor));
    expect(resolved.status).toBe(200);
    const picked = (await allEvents(reader, '&EQ_bizStep=picking')).filter((e) => e['lotline:source'] === `urn:uuid:${pick.id}`);
    expect(picked).toHaveLength(2);
    expect(picked[0]!.errorDeclaration).toBeUndefined();
    expect(picked[1]!).toMatchObject({ eventID: picked[0]!.eventID, eventTime: picked[0]!.eventTime, errorDeclaration: { reason: 'incorrect_data' } });
  });

  it('writes a supervisor\'s stock adjustment as a quantity mismatch found in counting', async () => {
    const counter = await enrolAndSignIn(plant.app, 'EPCIS-HH3', 'clerk', plant.password);
    const count = newOp(counter, 'count', { locationCode: 'QA-HOLD', complete: false, lines: [{ gtin: BARREL, lotNumber: 'EP-R1', countedQty: 480 }] });
    await pushOpsAs(plant.app, counter, [count]);
    const open = await plant.app.request('/api/exceptions?status=open', bearer(plant.supervisor));
    const variance = ((await open.json()) as { exceptions: { id: string; kind: string; opId: string; version: number }[] }).exceptions.find((e) => e.kind === 'count_variance' && e.opId === count.id)!;
    const resolved = await plant.app.request(`/api/exceptions/${variance.id}/resolve`, json('POST', { action: 'adjust', reason: 'twenty damaged, scrapped', version: variance.version }, plant.supervisor));
    expect(resolved.status, await resolved.clone().text()).toBe(200);
    const adjusted = (await allEvents(reader, '&EQ_disposition=mismatch_quantity')).filter((e) => e['lotline:source'] === `urn:uuid:${variance.id}`);
    expect(adjusted).toHaveLength(1);
    expect(adjusted[0]).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'cycle_counting',
      quantityList: [{ epcClass: 'urn:epc:class:lgtin:6901234.000011.EP-R1', quantity: 20 }],
      bizLocation: { id: 'urn:epc:id:sgln:6901234.00000.QA-HOLD' },
      'lotline:adjustment': 'lost',
    });
  });
});

describe('a pallet received by its SSCC', () => {
  it('exports each lot as received, as a receive op does, and the pallet holding them as an aggregation; a second receipt of it adds nothing', async () => {
    const erp = await newKey('erp-asn', ['items:write', 'partners:write', 'orders:write', 'read']);
    const call = (method: string, path: string, body: unknown) => plant.app.request(path, { method, headers: { 'content-type': 'application/json', 'x-api-key': erp }, body: JSON.stringify(body) });
    const gtin = (ref: string) => `0690123400${ref}${gs1CheckDigit(`0690123400${ref}`)}`;
    const [needle, cap] = [gtin('014'), gtin('015')];
    expect((await call('PUT', '/api/integration/suppliers/SUP-EP', { code: 'EP-SUP', name: 'Suzhou Needle 苏州' })).status).toBe(201);
    expect((await call('PUT', '/api/integration/items/ERP-NEEDLE', { gtin: needle, sku: 'NDL-14', name: 'Needle 14' })).status).toBe(201);
    expect((await call('PUT', '/api/integration/items/ERP-CAP', { gtin: cap, sku: 'CAP-15', name: 'Cap 15' })).status).toBe(201);
    const pallet = composeSscc(0, '6901234', 77n);
    const line = (n: number, item: string, qty: number, lot: string, expiresOn: string | null) => ({ line: n, item, qty, supplierLot: lot, expiresOn, sscc: pallet });
    const notice = { externalId: 'ASN-EP1', kind: 'ship_notice', number: 'ASN-EP1', supplier: 'SUP-EP', lines: [line(1, 'ERP-NEEDLE', 16, 'ND/1', '2029-03-31'), line(2, 'ERP-CAP', 300, 'CP-2', null), line(3, 'ERP-NEEDLE', 8, 'ND/1', '2029-03-31')] };
    const made = (await (await call('POST', '/api/integration/purchase-orders/batch', { rows: [notice] })).json()) as { results: { outcome: string }[] };
    expect(made.results.map((r) => r.outcome)).toEqual(['created']);
    const dock = await enrolAndSignIn(plant.app, 'EPCIS-HH4', 'clerk', plant.password);
    const first = newOp(dock, 'receive_container', { sscc: pallet, locationCode: 'RCV-01', lines: [] });
    const again = newOp(dock, 'receive_container', { sscc: pallet, locationCode: 'RCV-01', lines: [] });
    await pushOpsAs(plant.app, dock, [first, again]);
    const states = await plant.t.db.query<{ status: string }>('SELECT status FROM ops WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)', [[first.id, again.id]]);
    expect(states.rows.map((s) => s.status)).toEqual(['applied', 'exception']);

    const events = await allEvents(reader, '&EQ_bizStep=receiving');
    const ours = events.filter((e) => e['lotline:source'] === `urn:uuid:${first.id}`);
    expect(events.filter((e) => e['lotline:source'] === `urn:uuid:${again.id}`)).toEqual([]);
    const ns = contextNamespaces(['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { cbvmda: 'urn:epcglobal:cbv:mda:' }, { lotline: 'urn:lotline:epcis:' }]);
    for (const e of ours) expect(e.eventID).toBe(eventHashId(e as unknown as Record<string, unknown>, ns, sha256Hex));
    const needles = 'urn:epc:class:lgtin:6901234.000014.ND%2F1';
    const caps = 'urn:epc:class:lgtin:6901234.000015.CP-2';
    const common = { bizStep: 'receiving', disposition: 'in_progress', readPoint: { id: 'urn:epc:id:sgln:6901234.00000.RCV-01' }, bizTransactionList: [{ type: 'desadv', bizTransaction: expect.stringMatching(/^urn:lotline:ship-notice:.+:ASN-EP1$/) as unknown }] };
    const receipts = ours.filter((e) => e.type === 'ObjectEvent').sort((a, b) => (a.quantityList![0]!.epcClass < b.quantityList![0]!.epcClass ? -1 : 1));
    expect(receipts).toHaveLength(2);
    expect(receipts[0]).toMatchObject({ ...common, action: 'ADD', quantityList: [{ epcClass: needles, quantity: 24 }], ilmd: { 'cbvmda:lotNumber': 'ND/1', 'cbvmda:itemExpirationDate': '2029-03-31' }, destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:6901234.00000' }] });
    expect(receipts[1]).toMatchObject({ ...common, action: 'ADD', quantityList: [{ epcClass: caps, quantity: 300 }], ilmd: { 'cbvmda:lotNumber': 'CP-2' } });
    const aggregated = ours.filter((e) => e.type === 'AggregationEvent');
    expect(aggregated).toHaveLength(1);
    expect(aggregated[0]).toMatchObject({ ...common, action: 'ADD', parentID: 'urn:epc:id:sscc:6901234.0000000077', childQuantityList: [{ epcClass: needles, quantity: 24 }, { epcClass: caps, quantity: 300 }] });
    expect(new Set(ours.map((e) => e.eventTime)).size).toBe(1);
  });
});
