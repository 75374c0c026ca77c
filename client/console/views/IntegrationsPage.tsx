import { Alert, Button, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey, type ApiKey, type IssuedKey } from '../../api/api-keys';
import type { StoredSession } from '../../session/session';
import { ConsoleTable } from '../ConsoleTable';
import { PageTitle } from '../PageTitle';
import { ReasonModal } from '../ReasonModal';
import { rowAttributes } from '../row-attributes';
import { useLive } from '../useLive';
import { byTime, useTime } from '../useTime';
import { EpcisSettingsCard } from './integrations/EpcisSettingsCard';
import { NewKeyForm, scopeLabelKey } from './integrations/NewKeyForm';
import { RotateModal } from './integrations/RotateModal';

/** API keys of the plant's ERP and MES: issue one (shown once), rotate with a grace period, revoke. */
export function IntegrationsPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const time = useTime('dateTime');
  const live = useLive(session.token, listApiKeys);
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const [rotating, setRotating] = useState<ApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = live.data ?? [];

  return (
    <section data-testid="integrations-page">
      <PageTitle>{t('integrations.title')}</PageTitle>
      <Typography.Paragraph>{t('integrations.intro')}</Typography.Paragraph>
      {live.error && <Alert type="error" role="alert" showIcon title={live.error} className="console-alert" data-testid="integrations-error" />}
      <NewKeyForm
        onCreate={async (input) => {
          try {
            setIssued(await createApiKey(session.token, input));
            await live.reload();
            return true;
          } catch (e) {
            live.fail(e);
            return false;
          }
        }}
      />
      <EpcisSettingsCard token={session.token} onError={live.fail} />
      <ConsoleTable<ApiKey>
        name="api-key-table"
        title={t('integrations.title')}
        rowKey="id"
        loading={!live.data}
        dataSource={keys}
        onRow={(k) => rowAttributes({ 'data-integration': k.integration, 'data-prefix': k.prefix, 'data-state': k.state })}
        columns={[
          { key: 'integration', title: t('integrations.integration'), dataIndex: 'integration', sorter: (a, b) => a.integration.localeCompare(b.integration), defaultSortOrder: 'ascend' },
          { key: 'prefix', title: t('integrations.prefix'), render: (_, k) => <Typography.Text code>{k.prefix}…</Typography.Text> },
          {
            key: 'scopes',
            title: t('integrations.scopes'),
            render: (_, k) => (
              <Space size={[0, 4]} wrap>
                {k.scopes.map((s) => (
                  <Tag key={s}>{t(scopeLabelKey(s))}</Tag>
                ))}
              </Space>
            ),
          },
          { key: 'partnerGln', title: t('integrations.partnerGln'), render: (_, k) => (k.partnerGln ? <Typography.Text code>{k.partnerGln}</Typography.Text> : null) },
          {
            key: 'state',
            title: t('integrations.state'),
            render: (_, k) => {
              const state = k.state;
              if (state === 'active') return <Tag color="green">{t('integrations.active')}</Tag>;
              if (state === 'expiring') return <Tag color="gold">{t('integrations.expiring', { when: time(k.expiresAt) })}</Tag>;
              return <Tag>{t(`integrations.${state}`)}</Tag>;
            },
          },
          { key: 'created', title: t('integrations.created'), render: (_, k) => time(k.createdAt), sorter: byTime((k) => k.createdAt) },
          { key: 'lastUsed', title: t('integrations.lastUsed'), render: (_, k) => (k.lastUsedAt ? time(k.lastUsedAt) : t('integrations.never')) },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, k) =>
              k.revokedAt || k.replacedBy ? null : (
                <Space size="small" wrap>
                  <Button size="small" onClick={() => setRotating(k)} data-testid="api-key-rotate">
                    {t('integrations.rotate')}
                  </Button>
                  <Button size="small" danger onClick={() => setRevoking(k)} data-testid="api-key-revoke">
                    {t('integrations.revoke')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        title={issued ? t('integrations.secretTitle', { integration: issued.key.integration }) : ''}
        open={issued !== null}
        // The secret leaves the page with the dialog: nothing keeps it once it was shown.
        destroyOnHidden
        onOk={() => setIssued(null)}
        onCancel={() => setIssued(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('consoleForm.confirm')}
        data-testid="api-key-secret"
      >
        <Alert type="warning" showIcon title={t('integrations.secretOnce')} />
        <Typography.Paragraph copyable={{ text: issued?.secret ?? '' }} code className="api-key-secret" data-testid="api-key-secret-text">
          {issued?.secret}
        </Typography.Paragraph>
      </Modal>
      <RotateModal
        apiKey={rotating}
        onClose={() => setRotating(null)}
        onRotate={async (grace) => {
          if (!rotating) return;
          try {
            setIssued(await rotateApiKey(session.token, rotating.id, grace));
            setRotating(null);
            await live.reload();
          } catch (e) {
            live.fail(e);
          }
        }}
      />
      <ReasonModal
        open={revoking !== null}
        title={revoking ? t('integrations.revokeTitle', { integration: revoking.integration, prefix: revoking.prefix }) : ''}
        onClose={() => setRevoking(null)}
        onReason={async (reason) => {
          if (!revoking) return;
          try {
            await revokeApiKey(session.token, revoking.id, reason);
            await live.reload();
          } catch (e) {
            live.fail(e);
          }
          setRevoking(null);
        }}
      />
    </section>
  );
}
