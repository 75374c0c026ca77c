import { EpcError, decodeEpc } from '../epc/epc';
import { isValidGtin } from './check-digit';
import { parseDigitalLink } from './digital-link';
import { parse, parseRaw } from './parse';
import type { Gs1Error, ParseOptions, ParsedElement } from './types';

/** What a scanner read: GS1 data, or plain text (an internal location label, a URL that is not GS1). */
export type ScanResult =
  | { ok: true; kind: 'gs1'; symbology: string | null; elements: ParsedElement[] }
  | { ok: true; kind: 'text'; symbology: string | null; text: string }
  | { ok: false; error: Gs1Error };

// AIM symbology identifiers whose data is GS1 element strings.
const GS1_SYMBOLOGIES = new Set([']d2', ']C1', ']e0', ']Q3', ']J1']);
// Symbologies that carry plain data, which may be a GS1 Digital Link URI.
const PLAIN_SYMBOLOGIES = new Set([']Q1', ']d1', ']J0', ']C0', ']A0', ']X0']);

const refuse = (message: string): ScanResult => ({ ok: false, error: { code: 'malformed', message } });

function eanToElements(symbology: string, digits: string, options: ParseOptions): ScanResult {
  const length = symbology === ']E4' ? 8 : 13;
  if (digits.length !== length || !/^\d+$/.test(digits)) return refuse(`${symbology === ']E4' ? 'EAN-8' : 'EAN-13'} must be ${length} digits`);
  if (!isValidGtin(digits)) return { ok: false, error: { code: 'bad_content', ai: '01', message: 'GTIN check digit is wrong', detail: { key: 'gtin_check_digit', params: {} } } };
  const result = parse(`(01)${digits.padStart(14, '0')}`, { ...options, checkAssociations: false });
  return result.ok ? { ok: true, kind: 'gs1', symbology, elements: result.elements } : { ok: false, error: result.error };
}

/**
 * Reads what a scanner sent. With an AIM symbology identifier the identifier decides; without
 * one (many wedge scanners strip it) the data's own shape does. EAN/UPC scans become the GTIN.
 */
export function readScan(input: string, options: ParseOptions = {}): ScanResult {
  const data = input.replace(/[\r\n]+$/, '');
  if (data.length === 0) return refuse('nothing was scanned');
  if (data.startsWith(']')) {
    if (data.length < 3) return refuse('symbology identifier is cut short');
    const symbology = data.slice(0, 3);
    const body = data.slice(3);
    if (GS1_SYMBOLOGIES.has(symbology)) {
      if (body.length === 0) return refuse('the barcode holds no GS1 data');
      const result = parseRaw(body, options);
      return result.ok ? { ok: true, kind: 'gs1', symbology, elements: result.elements } : { ok: false, error: result.error };
    }
    if (symbology === ']E0' || symbology === ']E4') {
      const [main, composite] = body.split('|');
      const primary = eanToElements(symbology, main!, options);
      if (!primary.ok || composite === undefined || primary.kind !== 'gs1') return primary;
      const extra = readScan(composite, { ...options, checkAssociations: false });
      if (!extra.ok) return extra;
      if (extra.kind !== 'gs1') return refuse('the composite part is not GS1 data');
      return { ok: true, kind: 'gs1', symbology, elements: [...primary.elements, ...extra.elements] };
    }
    if (PLAIN_SYMBOLOGIES.has(symbology)) return plain(body, symbology, options);
    return refuse(`unknown symbology identifier ${symbology}`);
  }
  if (data.startsWith('(') || /^[\x1d\d]/.test(data)) {
    const result = parse(data, options);
    if (result.ok) return { ok: true, kind: 'gs1', symbology: null, elements: result.elements };
    // Digits alone may be a plain EAN/UPC read without its identifier.
    if (/^\d{8}$|^\d{12,13}$/.test(data) && isValidGtin(data)) return eanToElements(data.length === 8 ? ']E4' : ']E0', data.padStart(13, '0').slice(data.length === 8 ? 5 : 0), options);
    return fromEpc(data, options) ?? { ok: false, error: result.error };
  }
  return fromEpc(data, options) ?? plain(data, null, options);
}

/**
 * An RFID reader (or a wedge behind one) sends the tag's EPC as hex: read as the GS1 key and
 * serial it encodes, it is looked up like the barcode on the same label. Anything that is not an
 * EPC of a known scheme is left to the other readings.
 */
function fromEpc(data: string, options: ParseOptions): ScanResult | null {
  if (!/^(0x)?[0-9A-Fa-f]{24,}$/.test(data)) return null;
  try {
    const epc = decodeEpc(data);
    const result = parse(epc.elementString, { ...options, checkAssociations: false });
    return result.ok ? { ok: true, kind: 'gs1', symbology: null, elements: result.elements } : { ok: false, error: result.error };
  } catch (error) {
    if (!(error instanceof EpcError)) throw error;
    if (error.code === 'unknown_header' || error.code === 'bad_hex') return null;
    return refuse(`the RFID tag's EPC cannot be read: ${error.message}`);
  }
}

function plain(body: string, symbology: string | null, options: ParseOptions): ScanResult {
  const scheme = /^(https?):\/\//i.exec(body);
  if (!scheme) return { ok: true, kind: 'text', symbology, text: body };
  const result = parseDigitalLink(scheme[1]!.toLowerCase() + body.slice(scheme[1]!.length), options, symbology ?? undefined);
  return result.ok ? { ok: true, kind: 'gs1', symbology, elements: result.elements } : { ok: false, error: result.error };
}
