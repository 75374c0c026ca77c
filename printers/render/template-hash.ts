import { createHash } from 'node:crypto';
import { canonicalJson, type LabelTemplate } from '../../domain/labels';

/**
 * The content hash a print job records: SHA-256 of the template's canonical JSON, so the same
 * approved version hashes the same whatever order its keys were saved in.
 */
export function templateHash(template: LabelTemplate): string {
  return createHash('sha256').update(canonicalJson(template)).digest('hex');
}
