import type { TFunction } from 'i18next';
import type { Gs1Error } from '../../domain/gs1';

/** Why a scan could not be read, in the user's language, from the error's code and parameters. */
export function describeScanProblem(t: TFunction, error: Gs1Error): string {
  const what = error.detail ? t(`gs1.detail.${error.detail.key}`, error.detail.params) : t(`gs1.code.${error.code}`);
  return error.ai ? t('gs1.atAi', { ai: error.ai, what }) : what;
}
