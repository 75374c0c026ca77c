import { useTranslation } from 'react-i18next';
import type { CaseClocks } from '../api/recall-reports';

/** The regulators' deadlines of a case: the due day, what is left of it, and whether it was met. */
export function RecallClocks({ clocks }: { clocks: CaseClocks }) {
  const { t } = useTranslation();
  if (clocks.problem) {
    return (
      <p className="scan-message error" role="alert" data-testid="recall-clocks-problem">
        {clocks.problem.message}
      </p>
    );
  }
  if (clocks.clocks.length === 0) return <p className="hint">{t('recall.clocks.none')}</p>;
  return (
    <table className="grid" data-testid="recall-clocks">
      <thead>
        <tr>
          <th>{t('recall.clocks.deadline')}</th>
          <th>{t('recall.clocks.basis')}</th>
          <th>{t('recall.clocks.due')}</th>
          <th>{t('recall.clocks.left')}</th>
          <th>{t('recall.clocks.state')}</th>
        </tr>
      </thead>
      <tbody>
        {clocks.clocks.map((d) => (
          <tr key={d.kind} data-testid={`clock-${d.kind}`}>
            <td>{t(`recall.clocks.kind.${d.kind}`)}</td>
            <td>{d.basis}</td>
            <td>{d.dueAt}</td>
            <td>
              {d.state === 'met'
                ? t('recall.clocks.metOn', { day: d.doneOn })
                : d.workingDaysLeft !== null
                  ? t('recall.clocks.workingDaysLeft', { count: d.workingDaysLeft })
                  : d.daysLeft !== null && d.daysLeft >= 0
                    ? t('recall.clocks.daysLeft', { count: d.daysLeft })
                    : t('recall.clocks.daysOver', { count: -(d.daysLeft ?? 0) })}
            </td>
            <td>
              <span className={`status-pill clock-${d.state}`}>{t(`recall.clocks.states.${d.state}`)}</span>
              {d.late && ` ${t('recall.clocks.late')}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
