import { useTranslation } from 'react-i18next';
import type { ScopePreview } from '../api/recalls';

/** Consignees of a recall and how much of the scope each was shipped and sent back. */
export function RecallConsignees({ consignees, testId }: { consignees: ScopePreview['consignees']; testId: string }) {
  const { t } = useTranslation();
  if (consignees.length === 0) return <p className="hint">{t('recall.scope.noConsignees')}</p>;
  return (
    <table className="grid" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('recall.scope.customer')}</th>
          <th>{t('recall.scope.lines')}</th>
          <th>{t('recall.scope.shipped')}</th>
          <th>{t('recall.scope.returned')}</th>
          <th>{t('recall.scope.outstanding')}</th>
        </tr>
      </thead>
      <tbody>
        {consignees.map((c) => (
          <tr key={c.customerId}>
            <td>
              {c.code} · {c.name}
            </td>
            <td>{c.lines}</td>
            <td>{c.shipped}</td>
            <td>{c.returned}</td>
            <td>{c.outstanding}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
