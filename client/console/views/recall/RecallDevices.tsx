import { Alert, Table, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { recallDevices, type HoldDevice } from '../../../api/recalls';
import { useApiRead } from '../../../hooks/useApiRead';
import { rowAttributes } from '../../row-attributes';
import { useTime } from '../../useTime';

/** Read again this often while the case is open: devices pick a hold up within seconds. */
const REFRESH_MS = 3000;

const COLOUR: Record<HoldDevice['state'], string> = { has_hold: 'green', not_synced: 'red', catching_up: 'gold' };

/** Which handhelds have a case's holds, since when, and which have not synced since they went on. */
export function RecallDevices({ token, caseId }: { token: string; caseId: string }) {
  const { t } = useTranslation();
  const time = useTime();
  const { value: found, error } = useApiRead(useCallback(() => recallDevices(token, caseId), [token, caseId]), REFRESH_MS);
  if (error) return <Alert type="error" role="alert" showIcon title={error} />;
  if (!found) return null;
  if (found.case.heldAt === null)
    return (
      <Typography.Paragraph type="secondary">
        <span data-testid="recall-devices-none">{t('recall.devices.noHolds')}</span>
      </Typography.Paragraph>
    );
  return (
    <>
      <Typography.Paragraph>
        <span data-testid="recall-devices-summary">{t('recall.devices.summary', { has: found.has, missing: found.missing, lots: found.case.lots })}</span>
      </Typography.Paragraph>
      <Table<HoldDevice>
        size="small"
        rowKey="id"
        pagination={found.devices.length > 20 ? { defaultPageSize: 20 } : false}
        dataSource={found.devices}
        data-testid="recall-devices"
        onRow={(d) => rowAttributes({ 'data-testid': `recall-device-${d.name}` })}
        columns={[
          { key: 'name', title: t('recall.devices.device'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name) },
          {
            key: 'state',
            title: t('recall.devices.state'),
            render: (_, d) => <Tag color={COLOUR[d.state]}>{t(`recall.devices.${d.state}`)}</Tag>,
            filters: (['has_hold', 'catching_up', 'not_synced'] as const).map((s) => ({ text: t(`recall.devices.${s}`), value: s })),
            onFilter: (v, d) => d.state === v,
          },
          { key: 'acknowledgedAt', title: t('recall.devices.acknowledgedAt'), render: (_, d) => time(d.acknowledgedAt) },
          { key: 'lastSeenAt', title: t('recall.devices.lastSeenAt'), render: (_, d) => (d.lastSeenAt ? time(d.lastSeenAt) : t('recall.devices.never')) },
        ]}
      />
    </>
  );
}
