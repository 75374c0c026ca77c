import { useTranslation } from 'react-i18next';
import type { PickList } from '../api/pick-lists';
import { RecallBreaks } from './RecallBreaks';

/** Pick lists with their progress per line, as the handhelds book picks against them. */
export function PickLists({ pickLists }: { pickLists: readonly PickList[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="pick-lists">
      <h3>{t('console.pickLists')}</h3>
      <table className="grid" data-testid="pick-list-table">
        <thead>
          <tr>
            <th>{t('console.pickList')}</th>
            <th>{t('console.customer')}</th>
            <th>{t('console.status')}</th>
            <th>{t('console.lines')}</th>
          </tr>
        </thead>
        <tbody>
          {pickLists.length === 0 && (
            <tr>
              <td colSpan={4}>{t('console.noPickLists')}</td>
            </tr>
          )}
          {pickLists.map((list) => (
            <tr key={list.id} data-number={list.number} data-status={list.status}>
              <td>{list.number}</td>
              <td>{list.customer ?? '—'}</td>
              <td data-testid="pick-list-status">{t(`console.pickListStatus.${list.status}`)}</td>
              <td>
                {list.lines.map((line, i) => (
                  <div key={`${line.gtin}-${i}`} data-testid="pick-list-line" data-status={line.status}>
                    {t('console.pickLine', { gtin: line.gtin, picked: line.pickedQty, qty: line.qty, remaining: line.remainingQty })}
                  </div>
                ))}
                <RecallBreaks breaks={list.recallBreaks} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
