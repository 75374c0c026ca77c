import { companyPrefixLength } from '../../domain/epc';
import { compileTemplate, type LabelMaker } from '../../domain/labels';
import { prefixLengths } from '../epc/prefix-lengths';
import { checkTemplatePolicy } from './template-policy';
import type { StoredTemplate } from './templates';

/** GS1's table knows the company prefix inside a GTIN-14 from the digits after its indicator. */
export const prefixLengthOf = (gtin14: string) => companyPrefixLength(prefixLengths(), gtin14.slice(1));

// One compiled maker per approved template version: a 10,000-label run checks the template once.
const makers = new Map<string, LabelMaker>();

/** The maker of a stored template version's labels, RFID EPCs included. */
export function makerFor(template: Pick<StoredTemplate, 'contentHash' | 'definition'>): LabelMaker {
  let maker = makers.get(template.contentHash);
  if (!maker) {
    checkTemplatePolicy(template.definition);
    maker = compileTemplate(template.definition, { prefixLengthOf });
    makers.set(template.contentHash, maker);
  }
  return maker;
}
