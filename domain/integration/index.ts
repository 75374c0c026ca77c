export { EXTERNAL_ID_MAX, normaliseExternalId, type ExternalIdProblem, type ExternalIdVerdict } from './external-id';
export { judgeRows, outcomeFor, refusedRow, summarise, type BatchSummary, type JudgedRow, type RowOutcome, type RowProblem, type RowResult } from './batch';
export { IDEMPOTENCY_KEY, isIdempotencyKey, judgeReplay, requestFingerprint, type Replay } from './idempotency';
export { API_KEY_PATTERN, API_SCOPES, isApiScope, type ApiScope } from './scopes';
export * from './records';
