import { Alert, Button, Descriptions, Drawer, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listOps, type OpSummary } from '../../api/console';
import { listPickLists, type PickList } from '../../api/pick-lists';
import { RecallBreaks } from '../../components/RecallBreaks';
import { describeOutcome } from '../../i18n/outcome';
import type { StoredSession } from '../../session/session';
import { ConsoleTable } from '../ConsoleTable';
import { filtersOf } from '../filters';
import { PageTitle } from '../PageTitle';
import { rowAttributes } from '../row-attributes';
import { useLive } from '../useLive';
import { byTime, useTime } from '../useTime';

const STATUS_COLOR: Record<string, string> = { applied: 'green', exception: 'orange', rejected: 'red', duplicate: 'default' };

/** The sync console: ops as the handhelds push them, and the pick lists they book against. */
export function SyncPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const time = useTime();
  const live = useLive(session.token, async (token) => {
    const [o, p] = await Promise.all([listOps(token), listPickLists(token)]);
    return { ops: o.ops, pickLists: p.pickLists };
  });
  const [shown, setShown] = useState<OpSummary | null>(null);
  const ops = live.data?.ops ?? [];
  const pickLists = live.data?.pickLists ?? [];
  const outcome = (o: OpSummary) => describeOutcome(t, { message: o.message ?? '', problems: o.problems }) ?? '';

  return (
    <section data-testid="sync-console">
      <PageTitle>{t('consoleShell.pages.sync')}</PageTitle>
      {live.error && <Alert type="error" role="alert" showIcon title={live.error} className="console-alert" />}
      <ConsoleTable<OpSummary>
        name="ops-table"
        title={t('console.ops')}
        rowKey="id"
        loading={!live.data}
        dataSource={ops}
        onRow={(o) => rowAttributes({ 'data-status': o.status })}
        columns={[
          {
            key: 'received',
            title: t('console.received'),
            render: (_, o) => (
              <Button type="link" size="small" onClick={() => setShown(o)}>
                {time(o.receivedAt)}
              </Button>
            ), sorter: byTime((o) => o.receivedAt), defaultSortOrder: 'descend' },
          { key: 'type', title: t('console.opType'), render: (_, o) => t(`ops.type.${o.type}`, { defaultValue: o.type }), filters: filtersOf(ops, (o) => o.type, (v) => t(`ops.type.${v}`, { defaultValue: v })), onFilter: (v, o) => o.type === v },
          { key: 'device', title: t('console.device'), dataIndex: 'deviceName', filters: filtersOf(ops, (o) => o.deviceName, (v) => v), onFilter: (v, o) => o.deviceName === v },
          { key: 'user', title: t('console.user'), dataIndex: 'username' },
          {
            key: 'status',
            title: t('console.status'),
            render: (_, o) => <Tag color={STATUS_COLOR[o.status] ?? 'default'}>{t(`ops.status.${o.status}`, { defaultValue: o.status })}</Tag>,
            filters: filtersOf(ops, (o) => o.status, (v) => t(`ops.status.${v}`, { defaultValue: v })),
            onFilter: (v, o) => o.status === v,
          },
          { key: 'outcome', title: t('console.outcome'), width: 300, render: (_, o) => outcome(o) },
        ]}
      />
      <ConsoleTable<PickList>
        name="pick-list-table"
        title={t('console.pickLists')}
        rowKey="id"
        loading={!live.data}
        dataSource={pickLists}
        locale={{ emptyText: t('console.noPickLists') }}
        onRow={(list) => rowAttributes({ 'data-number': list.number, 'data-status': list.status })}
        columns={[
          { key: 'number', title: t('console.pickList'), dataIndex: 'number', sorter: (a, b) => a.number.localeCompare(b.number) },
          { key: 'customer', title: t('console.customer'), render: (_, l) => l.customer ?? '—' },
          {
            key: 'status',
            title: t('console.status'),
            render: (_, l) => (
              <span data-testid="pick-list-status">{t(`console.pickListStatus.${l.status}`)}</span>
            ),
            filters: filtersOf(pickLists, (l) => l.status, (v) => t(`console.pickListStatus.${v}`)),
            onFilter: (v, l) => l.status === v,
          },
          {
            key: 'lines',
            title: t('console.lines'),
            width: 360,
            render: (_, l) => (
              <>
                {l.lines.map((line, i) => (
                  <div key={`${line.gtin}-${i}`} data-testid="pick-list-line" data-status={line.status}>
                    {t('console.pickLine', { gtin: line.gtin, picked: line.pickedQty, qty: line.qty, remaining: line.remainingQty })}
                  </div>
                ))}
                <RecallBreaks breaks={l.recallBreaks} />
              </>
            ),
          },
        ]}
      />
      <Drawer open={shown !== null} onClose={() => setShown(null)} title={shown ? t(`ops.type.${shown.type}`, { defaultValue: shown.type }) : ''} size="large" data-testid="op-drawer">
        {shown && (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('console.opId')}>{shown.id}</Descriptions.Item>
            <Descriptions.Item label={t('console.received')}>{time(shown.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('console.device')}>{shown.deviceName}</Descriptions.Item>
            <Descriptions.Item label={t('console.user')}>{shown.username}</Descriptions.Item>
            <Descriptions.Item label={t('console.status')}>{t(`ops.status.${shown.status}`, { defaultValue: shown.status })}</Descriptions.Item>
            <Descriptions.Item label={t('console.outcome')}>{outcome(shown) || '—'}</Descriptions.Item>
          </Descriptions>
        )}
      </Drawer>
    </section>
  );
}
