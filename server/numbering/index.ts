export { allocateNumbers, allocateSerials, loadRule, lotRuleFor, nextLotNumber, type StoredRule } from './allocate';
export { MAX_SSCCS_AT_ONCE, checkCompanyPrefix, findIssuedSscc, issueSsccs, issueSsccsFor, type IssuedSscc, type SsccRequest } from './sscc';
