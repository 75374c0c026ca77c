import { z } from 'zod';
import { EpcError, encodeSgtin, sgtin96SerialProblem, type DecodedEpc } from '../epc';
import type { LabelDataError } from './label-data';

/**
 * What a template says about the RFID inlay of its labels: the unit's SGTIN goes into the tag,
 * and the printer reads it back before the serial counts as printed.
 */
export const RfidSetup = z
  .object({
    /** The unit's SGTIN: SGTIN-96 when the serial fits it (digits, no leading zero, under 2^38), else SGTIN-198. */
    epc: z.literal('sgtin').default('sgtin'),
    /** EPC filter value; 1 is a point-of-sale trade item. */
    filter: z.number().int().min(0).max(7).default(1),
    /** Digits of the GS1 Company Prefix in the GTIN, when GS1's prefix-length table does not know it. */
    companyPrefixLength: z.number().int().min(6).max(12).optional(),
    /** Labels tried again, each with a new serial, after a tag that did not read back right; 0: none. */
    retries: z.number().int().min(0).max(3).default(1),
  })
  .strict();

export type RfidSetup = z.infer<typeof RfidSetup>;

/** The company prefix length of a GTIN-14 (indicator digit first), from GS1's table; throws when unknown. */
export type PrefixLengthOf = (gtin14: string) => number;

/** The field ^RFR reads the tag into and ^HV sends back. */
const READ_FIELD = 1;
const HEADER = 'EPC[';
const TERMINATOR = ']';

/** The EPC a label's tag is written with, or why it cannot be made (named by the label field to fix). */
export function rfidEpc(setup: RfidSetup, data: { gtin: string; serial?: string }, prefixLengthOf?: PrefixLengthOf): DecodedEpc | LabelDataError {
  if (data.serial === undefined) return { field: 'serial', message: 'serial: an RFID label encodes the serial in its tag; this label has none' };
  const gtin = data.gtin.padStart(14, '0');
  let companyPrefixLength = setup.companyPrefixLength;
  if (companyPrefixLength === undefined) {
    if (!prefixLengthOf) return { field: 'gtin', message: 'gtin: the company prefix length is needed for the EPC; give rfid.companyPrefixLength in the template' };
    try {
      companyPrefixLength = prefixLengthOf(gtin);
    } catch (error) {
      return { field: 'gtin', message: `gtin: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const scheme = sgtin96SerialProblem(data.serial) === null ? 'sgtin-96' : 'sgtin-198';
  try {
    return encodeSgtin(scheme, { gtin, serial: data.serial, companyPrefixLength, filter: setup.filter });
  } catch (error) {
    if (error instanceof EpcError) return { field: error.code === 'bad_gtin' || error.code === 'bad_prefix_length' ? 'gtin' : 'serial', message: `${error.code}: ${error.message}` };
    throw error;
  }
}

/** A tag's EPC bank holds whole 16-bit words: SGTIN-198's 198 bits go in as 208, zero-filled. */
export const tagHex = (epcHex: string): string => epcHex.toUpperCase().padEnd(Math.ceil(epcHex.length / 4) * 4, '0');

/**
 * The RFID commands of a format, put right after its ^XA: Gen 2 tags, one try per label (a tag
 * that fails makes one VOID label, and the host decides what comes next, not the printer's own
 * retries on the following labels), write the EPC with the PC bits set to its length, read the
 * tag back into a field and return it to the host when the label has printed.
 */
export function rfidCommands(epcHex: string): string {
  return [
    '^RS8,,,1,N',
    `^RFW,H,,,A^FD${epcHex}^FS`,
    `^FN${READ_FIELD}^RFR,H^FS`,
    `^FH_^HV${READ_FIELD},${epcHex.length},${HEADER},${TERMINATOR}_0D_0A,L^FS`,
  ].join('\n');
}

export function withRfid(zpl: string, epcHex: string): string {
  const start = zpl.indexOf('^XA');
  if (start === -1) return zpl;
  const at = zpl[start + 3] === '\n' ? start + 4 : start + 3;
  return `${zpl.slice(0, at)}${rfidCommands(epcHex)}\n${zpl.slice(at)}`;
}

/** One ^HV answer as the printer sends it: the header, what the tag read back as, the terminator. */
export function readBackAnswer(readHex: string): string {
  return `${HEADER}${readHex}${TERMINATOR}\r\n`;
}

/** A complete ^HV answer at the start of `text`, and what follows it; null while it is still arriving. */
export function takeReadBack(text: string): { answer: string; rest: string } | null {
  const end = text.indexOf('\r\n');
  if (end === -1) return null;
  return { answer: text.slice(0, end), rest: text.slice(end + 2) };
}

/**
 * What the tag read back says about the label. Only `encoded` binds the serial to the tag:
 * another EPC (the previous label's tag, read through the liner), no tag (the printer printed
 * VOID), or an answer that cannot be read all leave the serial unbound.
 */
export type TagVerdict =
  | { verdict: 'encoded'; read: string }
  | { verdict: 'wrong_tag'; read: string }
  | { verdict: 'no_tag'; read: '' }
  | { verdict: 'bad_answer'; read: string; problem: string };

export function judgeReadBack(intendedHex: string, answer: string): TagVerdict {
  const line = answer.replace(/\r?\n$/, '');
  if (!line.startsWith(HEADER) || !line.endsWith(TERMINATOR)) return { verdict: 'bad_answer', read: line.slice(0, 80), problem: `the read-back is not ${HEADER}…${TERMINATOR}` };
  const read = line.slice(HEADER.length, -TERMINATOR.length).trim().toUpperCase();
  if (read === '') return { verdict: 'no_tag', read: '' };
  if (!/^[0-9A-F]+$/.test(read)) return { verdict: 'bad_answer', read: read.slice(0, 80), problem: 'the read-back is not hexadecimal' };
  const intended = intendedHex.toUpperCase();
  // A tag's EPC bank may hold more words than the EPC; zero words past it are the tag's, not the label's.
  if (read.length < intended.length || !/^0*$/.test(read.slice(intended.length))) {
    return { verdict: 'bad_answer', read, problem: `the read-back has ${read.length} hex digits; the EPC written has ${intended.length}` };
  }
  const epc = read.slice(0, intended.length);
  return epc === intended ? { verdict: 'encoded', read: epc } : { verdict: 'wrong_tag', read: epc };
}
