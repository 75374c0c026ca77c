import { toCanonicalDigitalLink } from './identifiers';
import { CBV_URN_PREFIXES, VOCABULARY_FIELDS } from './vocabulary';

/**
 * The EPCIS event hash of CBV 2.0 (section 8.9): a pre-hash string built from the event's
 * content in a fixed property order, whatever its syntax or key order, hashed with SHA-256 and
 * written `ni:///sha-256;<hex>?ver=CBV2.0`. Lotline uses it as the eventID of the events it
 * exports and to recognise a partner's event sent twice.
 *
 * The algorithm's reference implementation (epcis-event-hash-generator) fixes details the prose
 * leaves open; this one agrees with it on its JSON examples (see hash.test.ts), including:
 * - bizTransaction, source and destination write their type before their value;
 * - the lists holding them, ilmd and user extensions follow the ordered fields, sorted as strings;
 * - every value (also in ilmd and extensions) that reads as a number is written as a number:
 *   a lot number "0012" in ilmd hashes as 12, as in the reference.
 * Where the reference cannot hash an event (a bizTransaction without a type, a naive timestamp
 * read in the machine's zone) this one hashes the value alone and reads the time as UTC.
 */

/** A node of the event as the algorithm sees it: a key, a value, children. A pair keeps a typed list entry's type beside its value. */
type Node = { key: string; value: string; children: Node[] } | { pair: Node[] };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The ordered part: each field, and for fields with parts, the order of their parts. */
type Order = readonly (readonly [string, Order | null])[];
const QUANTITY: Order = [['quantityElement', [['epcClass', null], ['quantity', null], ['uom', null]]]];
const EPC: Order = [['epc', null]];
const PROPERTY_ORDER: Order = [
  ['eventTime', null],
  ['eventTimeZoneOffset', null],
  ['certificationInfo', null],
  ['parentID', null],
  ['epcList', EPC],
  ['inputEPCList', EPC],
  ['childEPCs', EPC],
  ['quantityList', QUANTITY],
  ['childQuantityList', QUANTITY],
  ['inputQuantityList', QUANTITY],
  ['outputEPCList', EPC],
  ['outputQuantityList', QUANTITY],
  ['action', null],
  ['transformationID', null],
  ['bizStep', null],
  ['disposition', null],
  ['persistentDisposition', [['set', null], ['unset', null]]],
  ['readPoint', [['id', null]]],
  ['bizLocation', [['id', null]]],
  [
    'sensorElementList',
    [
      [
        'sensorElement',
        [
          ['sensorMetadata', ['time', 'startTime', 'endTime', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules'].map((k) => [k, null] as const)],
          [
            'sensorReport',
            ['type', 'exception', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'time', 'microorganism', 'chemicalSubstance', 'value', 'component', 'stringValue', 'booleanValue', 'hexBinaryValue', 'uriValue', 'minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue', 'uom', 'coordinateReferenceSystem'].map(
              (k) => [k, null] as const,
            ),
          ],
        ],
      ],
    ],
  ],
];
/** Not part of what an event says: where it was recorded, its id, its error declaration. */
const NOT_HASHED = new Set(['recordTime', 'eventID', 'type', 'errorDeclaration']);
const TYPED_LISTS = new Set(['sourceList', 'destinationList', 'bizTransactionList']);
const TYPED_ENTRIES = new Set(['bizTransaction', 'source', 'destination']);
const IGNORED_KEYS = new Set(['#text', 'rdfs:comment', 'comment']);

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** JSON-LD namespace prefixes declared in a document's @context, as `{uri}` for keys. */
export function contextNamespaces(context: unknown): Map<string, string> {
  const namespaces = new Map<string, string>();
  const entries = Array.isArray(context) ? context : [context];
  for (const entry of entries) {
    if (entry && typeof entry === 'object') {
      for (const [prefix, uri] of Object.entries(entry as Record<string, unknown>)) if (typeof uri === 'string') namespaces.set(prefix, uri);
    }
  }
  return namespaces;
}

function expandKey(key: string, namespaces: ReadonlyMap<string, string>): string {
  const at = key.indexOf(':');
  if (at < 0) return key;
  const uri = namespaces.get(key.slice(0, at));
  return uri === undefined ? key : `{${uri}}${key.slice(at + 1)}`;
}

function expandValue(value: string, namespaces: ReadonlyMap<string, string>): string {
  const at = value.indexOf(':');
  if (at < 0) return value;
  const uri = namespaces.get(value.slice(0, at));
  return uri === undefined ? value : uri + value.slice(at + 1);
}

/** The text a JSON scalar reads as (booleans as the reference writes them). */
function scalarText(value: Json): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

/**
 * Bare CBV terms in their fields become web URIs; then, as JSON-LD expansion does in the
 * reference, the same bare term anywhere else in the event is read as that URI too.
 */
function expandBareTerms(event: Record<string, Json>): Record<string, Json> {
  const expanded = new Set<string>();
  const visit = (value: Json, field: string | null, parentKey: string | null): Json => {
    if (Array.isArray(value)) return value.map((v) => visit(v, field, parentKey));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, Json> = {};
      for (const [k, v] of Object.entries(value)) {
        const vocabulary =
          k === 'type' &&
          (parentKey === 'bizTransactionList' ? 'bizTransactionType' : parentKey === 'sourceList' || parentKey === 'destinationList' ? 'sourceDestType' : parentKey === 'sensorReport' ? 'sensorType' : null);
        out[k] = visit(v, vocabulary || k, k);
      }
      return out;
    }
    if (typeof value === 'string' && (field === 'sensorType' || field === 'exception') && /^[A-Za-z_]+$/.test(value)) {
      // Measurement types and alert types are GS1 Web Vocabulary terms (gs1:Temperature).
      expanded.add(`https://gs1.org/voc/${value}`);
      return `https://gs1.org/voc/${value}`;
    }
    if (typeof value === 'string' && field) {
      const vocab = VOCABULARY_FIELDS[field];
      if (vocab && vocab.terms.includes(value)) {
        expanded.add(vocab.prefix + value);
        return vocab.prefix + value;
      }
    }
    return value;
  };
  const first = visit(event, null, null) as Record<string, Json>;
  if (expanded.size === 0) return first;
  // Every tail of an expanded URI after a '-' or '/', to the URIs it ends: a value is replaced when exactly one URI ends with -value or /value.
  const tails = new Map<string, Set<string>>();
  for (const uri of expanded) {
    for (let i = 0; i < uri.length; i++) {
      if (uri[i] !== '-' && uri[i] !== '/') continue;
      const tail = uri.slice(i + 1);
      tails.set(tail, (tails.get(tail) ?? new Set()).add(uri));
    }
  }
  const replace = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(replace);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
    if (typeof value !== 'string') return value;
    const matches = tails.get(value);
    return matches?.size === 1 ? [...matches][0]! : value;
  };
  return replace(first) as Record<string, Json>;
}

function compareNodes(a: Node, b: Node): number {
  if ('pair' in a || 'pair' in b) return 0;
  return byCodeUnits(a.key, b.key) || byCodeUnits(a.value, b.value);
}

/** A JSON value as nodes; an object's parts are sorted unless it is a typed list entry. */
function toNode(key: string, value: Json, namespaces: ReadonlyMap<string, string>): Node[] {
  if (Array.isArray(value)) return value.flatMap((v) => toNode(key, v, namespaces));
  if (value !== null && typeof value === 'object') {
    const children: Node[] = [];
    for (const [k, v] of Object.entries(value)) {
      if (IGNORED_KEYS.has(k)) continue;
      children.push(...toNode(expandKey(k, namespaces), v, namespaces));
    }
    if (!Object.keys(value).some((k) => TYPED_ENTRIES.has(k))) children.sort(compareNodes);
    return [{ key, value: '', children }];
  }
  const text = typeof value === 'string' ? expandValue(value, namespaces) : scalarText(value);
  return [{ key, value: text, children: [] }];
}

const RENAMED: Record<string, string> = { inputEPC: 'epc', outputEPC: 'epc', inputQuantity: 'quantityElement', outputQuantity: 'quantityElement', childQuantity: 'quantityElement' };

/** JSON names list entries by their list; the algorithm names them as XML does (epcList > epc, quantityList > quantityElement). */
function asXmlModel(node: Node): Node {
  if ('pair' in node) return node;
  const lists = new Map<string, Node[]>();
  const childEpcs: Node[] = [];
  const rest: Node[] = [];
  for (const child of node.children) {
    if ('pair' in child) rest.push(child);
    else if (child.key.endsWith('List')) {
      const entries = lists.get(child.key) ?? [];
      entries.push({ key: child.key.slice(0, -4), value: child.value, children: child.children });
      lists.set(child.key, entries);
    } else if (child.key === 'childEPCs') childEpcs.push({ key: 'epc', value: child.value, children: [] });
    else rest.push(child);
  }
  const corrected: Node[] = rest.map(asXmlModel);
  for (const [name, entries] of lists) {
    if (TYPED_LISTS.has(name)) corrected.push({ key: name, value: '', children: entries.map((e) => ('pair' in e ? e : { pair: e.children.slice(0, 2) })) });
    else corrected.push(asXmlModel({ key: name, value: '', children: entries }));
  }
  if (childEpcs.length > 0) corrected.push({ key: 'childEPCs', value: '', children: childEpcs });
  let key = node.key;
  if (RENAMED[key]) key = RENAMED[key]!;
  else if (key === 'quantity' && corrected.length > 0) key = 'quantityElement';
  return { key, value: node.value, children: corrected };
}

/** A value that reads as a number is written as one: no trailing zeros, no plus sign. */
const NUMBER_START = /^\s*[-+.\d]/;

export function canonicalNumber(text: string): string | null {
  if (!NUMBER_START.test(text)) return null;
  const t = text.trim().replace(/(\d)_(?=\d)/g, '$1');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  if (Number.isInteger(n)) return BigInt(n).toString();
  if (Math.abs(n) >= 1e-4) return String(n);
  // Written as the reference's language writes small numbers: 1.5e-05.
  const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
}

function canonicalValue(text: string): string {
  let t = text;
  if (t.includes('urn:epcglobal:cbv:')) for (const [urn, uri] of CBV_URN_PREFIXES) t = t.split(urn).join(uri);
  t = canonicalNumber(t) ?? t;
  return t.startsWith('urn:epc:') || t.startsWith('http') ? (toCanonicalDigitalLink(t) ?? t) : t;
}

/** A timestamp in UTC to the millisecond (rounded half to even on microseconds, as the reference does). */
export function canonicalTime(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/.exec(text);
  if (!m) return text;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone = 'Z'] = m;
  const micros = Number(frac.slice(0, 6).padEnd(6, '0'));
  const thousands = Math.floor(micros / 1000);
  const rest = micros % 1000;
  const millis = rest > 500 || (rest === 500 && thousands % 2 === 1) ? thousands + 1 : thousands;
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.replace(':', '');
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
  }
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + millis - offsetMinutes * 60_000;
  if (!Number.isFinite(ms)) return text;
  return new Date(ms).toISOString();
}

const isTimeKey = (key: string) => key.toLowerCase().includes('time') && !key.toLowerCase().includes('offset');
const isExtensionKey = (key: string) => key.includes('{') && key.includes('/}');

/** Fields not in the order, in any order: sorted as strings, typed list entries kept type first. */
function freeFields(nodes: readonly Node[]): string {
  const parts = nodes.map((node): string => {
    if ('pair' in node) return freeFields(node.pair);
    const value = node.value.trim();
    return node.key + (value ? `=${canonicalValue(value)}` : '') + freeFields(node.children);
  });
  const keepOrder = nodes.some((n) => !('pair' in n) && TYPED_ENTRIES.has(n.key));
  if (parts.length > 1 && !keepOrder) parts.sort(byCodeUnits);
  return parts.join('');
}

/** Ordered fields; what it consumed is taken out of `nodes`, so the rest can follow. */
function orderedFields(nodes: Node[], order: Order, topLevel: boolean): string {
  let extensions: Node[] = [];
  if (!topLevel && nodes.length > 1) {
    extensions = nodes.filter((n) => !('pair' in n) && isExtensionKey(n.key));
    for (const e of extensions) nodes.splice(nodes.indexOf(e), 1);
  }
  let text = '';
  for (const [name, sub] of order) {
    const values: string[] = [];
    for (const node of nodes.filter((n) => !('pair' in n) && n.key === name)) {
      if ('pair' in node) continue;
      const inner = sub ? orderedFields(node.children, sub, false) : '';
      let value = node.value.trim();
      if (value) value = `=${isTimeKey(node.key) ? canonicalTime(value) : canonicalValue(value)}`;
      if (value || inner) values.push(node.key + value + inner);
      if (node.children.length === 0) nodes.splice(nodes.indexOf(node), 1);
    }
    values.sort(byCodeUnits);
    text += values.join('');
  }
  if (extensions.length > 0) text += freeFields(extensions);
  return text;
}

/** The pre-hash string of one event, with the namespaces of its document's @context. */
export function preHashString(event: Readonly<Record<string, unknown>>, namespaces: ReadonlyMap<string, string>): string {
  const expanded = expandBareTerms(event as Record<string, Json>);
  const [root] = toNode(typeof expanded.type === 'string' ? expanded.type : '', expanded, namespaces);
  const tree = asXmlModel(root!);
  if ('pair' in tree) throw new Error('an event is an object');
  const nodes = tree.children;
  const ordered = orderedFields(nodes, PROPERTY_ORDER, true);
  const rest = nodes.filter((n) => 'pair' in n || !NOT_HASHED.has(n.key));
  return `eventType=${tree.key}${ordered}${rest.length > 0 ? freeFields(rest) : ''}`;
}

/** SHA-256 of a UTF-8 string as lower-case hex: node:crypto on the server, WebCrypto elsewhere. */
export type Sha256Hex = (text: string) => string;

export function eventHashId(event: Readonly<Record<string, unknown>>, namespaces: ReadonlyMap<string, string>, sha256: Sha256Hex): string {
  return `ni:///sha-256;${sha256(preHashString(event, namespaces))}?ver=CBV2.0`;
}
