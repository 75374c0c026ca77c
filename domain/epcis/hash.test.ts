import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalNumber, canonicalTime, contextNamespaces, eventHashId } from './hash';

const dir = new URL('./testdata/event-hash/', import.meta.url);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const lines = (name: string) => readFileSync(new URL(name, dir), 'utf8').split('\n').filter((l) => l.trim() !== '');

interface Example {
  name: string;
  context: unknown;
  events: Record<string, unknown>[];
  hashes: string[];
}

const examples: Example[] = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonld'))
  .map((file) => {
    const name = file.replace(/\.jsonld$/, '');
    const doc = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { '@context': unknown; epcisBody: { eventList?: Record<string, unknown>[]; event?: Record<string, unknown>; queryResults?: { resultsBody: { eventList: Record<string, unknown>[] } } } };
    const body = doc.epcisBody;
    const events = body.eventList ?? body.queryResults?.resultsBody.eventList ?? [body.event!];
    return { name, context: doc['@context'], events, hashes: lines(`${name}.hashes`) };
  });

describe('EPCIS event hash against the reference implementation', () => {
  it('has the examples to compare with', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
    expect(examples.reduce((n, e) => n + e.events.length, 0)).toBeGreaterThanOrEqual(39);
  });

  // Only the hashes: some .prehashes files of the reference lag behind its hashes.
  it.each(examples.map((e) => [e.name, e] as const))('%s: every event hashes as the reference hashes it', (_, example) => {
    const namespaces = contextNamespaces(example.context);
    expect(example.events.map((e) => eventHashId(e, namespaces, sha256))).toEqual(example.hashes);
  });
});

describe('what the hash does not depend on, and what it does', () => {
  const base = {
    type: 'ObjectEvent',
    eventTime: '2026-03-01T09:30:00.000+08:00',
    eventTimeZoneOffset: '+08:00',
    action: 'OBSERVE',
    bizStep: 'shipping',
    quantityList: [
      { epcClass: 'urn:epc:class:lgtin:6901234.000001.S2411', quantity: 20, uom: 'EA' },
      { epcClass: 'urn:epc:class:lgtin:6901234.000002.P7', quantity: 5 },
    ],
  };
  const ns = new Map<string, string>();

  it('is the same whatever the key order, list order, id, record time or number spelling', () => {
    const shuffled = {
      quantityList: [{ quantity: 5.0, epcClass: 'urn:epc:class:lgtin:6901234.000002.P7' }, { uom: 'EA', quantity: 20, epcClass: 'https://example.com/01/06901234000016/10/S2411?x=1' }],
      eventID: 'urn:uuid:1',
      recordTime: '2026-03-02T00:00:00Z',
      bizStep: 'urn:epcglobal:cbv:bizstep:shipping',
      action: 'OBSERVE',
      eventTimeZoneOffset: '+08:00',
      eventTime: '2026-03-01T01:30:00Z',
      type: 'ObjectEvent',
    };
    expect(eventHashId(shuffled, ns, sha256)).toBe(eventHashId(base, ns, sha256));
  });

  it.each([
    ['a quantity', { quantityList: [{ ...base.quantityList[0], quantity: 21 }, base.quantityList[1]] }],
    ['the time by a millisecond', { eventTime: '2026-03-01T09:30:00.001+08:00' }],
    ['the step', { bizStep: 'receiving' }],
    ['an added disposition', { disposition: 'in_transit' }],
    ['a full-width lot', { quantityList: [{ ...base.quantityList[0], epcClass: 'urn:epc:class:lgtin:6901234.000001.Ｓ2411' }, base.quantityList[1]] }],
  ])('changes with %s', (_, change) => {
    expect(eventHashId({ ...base, ...change }, ns, sha256)).not.toBe(eventHashId(base, ns, sha256));
  });

  it('reads numbers and times as the reference does', () => {
    expect([canonicalNumber('1.0'), canonicalNumber('+0012'), canonicalNumber('0.3434'), canonicalNumber('0.000015'), canonicalNumber('1_000'), canonicalNumber('12a'), canonicalNumber('')]).toEqual(['1', '12', '0.3434', '1.5e-05', '1000', null, null]);
    expect(canonicalTime('2023-01-18T11:04:03.1415+01:00')).toBe('2023-01-18T10:04:03.142Z');
    expect(canonicalTime('2023-01-18T11:04:03.1425Z')).toBe('2023-01-18T11:04:03.142Z');
    expect(canonicalTime('2023-01-18T11:04:03Z')).toBe('2023-01-18T11:04:03.000Z');
    expect(canonicalTime('not a time')).toBe('not a time');
  });

  it('hashes odd strings without throwing: lone surrogates, NUL', () => {
    const odd = { ...base, 'example:note': 'a\u0000b\ud800' };
    expect(eventHashId(odd, new Map([['example', 'https://ns.example.com/']]), sha256)).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
  });
});
