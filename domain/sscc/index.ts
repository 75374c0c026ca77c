export { composeSscc, isValidSscc, nextReferences, serialReferenceDigits, ssccCapacity } from './sscc';
