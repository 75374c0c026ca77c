export { parse, parseBracketed, parseRaw, GS, type RawOptions } from './parse';
export { parseDigitalLink } from './digital-link';
export { encodeBracketed, encodeDigitalLink, encodeRaw } from './encode';
export { gs1CheckDigit, gtinCheckDigit, isValidGtin, toGtin14 } from './check-digit';
export { fullYear, isoToGs1Date, yymmdd as gs1DateToIso } from './dates';
export { aiEntry } from './table';
export { CSET82_CHARS } from './charsets';
export type { AiEntry, AiComponent } from './dictionary';
export type { Element, ParsedElement, Gs1Error, Gs1ErrorCode, ParseOptions, ParseResult, EncodeResult, InputForm } from './types';
