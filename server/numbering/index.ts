export { allocateNumbers, allocateSerials, loadRule, lotRuleFor, nextLotNumber, type StoredRule } from './allocate';
