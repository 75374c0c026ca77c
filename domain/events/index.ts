export { EVENT_TYPES, OP_OUTCOMES, PRINT_JOB_STATES, RECALL_ACTS, eventSubject, siteToken } from './catalogue';
export { matchesFilter, matchesPattern, patternProblem } from './filter';
export {
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_SECONDS,
  parseSignatureHeader,
  signatureHeader,
  signedText,
  timestampFresh,
  type ParsedSignature,
} from './signature';
export { DEFAULT_RETRY, afterFailure, type RetryPolicy } from './backoff';
