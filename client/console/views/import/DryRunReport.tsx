import { Card, Col, Progress, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDryRun, ImportIssue } from '../../../api/imports';

type Filter = 'all' | 'error' | 'warning';

const percent = (p: number | null) => (p === null ? null : Math.round(p));

/** The dry run: counts, recall readiness, each row's issues (filtered), and the duplicate groups. */
export function DryRunReport({ dryRun }: { dryRun: ImportDryRun }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const s = dryRun.summary;
  const r = dryRun.readiness;
  const issues = dryRun.issues.filter((i) => filter === 'all' || i.severity === filter);
  const measure = (label: string, value: number | null, testId: string) => (
    <Col xs={12} md={6}>
      <Typography.Text>{label}</Typography.Text>
      {value === null ? <div data-testid={testId}>{t('import.notMeasured')}</div> : <Progress data-testid={testId} percent={percent(value) ?? 0} size="small" aria-label={label} />}
    </Col>
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="import-dry-run">
      <Row gutter={16}>
        <Col xs={8} md={4}><Statistic title={t('import.rows')} value={s.rows} /></Col>
        <Col xs={8} md={4}><Statistic title={t('import.ok')} value={s.ok} /></Col>
        <Col xs={8} md={4}><Statistic title={t('import.warnings')} value={s.warnings} /></Col>
        <Col xs={8} md={4}><Statistic title={t('import.errors')} value={s.errors} data-testid="import-errors" /></Col>
        <Col xs={8} md={4}><Statistic title={t('import.alreadyImported')} value={s.alreadyImported} /></Col>
        <Col xs={8} md={4}><Statistic title={t('import.toWrite')} value={s.toWrite} /></Col>
      </Row>
      <Card size="small" title={t('import.readiness', { score: r.score === null ? '—' : `${r.score} %` })} data-testid="import-readiness">
        <Row gutter={16}>
          {measure(t('import.consigneeComplete'), r.consigneeComplete, 'readiness-consignee')}
          {measure(t('import.lotsWithExpiry'), r.lotsWithExpiry, 'readiness-expiry')}
          {measure(t('import.finishedWithGenealogy'), r.finishedWithGenealogy, 'readiness-genealogy')}
        </Row>
      </Card>
      {dryRun.unmapped.length > 0 && <Typography.Text>{t('import.unmapped', { columns: dryRun.unmapped.join(', ') })}</Typography.Text>}
      <Segmented<Filter>
        aria-label={t('import.filter')}
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: t('import.all') },
          { value: 'error', label: t('import.errors') },
          { value: 'warning', label: t('import.warnings') },
        ]}
      />
      <Table<ImportIssue>
        size="small"
        data-testid="import-issues"
        rowKey={(i) => `${i.row}-${i.field}-${i.code}`}
        dataSource={issues}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        locale={{ emptyText: t('import.noIssues') }}
        columns={[
          { key: 'row', title: t('import.row'), dataIndex: 'row', sorter: (a, b) => a.row - b.row },
          { key: 'severity', title: t('import.status'), render: (_, i) => <Tag color={i.severity === 'error' ? 'red' : 'gold'}>{t(`import.${i.severity}`)}</Tag> },
          { key: 'field', title: t('import.field'), render: (_, i) => (i.field ? `${t(`import.fields.${i.field}`, { defaultValue: i.field })}${i.column ? ` (${i.column})` : ''}` : '') },
          { key: 'code', title: t('import.code'), render: (_, i) => <Typography.Text code>{i.code}</Typography.Text> },
          { key: 'message', title: t('import.message'), render: (_, i) => t(`import.codes.${i.code}`, { defaultValue: i.message }) },
        ]}
      />
      {dryRun.groups.length > 0 && (
        <Table
          size="small"
          data-testid="import-duplicates"
          title={() => t('import.duplicates')}
          rowKey={(g) => `${g.kind}-${g.rows.join(',')}`}
          dataSource={dryRun.groups}
          pagination={{ pageSize: 5, showSizeChanger: false }}
          columns={[
            { key: 'kind', title: t('import.duplicateKind'), render: (_, g) => <Tag color={g.kind === 'exact' ? 'red' : 'gold'}>{t(`import.${g.kind}`)}</Tag> },
            { key: 'key', title: t('import.key'), render: (_, g) => Object.values(g.key).join(' / ') },
            { key: 'rows', title: t('import.rowsInGroup'), render: (_, g) => g.rows.join(', ') },
            { key: 'survivor', title: t('import.survivor'), render: (_, g) => t('import.keepRow', { row: g.survivor }) },
          ]}
        />
      )}
    </Space>
  );
}
