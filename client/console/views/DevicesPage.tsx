import { Alert, Button, Card, Descriptions, Drawer, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceHealth, enrolDevice, listDevices, revokeDevice, type Device, type DeviceHealth } from '../../api/console';
import { DeviceTokenQr } from '../../components/DeviceTokenQr';
import type { StoredSession } from '../../session/session';
import { ConsoleTable } from '../ConsoleTable';
import { PageTitle } from '../PageTitle';
import { ReasonModal } from '../ReasonModal';
import { rowAttributes } from '../row-attributes';
import { useLive } from '../useLive';
import { byTime, useTime } from '../useTime';

type Row = Device & { health: DeviceHealth | undefined };

/** The handhelds: enrol one (its token shown once, as a QR code), see each one's sync state, revoke a lost one. */
export function DevicesPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const time = useTime();
  const live = useLive(session.token, async (token): Promise<Row[]> => {
    const [d, h] = await Promise.all([listDevices(token), deviceHealth(token)]);
    const health = new Map(h.devices.map((x) => [x.deviceId, x]));
    return d.devices.map((device) => ({ ...device, health: health.get(device.id) }));
  });
  const [form] = Form.useForm<{ name: string }>();
  const [issuedToken, setIssuedToken] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Row | null>(null);
  const [shown, setShown] = useState<Row | null>(null);
  const devices = live.data ?? [];
  const failing = (h: DeviceHealth | undefined) =>
    h?.pushFailing ? t('console.pushFailing', { failures: h.pushFailing.failures, reason: t(`errors.${h.pushFailing.code}`, { defaultValue: h.pushFailing.message }) }) : null;

  return (
    <section data-testid="devices-page">
      <PageTitle>{t('console.devices')}</PageTitle>
      {live.error && <Alert type="error" role="alert" showIcon title={live.error} className="console-alert" />}
      <Card size="small" className="console-card">
        <Form
          form={form}
          layout="inline"
          onFinish={({ name }) =>
            void enrolDevice(session.token, name.trim()).then((r) => {
              setIssuedToken(r.token);
              form.resetFields();
              return live.reload();
            }, live.fail)
          }
        >
          <Form.Item name="name" label={t('console.deviceName')} rules={[{ required: true, whitespace: true, message: t('consoleForm.required') }, { max: 100 }]}>
            <Input placeholder={t('console.deviceName')} style={{ width: 260, maxWidth: '100%' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('console.enrol')}
          </Button>
        </Form>
        {issuedToken && <DeviceTokenQr token={issuedToken} />}
      </Card>
      <ConsoleTable<Row>
        name="device-table"
        title={t('console.devices')}
        rowKey="id"
        loading={!live.data}
        dataSource={devices}
        onRow={(d) => rowAttributes({ 'data-revoked': d.revokedAt ? 'true' : undefined })}
        columns={[
          {
            key: 'name',
            title: t('console.device'),
            render: (_, d) => (
              <Button type="link" size="small" onClick={() => setShown(d)}>
                {d.name}
              </Button>
            ),
            sorter: (a, b) => a.name.localeCompare(b.name),
          },
          { key: 'lastUser', title: t('console.lastUser'), render: (_, d) => d.health?.lastUser ?? '—' },
          { key: 'lastSeen', title: t('console.lastSeen'), render: (_, d) => time(d.lastSeenAt), sorter: byTime((d) => d.lastSeenAt), defaultSortOrder: 'descend' },
          { key: 'appVersion', title: t('console.appVersion'), render: (_, d) => d.appVersion ?? '—' },
          { key: 'queue', title: t('console.queue'), render: (_, d) => d.queueDepth ?? '—', sorter: (a, b) => (a.queueDepth ?? -1) - (b.queueDepth ?? -1) },
          { key: 'errors', title: t('console.errors'), render: (_, d) => (d.health ? `${d.health.openExceptions} / ${d.health.rejectedOps}` : '—') },
          {
            key: 'sync',
            title: t('console.syncState'),
            render: (_, d) =>
              d.revokedAt ? (
                <Tag>{t('console.revoked')}</Tag>
              ) : failing(d.health) ? (
                <Tag color="red" data-testid="push-failing">
                  {failing(d.health)} · {time(d.health?.pushFailing?.at)}
                </Tag>
              ) : (
                <Tag color="green">{t('console.syncOk')}</Tag>
              ),
            filters: [
              { text: t('console.syncOk'), value: 'ok' },
              { text: t('console.revoked'), value: 'revoked' },
            ],
            onFilter: (v, d) => (v === 'revoked' ? d.revokedAt !== null : d.revokedAt === null),
          },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, d) =>
              d.revokedAt ? null : (
                <Button size="small" danger onClick={() => setRevoking(d)}>
                  {t('console.revoke')}
                </Button>
              ),
          },
        ]}
      />
      <ReasonModal
        open={revoking !== null}
        title={revoking ? t('console.revokeTitle', { device: revoking.name }) : ''}
        onClose={() => setRevoking(null)}
        onReason={async (reason) => {
          if (!revoking) return;
          try {
            await revokeDevice(session.token, revoking.id, reason);
            await live.reload();
          } catch (e) {
            live.fail(e);
          }
          setRevoking(null);
        }}
      />
      <Drawer open={shown !== null} onClose={() => setShown(null)} title={shown?.name} size="large">
        {shown && (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('console.enrolled')}>{time(shown.enrolledAt)}</Descriptions.Item>
            <Descriptions.Item label={t('console.lastSeen')}>{time(shown.lastSeenAt)}</Descriptions.Item>
            <Descriptions.Item label={t('console.lastUser')}>{shown.health?.lastUser ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('console.opsToday')}>{shown.health?.opsToday ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('console.appVersion')}>{shown.appVersion ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('console.queue')}>{shown.queueDepth ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('console.syncState')}>{failing(shown.health) ?? (shown.revokedAt ? t('console.revoked') : t('console.syncOk'))}</Descriptions.Item>
            <Descriptions.Item label="ID">
              <Typography.Text copyable>{shown.id}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Drawer>
    </section>
  );
}
