import { useTranslation } from 'react-i18next';
import type { Amount } from '../../../api/dashboard';
import { groupDecimal } from './decimal';
import { valueShown } from './value-shown';

/** A figure's value at standard cost in words, or null when this reader is not shown costs. */
export function useValueText(): (a: Pick<Amount, 'qty' | 'value' | 'uncostedQty'>) => string | null {
  const { t, i18n } = useTranslation();
  const n = (text: string) => groupDecimal(text, i18n.resolvedLanguage);
  return (a) => {
    const shown = valueShown(a);
    switch (shown.kind) {
      case 'hidden':
        return null;
      case 'unknown':
        return t('dashboard.valueUnknown');
      case 'partial':
        return t('dashboard.valuePartial', { value: n(shown.value), qty: n(shown.uncostedQty) });
      case 'known':
        return n(shown.value);
    }
  };
}
