import { gs1CheckDigit } from '../gs1';

/**
 * EPC URIs (TDS 2.x) for what Lotline names: a lot of an item (LGTIN class), a serial (SGTIN), a
 * location (SGLN), a party (PGLN); and their canonical GS1 Digital Link form, which the event
 * hash compares.
 *
 * An EPC URI splits a GTIN or GLN at the end of the GS1 Company Prefix, whose length only the
 * prefix's owner knows (the URI cannot be derived from the 13/14 digits alone). Lotline keeps one
 * length per installation (epcis_settings.company_prefix_length, 7 by default: GS1 China assigns
 * 7-digit prefixes in the 690-699 range, as the demo items use); a partner's URIs carry their own.
 */

const URI_SAFE = /[!()*+,:]/g;
/** GS1 Digital Link asks for these characters of AI values percent-encoded. */
const dlEncode = (value: string) => value.replace(URI_SAFE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** TDS escapes in EPC URIs: the characters an URN segment cannot hold as they are. */
const epcEscape = (value: string) => value.replace(/[%"&/<>?#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

export function assertPrefixLength(length: number): void {
  if (!Number.isInteger(length) || length < 6 || length > 12) throw new RangeError(`a GS1 Company Prefix has 6 to 12 digits, not ${length}`);
}

/** `urn:epc:class:lgtin:<company prefix>.<indicator + item reference>.<lot>` */
export function lgtinClass(gtin14: string, lot: string, prefixLength: number): string {
  assertPrefixLength(prefixLength);
  return `urn:epc:class:lgtin:${gtin14.slice(1, 1 + prefixLength)}.${gtin14[0]}${gtin14.slice(1 + prefixLength, 13)}.${epcEscape(lot)}`;
}

/** `urn:epc:id:sgtin:<company prefix>.<indicator + item reference>.<serial>` */
export function sgtin(gtin14: string, serial: string, prefixLength: number): string {
  assertPrefixLength(prefixLength);
  return `urn:epc:id:sgtin:${gtin14.slice(1, 1 + prefixLength)}.${gtin14[0]}${gtin14.slice(1 + prefixLength, 13)}.${epcEscape(serial)}`;
}

/** `urn:epc:id:sgln:<company prefix>.<location reference>.<extension>`; extension `0` is the GLN itself. */
export function sgln(gln: string, extension: string, prefixLength: number): string {
  assertPrefixLength(prefixLength);
  return `urn:epc:id:sgln:${gln.slice(0, prefixLength)}.${gln.slice(prefixLength, 12)}.${epcEscape(extension)}`;
}

/** `urn:epc:id:pgln:<company prefix>.<party reference>` */
export function pgln(gln: string, prefixLength: number): string {
  assertPrefixLength(prefixLength);
  return `urn:epc:id:pgln:${gln.slice(0, prefixLength)}.${gln.slice(prefixLength, 12)}`;
}

/** `urn:epc:id:sscc:<company prefix>.<extension digit + serial reference>`: a pallet or case. */
export function ssccUri(sscc18: string, prefixLength: number): string {
  assertPrefixLength(prefixLength);
  return `urn:epc:id:sscc:${sscc18.slice(1, 1 + prefixLength)}.${sscc18[0]}${sscc18.slice(1 + prefixLength, 17)}`;
}

const withCheck = (digits: string) => digits + String(gs1CheckDigit(digits));

function gtinOf(prefix: string, itemRef: string): string | null {
  if (prefix.length + itemRef.length !== 13) return null;
  return withCheck(itemRef[0] + prefix + itemRef.slice(1));
}

function glnOf(prefix: string, ref: string): string | null {
  return prefix.length + ref.length === 12 ? withCheck(prefix + ref) : null;
}

/** What an EPC URI names, as a GS1 key and its qualifiers: lot and serial of a GTIN, extension of a GLN. */
export interface EpcParts {
  gtin?: string;
  lot?: string;
  serial?: string;
  gln?: string;
  extension?: string;
  sscc?: string;
}

/** Reads the EPC URIs Lotline writes and partners commonly send; null for anything else. */
export function parseEpc(uri: string): EpcParts | null {
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return null;
    }
  };
  let m = /^urn:epc:(?:class:lgtin|id:sgtin):(\d+)\.(\d+)\.(.+)$/.exec(uri);
  if (m) {
    const gtin = gtinOf(m[1]!, m[2]!);
    const value = decode(m[3]!);
    if (!gtin || value === null) return null;
    return uri.startsWith('urn:epc:class:') ? { gtin, lot: value } : { gtin, serial: value };
  }
  m = /^urn:epc:idpat:sgtin:(\d+)\.(\d+)\.\*$/.exec(uri);
  if (m) {
    const gtin = gtinOf(m[1]!, m[2]!);
    return gtin ? { gtin } : null;
  }
  m = /^urn:epc:id:sgln:(\d+)\.(\d*)\.(.+)$/.exec(uri);
  if (m) {
    const gln = glnOf(m[1]!, m[2]!);
    const extension = decode(m[3]!);
    return gln && extension !== null ? { gln, extension } : null;
  }
  m = /^urn:epc:id:pgln:(\d+)\.(\d*)$/.exec(uri);
  if (m) {
    const gln = glnOf(m[1]!, m[2]!);
    return gln ? { gln } : null;
  }
  m = /^urn:epc:id:sscc:(\d+)\.(\d+)$/.exec(uri);
  if (m && m[1]!.length + m[2]!.length === 17) return { sscc: withCheck(m[2]![0] + m[1]! + m[2]!.slice(1)) };
  return null;
}

const DL = 'https://id.gs1.org';
const DL_SHORT_NAMES: Record<string, string> = { gtin: '01', itip: '8006', cpid: '8010', gln: '414', party: '417', gsrnp: '8017', gsrn: '8018', gcn: '255', sscc: '00', gdti: '253', ginc: '401', gsin: '402', grai: '8003', giai: '8004', cpv: '22', lot: '10', ser: '21' };
const DL_VALUE = "[\"'\\-.0-9;-?A-Z_a-z]{0,20}";
const DL_FINAL = [
  /^\/00\/\d{18}$/, new RegExp(`^/01/\\d{14}/21/${DL_VALUE}$`), new RegExp(`^/01/\\d{14}/10/${DL_VALUE}$`), /^\/01\/\d{14}$/,
  /^\/414\/\d{13}$/, new RegExp(`^/414/\\d{13}/254/${DL_VALUE}$`), /^\/417\/\d{13}$/, /^\/253\/\d{13}["'\-.0-9;-?A-Z_a-z]{0,17}$/,
  /^\/8003\/\d{14}["'\-.0-9;-?A-Z_a-z]{0,16}$/, /^\/8004\/["'\-.0-9;-?A-Z_a-z]{0,30}$/, /^\/8017\/\d{18}$/, /^\/8018\/\d{18}$/,
  /^\/402\/\d{17}$/, /^\/255\/\d{13}\d{0,12}$/, /^\/401\/["'\-.0-9;-?A-Z_a-z]{0,30}$/,
];
const DL_KEY_PATH = /\/(01|gtin|8006|itip|8010|cpid|414|gln|417|party|8017|gsrnp|8018|gsrn|255|gcn|00|sscc|253|gdti|401|ginc|402|gsin|8003|grai|8004|giai)\/\d{4}/;

/** A GS1 Digital Link URI in the constrained canonical form: id.gs1.org, numeric AIs, finest key only, no query. */
function canonicalDigitalLink(uri: string): string | null {
  if (!/^https?:\/\//.test(uri)) return null;
  const keyAt = uri.search(DL_KEY_PATH);
  if (keyAt < 0) return null;
  let path = uri.slice(keyAt).replace(/[?#].*$/, '').replace(/\/$/, '');
  path = path.replace(/\/([a-z]+)\//g, (whole, name: string) => (DL_SHORT_NAMES[name] ? `/${DL_SHORT_NAMES[name]}/` : whole));
  path = path.replace(/^\/01\/(\d{8}|\d{12}|\d{13})(?=\/|$)/, (_, g: string) => `/01/${g.padStart(14, '0')}`);
  path = path.replace(/\/22\/[^/]*/, '');
  path = path.replace(/^(\/01\/\d{14})\/10\/[^/]*(\/21\/[^/]*)$/, '$1$2');
  return DL_FINAL.some((p) => p.test(path)) ? DL + path : null;
}

/**
 * The canonical GS1 Digital Link URI of an EPC URI, EPC class or pattern URI, or Digital Link
 * URI (the event hash compares identifiers in this form); null when the value is none of these.
 */
export function toCanonicalDigitalLink(uri: string): string | null {
  if (uri.startsWith('http')) return canonicalDigitalLink(uri);
  if (!uri.startsWith('urn:epc:')) return null;
  let m = /^urn:epc:id:sgtin:(\d{6,12})\.(\d{1,7})\.(.{1,60})$/.exec(uri);
  if (m) {
    const gtin = gtinOf(m[1]!, m[2]!);
    return gtin ? `${DL}/01/${gtin}/21/${dlEncode(m[3]!)}` : null;
  }
  m = /^urn:epc:class:lgtin:(\d{6,12})\.(\d{1,7})\.(.{1,60})$/.exec(uri);
  if (m) {
    const gtin = gtinOf(m[1]!, m[2]!);
    return gtin ? `${DL}/01/${gtin}/10/${dlEncode(m[3]!)}` : null;
  }
  m = /^urn:epc:idpat:sgtin:(\d{6,12})\.(\d{1,7})\.\*$/.exec(uri);
  if (m) {
    const gtin = gtinOf(m[1]!, m[2]!);
    return gtin ? `${DL}/01/${gtin}` : null;
  }
  m = /^urn:epc:id:sscc:(\d{6,12})\.(\d{5,11})$/.exec(uri);
  if (m && m[1]!.length + m[2]!.length === 17) return `${DL}/00/${withCheck(m[2]![0] + m[1]! + m[2]!.slice(1))}`;
  m = /^urn:epc:id:sgln:(\d{6,12})\.(\d{0,6})\.(.{1,60})$/.exec(uri);
  if (m) {
    const gln = glnOf(m[1]!, m[2]!);
    if (!gln) return null;
    return m[3] === '0' ? `${DL}/414/${gln}` : `${DL}/414/${gln}/254/${dlEncode(m[3]!)}`;
  }
  m = /^urn:epc:id:pgln:(\d{6,12})\.(\d{0,6})$/.exec(uri);
  if (m) {
    const gln = glnOf(m[1]!, m[2]!);
    return gln ? `${DL}/417/${gln}` : null;
  }
  m = /^urn:epc:id:gdti:(\d{6,12})\.(\d{0,6})\.(.{0,17})$/.exec(uri);
  if (m) {
    const key = glnOf(m[1]!, m[2]!);
    return key ? `${DL}/253/${key}${dlEncode(m[3]!)}` : null;
  }
  m = /^urn:epc:id:grai:(\d{6,12})\.(\d{0,6})\.(.{1,16})$/.exec(uri);
  if (m && m[1]!.length + m[2]!.length === 12) return `${DL}/8003/${withCheck(`0${m[1]}${m[2]}`)}${dlEncode(m[3]!)}`;
  m = /^urn:epc:id:giai:(\d{6,12})\.(.{1,24})$/.exec(uri);
  if (m) return `${DL}/8004/${m[1]}${dlEncode(m[2]!)}`;
  return otherKeys(uri);
}

/** The rarer GS1 keys (service relations, shipments, consignments, components, coupons) and the patterns of classes. */
function otherKeys(uri: string): string | null {
  const split = (m: RegExpExecArray | null, total: number) => (m && m[1]!.length + m[2]!.length === total ? m : null);
  let m = split(/^urn:epc:id:gsrn:(\d{6,12})\.(\d{5,11})$/.exec(uri), 17);
  if (m) return `${DL}/8018/${withCheck(m[1]! + m[2]!)}`;
  m = split(/^urn:epc:id:gsrnp:(\d{6,12})\.(\d{5,11})$/.exec(uri), 17);
  if (m) return `${DL}/8017/${withCheck(m[1]! + m[2]!)}`;
  m = split(/^urn:epc:id:gsin:(\d{6,12})\.(\d{4,10})$/.exec(uri), 16);
  if (m) return `${DL}/402/${withCheck(m[1]! + m[2]!)}`;
  m = /^urn:epc:id:ginc:(\d{6,12})\.(.{1,24})$/.exec(uri);
  if (m) return `${DL}/401/${m[1]}${dlEncode(m[2]!)}`;
  m = /^urn:epc:id:sgcn:(\d{6,12})\.(\d{0,6})\.(\d{1,12})$/.exec(uri);
  if (m && m[1]!.length + m[2]!.length === 12) return `${DL}/255/${withCheck(m[1]! + m[2]!)}${m[3]}`;
  m = /^urn:epc:id:cpi:(\d{6,12})\.([0-9A-Z%-]{1,24})\.(\d{1,12})$/.exec(uri);
  if (m) return `${DL}/8010/${dlEncode(m[1]! + m[2]!)}/8011/${m[3]}`;
  m = /^urn:epc:(id|idpat):(itip|upui):(\d{6,12})\.(\d{1,7})\.(?:(\d{2})\.(\d{2})\.)?(.{1,28})$/.exec(uri);
  if (m) {
    const gtin = gtinOf(m[3]!, m[4]!);
    if (!gtin) return null;
    const pattern = m[1] === 'idpat';
    if (pattern && m[7] !== '*') return null;
    if (m[2] === 'itip') return `${DL}/8006/${gtin}${m[5] ?? ''}${m[6] ?? ''}${pattern ? '' : `/21/${dlEncode(m[7]!)}`}`;
    return pattern ? `${DL}/01/${gtin}` : `${DL}/01/${gtin}/235/${dlEncode(m[7]!)}`;
  }
  m = /^urn:epc:idpat:(gdti|grai|sgcn):(\d{6,12})\.(\d{0,6})\.\*$/.exec(uri);
  if (m && m[2]!.length + m[3]!.length === 12) {
    const ai = { gdti: '253', grai: '8003', sgcn: '255' }[m[1] as 'gdti' | 'grai' | 'sgcn'];
    return `${DL}/${ai}/${withCheck(`${m[1] === 'grai' ? '0' : ''}${m[2]}${m[3]}`)}`;
  }
  m = /^urn:epc:idpat:cpi:(\d{6,12})\.([0-9A-Z%-]{1,24})\.\*$/.exec(uri);
  if (m) return `${DL}/8010/${dlEncode(m[1]! + m[2]!)}`;
  return null;
}
