// The leaf modules, not the index: the scan reader in ../gs1 reads EPCs through this module.
import { CSET82_CHARS } from '../gs1/charsets';
import { gs1CheckDigit, isValidGtin } from '../gs1/check-digit';
import { BitReader, BitWriter } from './bits';
import { SGLN_PARTITIONS, SGTIN_PARTITIONS, SSCC_PARTITIONS, partitionByPrefixDigits, type Partition } from './partitions';

export const EPC_SCHEMES = ['sgtin-96', 'sgtin-198', 'sscc-96', 'sgln-96'] as const;
export type EpcScheme = (typeof EPC_SCHEMES)[number];

export type EpcErrorCode =
  | 'bad_gtin'
  | 'bad_sscc'
  | 'bad_gln'
  | 'bad_filter'
  | 'bad_prefix_length'
  | 'serial_too_long'
  | 'serial_not_encodable'
  | 'serial_too_big_for_96'
  | 'bad_extension'
  | 'bad_hex'
  | 'unknown_header'
  | 'bad_partition'
  | 'bad_value';

/** Why an EPC cannot be made or read; `offer` names a scheme that can hold the value instead. */
export class EpcError extends Error {
  override name = 'EpcError';
  constructor(
    readonly code: EpcErrorCode,
    message: string,
    readonly offer?: EpcScheme,
  ) {
    super(message);
  }
}

const HEADERS: Record<EpcScheme, number> = { 'sgtin-96': 0x30, 'sgtin-198': 0x36, 'sscc-96': 0x31, 'sgln-96': 0x32 };
const SGTIN96_SERIAL_MAX = (1n << 38n) - 1n;
const SGLN96_EXTENSION_MAX = (1n << 41n) - 1n;
const CSET82 = new Set(CSET82_CHARS);
/** Characters of CSET 82 that the EPC URI forms write %-escaped. */
const URI_ESCAPED = new Set(['"', '%', '&', '/', '<', '>', '?']);

export interface DecodedEpc {
  scheme: EpcScheme;
  filter: number;
  companyPrefix: string;
  /** The GS1 key: GTIN-14, SSCC-18 or GLN-13. */
  key: { ai: '01' | '00' | '414'; value: string };
  /** SGTIN serial (AI 21) or SGLN extension (AI 254); absent for an SSCC and for an SGLN without one. */
  serial?: string;
  hex: string;
  tagUri: string;
  pureIdentityUri: string;
  /** The GS1 element string, e.g. (01)80614141123458(21)6789. */
  elementString: string;
}

function checkFilter(filter: number): void {
  if (!Number.isInteger(filter) || filter < 0 || filter > 7) throw new EpcError('bad_filter', `The filter value must be a whole number from 0 to 7, not ${filter}.`);
}

function partitionFor(partitions: readonly Partition[], prefixLength: number): Partition {
  const partition = partitionByPrefixDigits(partitions, prefixLength);
  if (!partition) throw new EpcError('bad_prefix_length', `A GS1 Company Prefix of ${prefixLength} digits cannot be encoded in an EPC; it must have 6 to 12 digits.`);
  return partition;
}

function uriEscape(text: string): string {
  return [...text].map((c) => (URI_ESCAPED.has(c) ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : c)).join('');
}

/** A GTIN of 8, 12, 13 or 14 digits as the 14 digits an SGTIN carries; GTIN-8 is padded too. */
function gtin14(gtin: string): string {
  if (!isValidGtin(gtin)) throw new EpcError('bad_gtin', `${JSON.stringify(gtin)} is not a GTIN: 8, 12, 13 or 14 digits with a valid check digit.`);
  return gtin.padStart(14, '0');
}

function sgtinParts(gtin: string, prefixLength: number): { prefix: string; reference: string; partition: Partition } {
  const full = gtin14(gtin);
  const partition = partitionFor(SGTIN_PARTITIONS, prefixLength);
  // Indicator digit first, then the item reference: the check digit is not carried.
  return { prefix: full.slice(1, 1 + prefixLength), reference: full[0]! + full.slice(1 + prefixLength, 13), partition };
}

export interface SgtinInput {
  gtin: string;
  serial: string;
  /** Digits of the GS1 Company Prefix inside the GTIN, from GS1's prefix-length table. */
  companyPrefixLength: number;
  filter?: number;
}

/** Why a serial cannot go into SGTIN-96, or null when it can. */
export function sgtin96SerialProblem(serial: string): string | null {
  if (!/^\d+$/.test(serial)) return 'SGTIN-96 holds only a serial of digits';
  if (serial.length > 1 && serial.startsWith('0')) return 'SGTIN-96 cannot hold a serial with a leading zero';
  if (BigInt(serial) > SGTIN96_SERIAL_MAX) return `SGTIN-96 holds a serial of at most ${SGTIN96_SERIAL_MAX}`;
  return null;
}

function checkSerial198(serial: string): void {
  if (serial.length === 0 || [...serial].length > 20) throw new EpcError('serial_too_long', `An SGTIN serial has 1 to 20 characters; ${JSON.stringify(serial)} has ${[...serial].length}.`);
  const outside = [...serial].find((c) => !CSET82.has(c));
  if (outside !== undefined) throw new EpcError('serial_not_encodable', `The serial holds ${JSON.stringify(outside)}, which is not in the GS1 character set 82 an EPC can carry.`);
}

export function encodeSgtin(scheme: 'sgtin-96' | 'sgtin-198', input: SgtinInput): DecodedEpc {
  const filter = input.filter ?? 1;
  checkFilter(filter);
  const { prefix, reference, partition } = sgtinParts(input.gtin, input.companyPrefixLength);
  checkSerial198(input.serial);
  const bits = new BitWriter().int(BigInt(HEADERS[scheme]), 8).int(BigInt(filter), 3).int(BigInt(partition.value), 3).int(BigInt(prefix), partition.prefixBits).int(BigInt(reference), partition.referenceBits);
  if (scheme === 'sgtin-96') {
    const problem = sgtin96SerialProblem(input.serial);
    if (problem) throw new EpcError('serial_too_big_for_96', `${problem}; ${JSON.stringify(input.serial)} needs SGTIN-198.`, 'sgtin-198');
    bits.int(BigInt(input.serial), 38);
  } else {
    for (const c of input.serial) bits.int(BigInt(c.charCodeAt(0)), 7);
    bits.int(0n, 140 - 7 * input.serial.length);
  }
  return decodeEpc(bits.hex());
}

export interface SsccInput {
  sscc: string;
  companyPrefixLength: number;
  filter?: number;
}

export function encodeSscc(input: SsccInput): DecodedEpc {
  const filter = input.filter ?? 2;
  checkFilter(filter);
  if (!/^\d{18}$/.test(input.sscc) || gs1CheckDigit(input.sscc.slice(0, 17)) !== Number(input.sscc[17])) throw new EpcError('bad_sscc', `${JSON.stringify(input.sscc)} is not an SSCC: 18 digits with a valid check digit.`);
  const partition = partitionFor(SSCC_PARTITIONS, input.companyPrefixLength);
  const prefix = input.sscc.slice(1, 1 + input.companyPrefixLength);
  const reference = input.sscc[0]! + input.sscc.slice(1 + input.companyPrefixLength, 17);
  const bits = new BitWriter().int(0x31n, 8).int(BigInt(filter), 3).int(BigInt(partition.value), 3).int(BigInt(prefix), partition.prefixBits).int(BigInt(reference), partition.referenceBits).int(0n, 24);
  return decodeEpc(bits.hex());
}

export interface SglnInput {
  gln: string;
  /** AI (254); SGLN-96 holds digits without a leading zero, or none (then "0"). */
  extension?: string;
  companyPrefixLength: number;
  filter?: number;
}

export function encodeSgln(input: SglnInput): DecodedEpc {
  const filter = input.filter ?? 0;
  checkFilter(filter);
  if (!/^\d{13}$/.test(input.gln) || gs1CheckDigit(input.gln.slice(0, 12)) !== Number(input.gln[12])) throw new EpcError('bad_gln', `${JSON.stringify(input.gln)} is not a GLN: 13 digits with a valid check digit.`);
  const extension = input.extension ?? '0';
  if (!/^(0|[1-9]\d*)$/.test(extension) || BigInt(extension) > SGLN96_EXTENSION_MAX) throw new EpcError('bad_extension', `SGLN-96 holds a GLN extension of digits without a leading zero, at most ${SGLN96_EXTENSION_MAX}; ${JSON.stringify(extension)} cannot go in.`);
  const partition = partitionFor(SGLN_PARTITIONS, input.companyPrefixLength);
  const prefix = input.gln.slice(0, input.companyPrefixLength);
  const reference = input.gln.slice(input.companyPrefixLength, 12);
  const bits = new BitWriter().int(0x32n, 8).int(BigInt(filter), 3).int(BigInt(partition.value), 3).int(BigInt(prefix), partition.prefixBits).int(BigInt(reference || '0'), partition.referenceBits).int(BigInt(extension), 41);
  return decodeEpc(bits.hex());
}

/**
 * Reads EPC hex as a reader or a keyboard wedge gives it: upper or lower case, with a 0x in
 * front, spaces or dashes between words, and extra zero words past the EPC.
 */
export function normaliseEpcHex(input: string): string {
  const hex = input.trim().replace(/^0x/i, '').replace(/[\s-]/g, '').toUpperCase();
  if (!/^[0-9A-F]+$/.test(hex) || hex.length < 24) throw new EpcError('bad_hex', `${JSON.stringify(input.slice(0, 60))} is not EPC hex: at least 24 hexadecimal digits.`);
  return hex;
}

function digits(value: bigint, length: number, what: string): string {
  const text = value.toString();
  if (text.length > length) throw new EpcError('bad_value', `The ${what} ${text} has more than the ${length} digits its partition allows.`);
  return text.padStart(length, '0');
}

function readPartition(reader: BitReader, partitions: readonly Partition[]): Partition {
  const value = Number(reader.int(3));
  const partition = partitions[value];
  if (!partition) throw new EpcError('bad_partition', `Partition value ${value} is reserved: this is not a valid EPC.`);
  return partition;
}

export function decodeEpc(input: string): DecodedEpc {
  const hex = normaliseEpcHex(input);
  const reader = new BitReader(hex);
  const header = Number(reader.int(8));
  const scheme = (Object.keys(HEADERS) as EpcScheme[]).find((s) => HEADERS[s] === header);
  if (!scheme) throw new EpcError('unknown_header', `EPC header 0x${header.toString(16).toUpperCase().padStart(2, '0')} is not SGTIN-96, SGTIN-198, SSCC-96 or SGLN-96.`);
  const size = scheme === 'sgtin-198' ? 198 : 96;
  if (reader.size < size) throw new EpcError('bad_hex', `An ${scheme.toUpperCase()} has ${size} bits; this EPC has ${reader.size}.`);
  const filter = Number(reader.int(3));
  const wordsHex = hex.slice(0, Math.ceil(size / 4));
  if (scheme === 'sgtin-96' || scheme === 'sgtin-198') {
    const partition = readPartition(reader, SGTIN_PARTITIONS);
    const prefix = digits(reader.int(partition.prefixBits), partition.prefixDigits, 'company prefix');
    const reference = digits(reader.int(partition.referenceBits), partition.referenceDigits, 'item reference');
    let serial: string;
    if (scheme === 'sgtin-96') serial = reader.int(38).toString();
    else {
      serial = '';
      for (let i = 0; i < 20; i++) {
        const code = Number(reader.int(7));
        if (code === 0) break;
        const c = String.fromCharCode(code);
        if (!CSET82.has(c)) throw new EpcError('bad_value', `The serial holds character code ${code}, outside GS1 character set 82.`);
        serial += c;
      }
      if (serial.length === 0) throw new EpcError('bad_value', 'The SGTIN-198 serial is empty.');
    }
    const body = reference[0]! + prefix + reference.slice(1);
    const gtin = body + gs1CheckDigit(body);
    const escaped = uriEscape(serial);
    return {
      scheme,
      filter,
      companyPrefix: prefix,
      key: { ai: '01', value: gtin },
      serial,
      hex: wordsHex,
      tagUri: `urn:epc:tag:${scheme}:${filter}.${prefix}.${reference}.${escaped}`,
      pureIdentityUri: `urn:epc:id:sgtin:${prefix}.${reference}.${escaped}`,
      elementString: `(01)${gtin}(21)${serial}`,
    };
  }
  if (scheme === 'sscc-96') {
    const partition = readPartition(reader, SSCC_PARTITIONS);
    const prefix = digits(reader.int(partition.prefixBits), partition.prefixDigits, 'company prefix');
    const reference = digits(reader.int(partition.referenceBits), partition.referenceDigits, 'serial reference');
    const body = reference[0]! + prefix + reference.slice(1);
    const sscc = body + gs1CheckDigit(body);
    return { scheme, filter, companyPrefix: prefix, key: { ai: '00', value: sscc }, hex: wordsHex, tagUri: `urn:epc:tag:sscc-96:${filter}.${prefix}.${reference}`, pureIdentityUri: `urn:epc:id:sscc:${prefix}.${reference}`, elementString: `(00)${sscc}` };
  }
  const partition = readPartition(reader, SGLN_PARTITIONS);
  const prefix = digits(reader.int(partition.prefixBits), partition.prefixDigits, 'company prefix');
  const location = partition.referenceDigits === 0 ? '' : digits(reader.int(partition.referenceBits), partition.referenceDigits, 'location reference');
  if (partition.referenceDigits === 0) reader.int(partition.referenceBits);
  const extension = reader.int(41).toString();
  const body = prefix + location;
  const gln = body + gs1CheckDigit(body);
  return {
    scheme,
    filter,
    companyPrefix: prefix,
    key: { ai: '414', value: gln },
    ...(extension === '0' ? {} : { serial: extension }),
    hex: wordsHex,
    tagUri: `urn:epc:tag:sgln-96:${filter}.${prefix}.${location}.${extension}`,
    pureIdentityUri: `urn:epc:id:sgln:${prefix}.${location}.${extension}`,
    elementString: extension === '0' ? `(414)${gln}` : `(414)${gln}(254)${extension}`,
  };
}
