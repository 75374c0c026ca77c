export { CHECK_KINDS, checkCharacter, hasValidCheck, type CheckKind } from './check-character';
export { MAX_NUMBER_LENGTH, RESETS, formatNumber, parseRule, periodKey, type NumberRule, type ParsedRule, type Reset } from './rule';
