export { findIllFormedText, storableText, storableValue, type IllFormedText } from './well-formed';
export { escapeForTerminal } from './escape';
export { canonicalJson } from './canonical';
export { UUID_TEXT, isUuidText } from './uuid';
