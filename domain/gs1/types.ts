export interface Element {
  ai: string;
  value: string;
}

export interface ParsedElement extends Element {
  title: string;
  /** ISO yyyy-mm-dd for date AIs (DD=00 resolved to the month's last day). */
  date?: string;
}

export type Gs1ErrorCode =
  | 'empty'
  | 'unknown_ai'
  | 'malformed'
  | 'too_short'
  | 'too_long'
  | 'bad_character'
  | 'bad_content'
  | 'duplicate_ai'
  | 'missing_required_ai'
  | 'invalid_pairing'
  | 'not_a_digital_link';

/**
 * What exactly is wrong, as a key with parameters, so a reader in any language can say it; the
 * error's `message` says the same in English for logs and the CLI.
 */
export type Gs1Detail =
  | { key: 'check_digit'; params: { found: string; expected: string } }
  | { key: 'check_pair'; params: { found: string; expected: string } }
  | { key: 'gtin_check_digit'; params: Record<string, never> }
  | { key: 'not_digit'; params: { char: string; position: number } }
  | { key: 'char_not_allowed'; params: { char: string; position: number } }
  | { key: 'bad_date'; params: { value: string } }
  | { key: 'length'; params: { length: number; min: number; max: number } }
  | { key: 'not_in_list'; params: { value: string } };

export interface Gs1Error {
  code: Gs1ErrorCode;
  ai?: string;
  message: string;
  detail?: Gs1Detail;
  /** Offset in the input where the problem was found, when known. */
  position?: number;
}

export type InputForm = 'bracketed' | 'raw' | 'digital-link';

export interface ParseOptions {
  /** The year two-digit years are judged against; defaults to the current year. */
  referenceYear?: number;
  /** Check the dictionary's required and excluded AI pairings (off for one half of a split label). */
  checkAssociations?: boolean;
}

export type ParseResult =
  | { ok: true; form: InputForm; elements: ParsedElement[]; symbology?: string }
  | { ok: false; error: Gs1Error };

export type EncodeResult = { ok: true; value: string } | { ok: false; error: Gs1Error };
