import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DRILL_PASS_BAND, formatStopwatch } from '../../../../domain/recall';
import type { Drill } from '../../../api/recall-reports';
import { RecallReports } from './RecallReports';

/** A mock recall's result: the server's stopwatch to each part of the answer, and the verdict against the pass band. */
export function DrillPanel({ token, drill }: { token: string; drill: Drill }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className="console-card"
      data-testid="drill-panel"
      title={
        <>
          {t('recall.drillRun.result', { number: drill.caseNumber })}{' '}
          <Tag color={drill.passed ? 'green' : 'red'} data-testid="drill-verdict">
            {t(drill.passed ? 'recall.drillRun.pass' : 'recall.drillRun.fail')}
          </Tag>
        </>
      }
    >
      <Typography.Paragraph type="secondary">{t('recall.drillRun.scope', { described: drill.scopeDescribed, lots: drill.lots, consignees: drill.consignees })}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="part"
        pagination={false}
        data-testid="drill-stopwatch"
        dataSource={[
          { part: t('recall.drillRun.scopeReady'), ms: drill.timings.scopeMs },
          { part: t('recall.drillRun.consigneesReady'), ms: drill.timings.consigneesMs },
          { part: t('recall.drillRun.balanceReady'), ms: drill.timings.balanceMs },
        ]}
        columns={[
          { key: 'part', title: t('recall.drillRun.part'), dataIndex: 'part' },
          { key: 'ms', title: t('recall.drillRun.sinceStart'), render: (_, r) => formatStopwatch(r.ms) },
        ]}
      />
      <Typography.Paragraph>
        <span data-testid="drill-accounted">
          {t('recall.drillRun.accounted', { accounted: drill.accounted, broughtIn: drill.broughtIn, percent: drill.percent === null ? '—' : drill.percent.toFixed(2), min: DRILL_PASS_BAND.min, max: DRILL_PASS_BAND.max })}
        </span>
      </Typography.Paragraph>
      <RecallReports token={token} caseId={drill.caseId} jurisdictions={[]} kinds={['drill']} />
    </Card>
  );
}
