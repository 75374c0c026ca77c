export { appendAudit, type Actor, type AuditEntry } from './append';
export { verifyAuditChain, type AuditBreak, type AuditVerification } from './verify';
export { canonicalJson } from './canonical';
export { GENESIS_HASH, chainHash, type AuditRecord } from './chain';
