export { EPC_SCHEMES, EpcError, decodeEpc, encodeSgln, encodeSgtin, encodeSscc, normaliseEpcHex, sgtin96SerialProblem, type DecodedEpc, type EpcErrorCode, type EpcScheme, type SglnInput, type SgtinInput, type SsccInput } from './epc';
export { UnknownCompanyPrefixError, companyPrefixLength, parsePrefixLengths, type PrefixLengths } from './company-prefix';
