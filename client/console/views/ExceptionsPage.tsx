import { Alert, Button, Descriptions, Drawer, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpProblem } from '../../../sync';
import { listExceptions, resolveException, type StockException } from '../../api/console';
import { describeProblem } from '../../i18n/outcome';
import type { StoredSession } from '../../session/session';
import { ConsoleTable } from '../ConsoleTable';
import { filtersOf } from '../filters';
import { PageTitle } from '../PageTitle';
import { ReasonModal } from '../ReasonModal';
import { rowAttributes } from '../row-attributes';
import { useLive } from '../useLive';
import { byTime, useTime } from '../useTime';

type Action = 'accept' | 'adjust' | 'reverse';
const ACTIONS: readonly Action[] = ['accept', 'adjust', 'reverse'];

/** The exception queue: what the server could not apply as the handheld meant it, each resolved with a reason. */
export function ExceptionsPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const time = useTime();
  const live = useLive(session.token, async (token) => (await listExceptions(token)).exceptions);
  const [resolving, setResolving] = useState<{ exception: StockException; action: Action } | null>(null);
  const [shown, setShown] = useState<StockException | null>(null);
  const exceptions = live.data ?? [];
  const detail = (e: StockException) => describeProblem(t, { code: e.kind, params: e.details as OpProblem['params'] }) ?? String(e.details.message ?? '');
  const kind = (k: string) => t(`console.kinds.${k}`, { defaultValue: k });

  return (
    <section data-testid="exceptions-page">
      <PageTitle extra={<Tag color={exceptions.length ? 'orange' : 'green'} data-testid="exception-count">
            {exceptions.length}
          </Tag>}>{t('consoleShell.pages.exceptions')}</PageTitle>
      {live.error && <Alert type="error" role="alert" showIcon title={live.error} className="console-alert" />}
      <ConsoleTable<StockException>
        name="exception-table"
        title={t('console.exceptions')}
        rowKey="id"
        loading={!live.data}
        dataSource={exceptions}
        onRow={(e) => rowAttributes({ 'data-kind': e.kind })}
        columns={[
          {
            key: 'lot',
            title: t('console.lot'),
            render: (_, e) => (
              <Button type="link" size="small" onClick={() => setShown(e)}>
                {e.lotNumber ?? '—'}
                {e.locationCode ? ` @ ${e.locationCode}` : ''}
              </Button>
            ),
            sorter: (a, b) => (a.lotNumber ?? '').localeCompare(b.lotNumber ?? ''),
          },
          { key: 'when', title: t('console.when'), render: (_, e) => time(e.createdAt), sorter: byTime((e) => e.createdAt), defaultSortOrder: 'descend' },
          { key: 'kind', title: t('console.kind'), render: (_, e) => kind(e.kind), filters: filtersOf(exceptions, (e) => e.kind, kind), onFilter: (v, e) => e.kind === v },
          { key: 'device', title: t('console.device'), render: (_, e) => `${e.deviceName} · ${e.username}`, filters: filtersOf(exceptions, (e) => e.deviceName, (v) => v), onFilter: (v, e) => e.deviceName === v },
          { key: 'detail', title: t('console.detail'), width: 280, render: (_, e) => detail(e) },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, e) => (
              <Space size="small">
                {ACTIONS.map((action) => (
                  <Button key={action} size="small" onClick={() => setResolving({ exception: e, action })}>
                    {t(`console.${action}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <ReasonModal
        open={resolving !== null}
        title={resolving ? t('console.resolveTitle', { action: t(`console.${resolving.action}`), lot: resolving.exception.lotNumber ?? '—' }) : ''}
        onClose={() => setResolving(null)}
        onReason={async (reason) => {
          if (!resolving) return;
          try {
            await resolveException(session.token, resolving.exception, resolving.action, reason);
            setResolving(null);
            await live.reload();
          } catch (e) {
            live.fail(e);
            setResolving(null);
          }
        }}
      />
      <Drawer open={shown !== null} onClose={() => setShown(null)} title={shown ? kind(shown.kind) : ''} size="large">
        {shown && (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('console.lot')}>{shown.lotNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('console.when')}>{time(shown.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('console.device')}>{`${shown.deviceName} · ${shown.username}`}</Descriptions.Item>
            <Descriptions.Item label={t('console.opType')}>{t(`ops.type.${shown.opType}`, { defaultValue: shown.opType })}</Descriptions.Item>
            <Descriptions.Item label={t('console.opId')}>{shown.opId}</Descriptions.Item>
            <Descriptions.Item label={t('console.detail')}>{detail(shown)}</Descriptions.Item>
          </Descriptions>
        )}
      </Drawer>
    </section>
  );
}
