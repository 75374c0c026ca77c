export { createApiKey, listApiKeys, markKeyUsed, resolveApiKey, revokeApiKey, rotateApiKey, type ApiKeyLookup, type ApiKeyView, type IntegrationCaller } from './api-keys';
export { idempotencyKeyOf, type Answer } from './idempotency';
export { readRecord, writeBatch, writeOne, type BatchAnswer } from './write';
export { RECORD_SPECS } from './records';
export { DEFAULT_KEY_FAILURE_LIMIT, addressWait, countKeyFailure, pruneKeyFailures, type KeyFailureLimit } from './key-failures';
export { pruneIdempotentAnswers } from './retention';
