import { Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineAlert } from '../../../api/recall-reports';
import { rowAttributes } from '../../row-attributes';

/** The warnings the deadline job raised and nobody has acknowledged yet: a clock within its lead, or past it. */
export function RecallDeadlineAlerts({ alerts, onOpen, onAcknowledge }: { alerts: readonly DeadlineAlert[]; onOpen(caseId: string): void; onAcknowledge(id: string): void }) {
  const { t } = useTranslation();
  if (alerts.length === 0) return null;
  return (
    <Card size="small" className="console-card" title={`${t('recall.alerts.title')} (${alerts.length})`} data-testid="deadline-alerts">
      <Table<DeadlineAlert>
        size="small"
        rowKey="id"
        showHeader={false}
        pagination={false}
        dataSource={[...alerts]}
        onRow={(a) => rowAttributes({ 'data-testid': `deadline-alert-${a.deadline}` })}
        columns={[
          {
            key: 'number',
            render: (_, a) => (
              <Button type="link" size="small" onClick={() => onOpen(a.caseId)}>
                {a.number}
              </Button>
            ),
          },
          { key: 'deadline', render: (_, a) => t(`recall.clocks.kind.${a.deadline}`) },
          { key: 'state', render: (_, a) => <Tag color={a.kind === 'overdue' ? 'red' : 'gold'}>{t(`recall.clocks.states.${a.kind}`)}</Tag> },
          { key: 'due', render: (_, a) => t('recall.alerts.dueOn', { day: a.dueOn }) },
          {
            key: 'acknowledge',
            render: (_, a) => (
              <Button size="small" onClick={() => onAcknowledge(a.id)} aria-label={t('recall.alerts.acknowledgeOne', { number: a.number, deadline: t(`recall.clocks.kind.${a.deadline}`) })}>
                {t('recall.alerts.acknowledge')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
