import { useTranslation } from 'react-i18next';
import type { PickListRecallBreak } from '../../domain/ops';

/**
 * Why a pick list asks again for goods already picked: a recall holds the lot they came from. The
 * picker reads it on the handheld and the supervisor on the console, so neither ships them by habit.
 */
export function RecallBreaks({ breaks }: { breaks: readonly PickListRecallBreak[] }) {
  const { t } = useTranslation();
  if (breaks.length === 0) return null;
  return (
    <ul className="recall-breaks" data-testid="pick-recall-breaks">
      {breaks.map((b) => (
        <li key={`${b.caseNumber}-${b.gtin}-${b.lotNumber}`} data-lot={b.lotNumber}>
          {t('pick.recallBreak', { case: b.caseNumber, lot: b.lotNumber, qty: b.qty })}
        </li>
      ))}
    </ul>
  );
}
