import { Alert, Table, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockException } from '../../../api/console';
import { recallFlaggedOps } from '../../../api/recalls';
import { useApiRead } from '../../../hooks/useApiRead';
import { EmptyText } from './EmptyText';
import { rowAttributes } from '../../row-attributes';
import { byTime, useTime } from '../../useTime';

/**
 * Work booked on the case's held lots by handhelds that had not heard of the hold yet: the goods
 * moved, so the ledger keeps it, and the case's owner sees each op here to follow it up.
 */
export function RecallFlaggedOps({ token, caseId }: { token: string; caseId: string }) {
  const { t } = useTranslation();
  const time = useTime();
  const { value: found, error } = useApiRead(useCallback(() => recallFlaggedOps(token, caseId), [token, caseId]));
  return (
    <section aria-labelledby="recall-flagged-title" data-testid="recall-flagged-ops">
      <Typography.Title level={4} id="recall-flagged-title">
        {t('recall.flaggedOps.title')}
      </Typography.Title>
      {error && <Alert type="error" role="alert" showIcon title={error} />}
      <Table<StockException>
        size="small"
        rowKey="id"
        loading={!found && !error}
        pagination={(found?.length ?? 0) > 20 ? { defaultPageSize: 20 } : false}
        dataSource={found ?? []}
        locale={{ emptyText: <EmptyText>{t('recall.flaggedOps.none')}</EmptyText> }}
        onRow={(e) => rowAttributes({ 'data-testid': `flagged-op-${e.opId}` })}
        columns={[
          { key: 'at', title: t('recall.flaggedOps.at'), render: (_, e) => time(e.createdAt), sorter: byTime((e) => e.createdAt), defaultSortOrder: 'descend' },
          { key: 'op', title: t('recall.flaggedOps.op'), render: (_, e) => t(`ops.type.${e.opType}`, { defaultValue: e.opType }) },
          { key: 'lot', title: t('recall.flaggedOps.lot'), render: (_, e) => `${e.lotNumber ?? '—'}${e.locationCode ? ` @ ${e.locationCode}` : ''}` },
          { key: 'device', title: t('recall.flaggedOps.device'), render: (_, e) => `${e.deviceName} · ${e.username}` },
          { key: 'what', title: t('recall.flaggedOps.what'), render: (_, e) => (typeof e.details.message === 'string' ? e.details.message : e.kind) },
          { key: 'state', title: t('recall.flaggedOps.state'), render: (_, e) => <Tag color={e.status === 'open' ? 'gold' : 'green'}>{t(`recall.flaggedOps.${e.status}`)}</Tag> },
        ]}
      />
    </section>
  );
}
