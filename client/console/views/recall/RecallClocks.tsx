import { Alert, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseClocks } from '../../../api/recall-reports';
import { rowAttributes } from '../../row-attributes';

type Deadline = CaseClocks['clocks'][number];

const COLOUR: Record<Deadline['state'], string | undefined> = { met: 'green', overdue: 'red', due_soon: 'gold', due: undefined };

/** The regulators' deadlines of a case: the due day, what is left of it, and whether it was met. */
export function RecallClocks({ clocks }: { clocks: CaseClocks }) {
  const { t } = useTranslation();
  if (clocks.problem) return <Alert type="error" role="alert" showIcon title={clocks.problem.message} data-testid="recall-clocks-problem" />;
  if (clocks.clocks.length === 0) return <Typography.Paragraph type="secondary">{t('recall.clocks.none')}</Typography.Paragraph>;
  const left = (d: Deadline) =>
    d.state === 'met'
      ? t('recall.clocks.metOn', { day: d.doneOn })
      : d.workingDaysLeft !== null
        ? t('recall.clocks.workingDaysLeft', { count: d.workingDaysLeft })
        : d.daysLeft !== null && d.daysLeft >= 0
          ? t('recall.clocks.daysLeft', { count: d.daysLeft })
          : t('recall.clocks.daysOver', { count: -(d.daysLeft ?? 0) });
  return (
    <Table<Deadline>
      size="small"
      rowKey="kind"
      pagination={false}
      dataSource={clocks.clocks}
      data-testid="recall-clocks"
      onRow={(d) => rowAttributes({ 'data-testid': `clock-${d.kind}` })}
      columns={[
        { key: 'kind', title: t('recall.clocks.deadline'), render: (_, d) => t(`recall.clocks.kind.${d.kind}`) },
        { key: 'basis', title: t('recall.clocks.basis'), dataIndex: 'basis' },
        { key: 'due', title: t('recall.clocks.due'), dataIndex: 'dueAt' },
        { key: 'left', title: t('recall.clocks.left'), render: (_, d) => left(d) },
        {
          key: 'state',
          title: t('recall.clocks.state'),
          render: (_, d) => (
            <>
              <Tag color={COLOUR[d.state]}>{t(`recall.clocks.states.${d.state}`)}</Tag>
              {d.late && ` ${t('recall.clocks.late')}`}
            </>
          ),
        },
      ]}
    />
  );
}
