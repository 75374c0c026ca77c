import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { isValidGln } from '../../../../domain/gs1';

/** A GLN field that may be left empty: blank passes, anything else must be a valid GLN-13. */
export function optionalGlnRule(t: TFunction): FormRule {
  return { validator: async (_, v: string | undefined) => (!v?.trim() || isValidGln(v.trim()) ? undefined : Promise.reject(new Error(t('integrations.glnRule')))) };
}

/** What an optional GLN field stores: the GLN, or null when it was left blank. */
export function optionalGln(value: string | undefined): string | null {
  const gln = value?.trim() ?? '';
  return gln === '' ? null : gln;
}
