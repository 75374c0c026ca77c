// The audit chain hashes the same canonical text the integration API compares request bodies by.
export { canonicalJson } from '../../domain/text';
