import { useTranslation } from 'react-i18next';
import type { DeadlineAlert } from '../api/recall-reports';

/** The warnings the deadline job raised and nobody has acknowledged yet: a clock within its lead, or past it. */
export function RecallDeadlineAlerts({ alerts, onOpen, onAcknowledge }: { alerts: DeadlineAlert[]; onOpen(caseId: string): void; onAcknowledge(id: string): void }) {
  const { t } = useTranslation();
  if (alerts.length === 0) return null;
  return (
    <section className="deadline-alerts" data-testid="deadline-alerts" aria-labelledby="deadline-alerts-title">
      <h3 id="deadline-alerts-title">
        {t('recall.alerts.title')} <span className="count-badge">{alerts.length}</span>
      </h3>
      <table className="grid">
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} data-testid={`deadline-alert-${a.deadline}`}>
              <td>
                <button type="button" className="link" onClick={() => onOpen(a.caseId)}>
                  {a.number}
                </button>
              </td>
              <td>{t(`recall.clocks.kind.${a.deadline}`)}</td>
              <td>
                <span className={`status-pill clock-${a.kind}`}>{t(`recall.clocks.states.${a.kind}`)}</span>
              </td>
              <td>{t('recall.alerts.dueOn', { day: a.dueOn })}</td>
              <td>
                <button type="button" className="secondary" onClick={() => onAcknowledge(a.id)} aria-label={t('recall.alerts.acknowledgeOne', { number: a.number, deadline: t(`recall.clocks.kind.${a.deadline}`) })}>
                  {t('recall.alerts.acknowledge')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
