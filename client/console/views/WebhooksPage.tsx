import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createWebhook, listDeadLetters, listWebhooks, replayWebhook, retryDeadLetter, setWebhookActive, type DeadLetter, type WebhookSubscription } from '../../api/webhooks';
import type { StoredSession } from '../../session/session';
import { ConsoleTable } from '../ConsoleTable';
import { PageTitle } from '../PageTitle';
import { ReasonModal } from '../ReasonModal';
import { rowAttributes } from '../row-attributes';
import { byTime, useTime } from '../useTime';
import { useLive } from '../useLive';
import { NewWebhookForm } from './webhooks/NewWebhookForm';
import { ReplayModal } from './webhooks/ReplayModal';
import { SecretModal } from './webhooks/SecretModal';

const load = async (token: string) => {
  const [subscriptions, deadLetters] = await Promise.all([listWebhooks(token), listDeadLetters(token)]);
  return { subscriptions, deadLetters };
};

/**
 * Webhooks for integrations: subscriptions (the secret shown once), paused or resumed with a
 * reason, replayed from a position; deliveries that gave up, to be retried.
 */
export function WebhooksPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const time = useTime();
  const live = useLive(session.token, load);
  const [made, setMade] = useState<{ url: string; secret: string } | null>(null);
  const [pausing, setPausing] = useState<WebhookSubscription | null>(null);
  const [replaying, setReplaying] = useState<WebhookSubscription | null>(null);
  const [toast, toasts] = message.useMessage();
  const subscriptions = live.data?.subscriptions ?? [];
  const deadLetters = live.data?.deadLetters ?? [];
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await live.reload();
    } catch (e) {
      live.fail(e);
    }
  };

  return (
    <section data-testid="webhooks-page">
      {toasts}
      <PageTitle
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void live.reload()} data-testid="webhooks-reload">
            {t('webhooks.reload')}
          </Button>
        }
      >
        {t('webhooks.title')}
      </PageTitle>
      {live.error && <Alert type="error" role="alert" showIcon title={live.error} className="console-alert" data-testid="webhooks-error" />}
      <NewWebhookForm
        onCreate={async (webhook) => {
          try {
            const created = await createWebhook(session.token, webhook);
            setMade({ url: created.url, secret: created.secret });
            await live.reload();
            return true;
          } catch (e) {
            live.fail(e);
            return false;
          }
        }}
      />
      <ConsoleTable<WebhookSubscription>
        name="webhook-table"
        title={t('webhooks.subscriptions')}
        rowKey="id"
        loading={!live.data}
        dataSource={subscriptions}
        onRow={(s) => rowAttributes({ 'data-url': s.url, 'data-active': String(s.active) })}
        columns={[
          {
            key: 'url',
            title: t('webhooks.url'),
            render: (_, s) => (
              <>
                <Typography.Text>{s.url}</Typography.Text>
                {s.description && (
                  <div>
                    <Typography.Text type="secondary">{s.description}</Typography.Text>
                  </div>
                )}
              </>
            ),
            sorter: (a, b) => a.url.localeCompare(b.url),
          },
          {
            key: 'filter',
            title: t('webhooks.filter'),
            render: (_, s) => (
              <Space size={[0, 4]} wrap>
                {s.eventFilter.map((p) => (
                  <Tag key={p}>{p}</Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'state',
            title: t('webhooks.state'),
            render: (_, s) => (s.active ? <Tag color="green">{t('webhooks.active')}</Tag> : <Tag>{t('webhooks.paused')}</Tag>),
            filters: [
              { text: t('webhooks.active'), value: 'active' },
              { text: t('webhooks.paused'), value: 'paused' },
            ],
            onFilter: (v, s) => (v === 'active') === s.active,
          },
          { key: 'position', title: t('webhooks.position'), dataIndex: 'position', align: 'end' },
          { key: 'pending', title: t('webhooks.pending'), dataIndex: 'pending', align: 'end', sorter: (a, b) => a.pending - b.pending },
          {
            key: 'dead',
            title: t('webhooks.deadLetters'),
            align: 'end',
            render: (_, s) => (s.deadLetters > 0 ? <Tag color="red">{s.deadLetters}</Tag> : 0),
            sorter: (a, b) => a.deadLetters - b.deadLetters,
          },
          { key: 'createdAt', title: t('webhooks.createdAt'), render: (_, s) => time(s.createdAt), sorter: byTime((s: WebhookSubscription) => s.createdAt) },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, s) => (
              <Space size="small" wrap>
                {s.active ? (
                  <Button size="small" onClick={() => setPausing(s)} data-testid="webhook-pause">
                    {t('webhooks.pause')}
                  </Button>
                ) : (
                  <Button size="small" onClick={() => setPausing(s)} data-testid="webhook-resume">
                    {t('webhooks.resume')}
                  </Button>
                )}
                <Button size="small" onClick={() => setReplaying(s)} data-testid="webhook-replay">
                  {t('webhooks.replay')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <ConsoleTable<DeadLetter>
        name="dead-letter-table"
        title={t('webhooks.deadLetterTitle')}
        rowKey="id"
        loading={!live.data}
        dataSource={deadLetters}
        onRow={(d) => rowAttributes({ 'data-event': d.eventId })}
        columns={[
          { key: 'eventType', title: t('webhooks.eventType'), dataIndex: 'eventType', sorter: (a, b) => a.eventType.localeCompare(b.eventType) },
          { key: 'position', title: t('webhooks.position'), dataIndex: 'eventPosition', align: 'end', sorter: (a, b) => a.eventPosition - b.eventPosition },
          { key: 'url', title: t('webhooks.url'), dataIndex: 'url' },
          { key: 'attempts', title: t('webhooks.attempts'), dataIndex: 'attempts', align: 'end' },
          {
            key: 'lastError',
            title: t('webhooks.lastError'),
            render: (_, d) => d.lastError ?? (d.lastStatus !== null ? `HTTP ${d.lastStatus}` : '—'),
          },
          { key: 'deadLetteredAt', title: t('webhooks.deadLetteredAt'), render: (_, d) => time(d.deadLetteredAt), sorter: byTime((d: DeadLetter) => d.deadLetteredAt), defaultSortOrder: 'descend' },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, d) => (
              <Button
                size="small"
                data-testid="dead-letter-retry"
                onClick={() =>
                  void act(async () => {
                    await retryDeadLetter(session.token, d.id);
                    void toast.success(t('webhooks.retried', { type: d.eventType, position: d.eventPosition }));
                  })
                }
              >
                {t('webhooks.retry')}
              </Button>
            ),
          },
        ]}
      />
      <SecretModal made={made} onClose={() => setMade(null)} />
      <ReasonModal
        open={pausing !== null}
        title={pausing ? t(pausing.active ? 'webhooks.pauseTitle' : 'webhooks.resumeTitle', { url: pausing.url }) : ''}
        onClose={() => setPausing(null)}
        onReason={async (reason) => {
          if (!pausing) return;
          await act(() => setWebhookActive(session.token, pausing.id, !pausing.active, reason));
          setPausing(null);
        }}
      />
      <ReplayModal
        subscription={replaying}
        onClose={() => setReplaying(null)}
        onReplay={async (fromPosition, reason) => {
          if (!replaying) return;
          await act(() => replayWebhook(session.token, replaying.id, fromPosition, reason));
          setReplaying(null);
        }}
      />
    </section>
  );
}
