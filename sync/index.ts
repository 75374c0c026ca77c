export * from './protocol';
export * from './documents';
export { canonicalDocument, sameDocument, resolveOpConflict, deviceMayWrite } from './conflict';
