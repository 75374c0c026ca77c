import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FrozenScope } from '../../../api/recalls';

type Consignee = FrozenScope['consignees'][number];

/** Consignees of a recall and how much of the scope each was shipped and sent back. */
export function ConsigneeTable({ consignees, testId }: { consignees: readonly Consignee[]; testId: string }) {
  const { t } = useTranslation();
  if (consignees.length === 0) return <Typography.Paragraph type="secondary">{t('recall.scope.noConsignees')}</Typography.Paragraph>;
  return (
    <Table<Consignee>
      size="small"
      rowKey="customerId"
      pagination={consignees.length > 20 ? { defaultPageSize: 20 } : false}
      dataSource={[...consignees]}
      data-testid={testId}
      columns={[
        { key: 'customer', title: t('recall.scope.customer'), render: (_, c) => `${c.code} · ${c.name}`, sorter: (a, b) => a.code.localeCompare(b.code) },
        { key: 'lines', title: t('recall.scope.lines'), dataIndex: 'lines', align: 'end' },
        { key: 'shipped', title: t('recall.scope.shipped'), dataIndex: 'shipped', align: 'end', sorter: (a, b) => a.shipped - b.shipped },
        { key: 'returned', title: t('recall.scope.returned'), dataIndex: 'returned', align: 'end' },
        { key: 'outstanding', title: t('recall.scope.outstanding'), dataIndex: 'outstanding', align: 'end', sorter: (a, b) => a.outstanding - b.outstanding },
      ]}
    />
  );
}
