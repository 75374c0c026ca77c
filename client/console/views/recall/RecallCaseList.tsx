import { Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { RECALL_STATES } from '../../../../domain/recall';
import type { RecallCase } from '../../../api/recalls';
import { ConsoleTable } from '../../ConsoleTable';
import { rowAttributes } from '../../row-attributes';
import { byTime, useTime } from '../../useTime';
import { recallStateColour } from './recall-colours';
import { EmptyText } from './EmptyText';

/** Every case, newest first: its number opens it. */
export function RecallCaseList({ cases, loading, shownId, onOpen }: { cases: readonly RecallCase[]; loading: boolean; shownId: string | null; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const time = useTime();
  return (
    <ConsoleTable<RecallCase>
      name="recall-cases"
      title={t('recall.list.title')}
      rowKey="id"
      loading={loading}
      dataSource={[...cases]}
      locale={{ emptyText: <EmptyText>{t('recall.list.none')}</EmptyText> }}
      rowClassName={(c) => (c.id === shownId ? 'ant-table-row-selected' : '')}
      onRow={(c) => rowAttributes({ 'data-case': c.number })}
      columns={[
        {
          key: 'number',
          title: t('recall.list.number'),
          width: 170,
          render: (_, c) => (
            <>
              <Button type="link" size="small" onClick={() => onOpen(c.id)}>
                {c.number}
              </Button>
              {c.drill && <Tag>{t('recall.drill')}</Tag>}
            </>
          ),
          sorter: (a, b) => a.number.localeCompare(b.number),
        },
        {
          key: 'state',
          title: t('recall.list.state'),
          render: (_, c) => <Tag color={recallStateColour(c.state)}>{t(`recall.state.${c.state}`)}</Tag>,
          filters: RECALL_STATES.map((s) => ({ text: t(`recall.state.${s}`), value: s })),
          onFilter: (v, c) => c.state === v,
        },
        { key: 'reason', title: t('recall.form.reason'), render: (_, c) => c.terms.reason, ellipsis: true },
        { key: 'owner', title: t('recall.list.owner'), render: (_, c) => c.owner.name, sorter: (a, b) => a.owner.name.localeCompare(b.owner.name) },
        { key: 'openedAt', title: t('recall.list.openedAt'), render: (_, c) => time(c.openedAt), sorter: byTime((c) => c.openedAt ?? c.createdAt), defaultSortOrder: 'descend' },
      ]}
    />
  );
}
