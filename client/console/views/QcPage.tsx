import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Descriptions, Drawer, Form, Input, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedMeanings, nextStatuses, type LotStatus, type SignatureMeaning } from '../../../domain/lots';
import { acknowledgeAlert, changeStatus, findLots, getLot, openAlerts, qcQueue, uploadEvidence, type LotAlert, type LotSummary, type QcQueueEntry, type QcResult, type Signed } from '../../api/lots';
import { localName } from '../../i18n/local-name';
import type { StoredSession } from '../../session/session';
import { ConsoleTable } from '../ConsoleTable';
import { LotHistory } from '../LotHistory';
import { PageTitle } from '../PageTitle';
import { ChangeRequestsTable } from './master-data/ChangeRequestsTable';
import { SignatureItems } from '../SignatureItems';
import { useLive } from '../useLive';
import { byTime, useTime } from '../useTime';

interface SignFields {
  results: QcResult[];
  reason: string;
  meaning: SignatureMeaning;
  password: string;
}

const STATUS_COLOR: Partial<Record<LotStatus, string>> = { released: 'green', quarantine: 'gold', on_hold: 'orange', rejected: 'red', recalled: 'red', expired: 'default', scrapped: 'default' };
const emptyResult = (): QcResult => ({ test: '', value: '', unit: '', pass: true });

/**
 * QC: the inspection queue and expiry alerts; any lot opens in a drawer with the decisions the
 * status machine allows, each signed by re-entering the password and choosing what the signature means.
 */
export function QcPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const time = useTime();
  const live = useLive(session.token, async (token) => {
    const [queue, alerts] = await Promise.all([qcQueue(token), openAlerts(token)]);
    return { queue, alerts };
  });
  const [lot, setLot] = useState<LotSummary | null>(null);
  const [to, setTo] = useState<LotStatus | null>(null);
  const [signed, setSigned] = useState<Signed | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const [form] = Form.useForm<SignFields>();
  const queue = live.data?.queue ?? [];
  const alerts = live.data?.alerts ?? [];

  async function open(id: string) {
    try {
      setLot(await getLot(session.token, id));
      setTo(null);
      setSigned(null);
    } catch (e) {
      live.fail(e);
    }
  }

  async function find(lotNumber: string) {
    if (!lotNumber.trim()) return;
    try {
      const found = await findLots(session.token, lotNumber.trim());
      if (found.length === 0) return live.fail(new Error(t('lots.notFound', { lot: lotNumber.trim() })));
      await open(found[0]!.id);
    } catch (e) {
      live.fail(e);
    }
  }

  function choose(status: LotStatus) {
    setTo(status);
    setSigned(null);
    setFiles([]);
    form.setFieldsValue({ results: status === 'released' || status === 'rejected' ? [emptyResult()] : [], reason: '', meaning: allowedMeanings(status)[0], password: '' });
  }

  async function sign(fields: SignFields) {
    if (!lot || !to) return;
    setBusy(true);
    try {
      const attachments = [];
      for (const file of files) if (file.originFileObj) attachments.push(await uploadEvidence(session.token, file.originFileObj));
      const results = (fields.results ?? []).filter((r) => r.test?.trim()).map((r) => ({ test: r.test.trim(), value: r.value ?? '', unit: r.unit ?? '', pass: r.pass ?? false }));
      const outcome = await changeStatus(session.token, lot.id, { to, meaning: fields.meaning, reason: fields.reason.trim(), password: fields.password, version: lot.version, results, attachments });
      setSigned(outcome);
      setTo(null);
      setLot(await getLot(session.token, lot.id));
      setVersion((v) => v + 1);
      await live.reload();
    } catch (e) {
      live.fail(e);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section data-testid="qc-console">
      <PageTitle
        extra={
          <Input.Search aria-label={t('qc.findLot')} placeholder={t('qc.findLot')} enterButton={t('qc.open')} allowClear onSearch={(v) => void find(v)} style={{ width: 320, maxWidth: '100%' }} data-testid="qc-find" />
        }
      >
        {t('qc.title')}
      </PageTitle>
      {live.error && <Alert type="error" role="alert" showIcon closable title={live.error} className="console-alert" />}
      <ConsoleTable<QcQueueEntry>
        name="qc-queue"
        title={t('qc.queue')}
        extra={<Tag data-testid="qc-queue-count">{queue.length}</Tag>}
        rowKey="id"
        loading={!live.data}
        dataSource={queue}
        columns={[
          {
            key: 'lot',
            title: t('console.lot'),
            render: (_, q) => (
              <Button type="link" size="small" onClick={() => void open(q.id)}>
                {q.lotNumber}
              </Button>
            ),
            sorter: (a, b) => a.lotNumber.localeCompare(b.lotNumber),
          },
          { key: 'item', title: t('qc.item'), render: (_, q) => localName(q.itemName, q.itemNameZh), sorter: (a, b) => localName(a.itemName, a.itemNameZh).localeCompare(localName(b.itemName, b.itemNameZh)) },
          { key: 'supplierLot', title: t('qc.supplierLot'), render: (_, q) => q.supplierLot ?? '—' },
          { key: 'onHand', title: t('qc.onHand'), render: (_, q) => `${q.onHand} ${q.locations.join(', ')}`, sorter: (a, b) => a.onHand - b.onHand },
          { key: 'waiting', title: t('qc.waiting'), render: (_, q) => time(q.waitingSince), sorter: byTime((q) => q.waitingSince), defaultSortOrder: 'ascend' },
        ]}
      />
      <ChangeRequestsTable session={session} />
      <ConsoleTable<LotAlert>
        name="alerts"
        title={t('qc.alerts')}
        extra={<Tag>{alerts.length}</Tag>}
        rowKey="id"
        loading={!live.data}
        dataSource={alerts}
        columns={[
          {
            key: 'lot',
            title: t('console.lot'),
            render: (_, a) => (
              <Button type="link" size="small" onClick={() => void open(a.lotId)}>
                {a.lotNumber}
              </Button>
            ),
          },
          { key: 'item', title: t('qc.item'), render: (_, a) => localName(a.itemName, a.itemNameZh) },
          {
            key: 'kind',
            title: t('console.kind'),
            render: (_, a) => (a.kind === 'expired' ? t('qc.alertExpired', { date: a.expiresOn }) : t('qc.alertNear', { days: a.windowDays, date: a.expiresOn })),
            filters: [
              { text: t('qc.kindExpired'), value: 'expired' },
              { text: t('qc.kindNear'), value: 'near_expiry' },
            ],
            onFilter: (v, a) => a.kind === v,
          },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, a) => (
              <Button size="small" onClick={() => void acknowledgeAlert(session.token, a.id).then(live.reload, live.fail)}>
                {t('qc.acknowledge')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={lot !== null}
        onClose={() => setLot(null)}
        size={720}
        title={
          lot && (
            <Space>
              {t('console.lot')} {lot.lotNumber}
              <Tag color={STATUS_COLOR[lot.status] ?? 'default'}>{t(`lots.status.${lot.status}`)}</Tag>
            </Space>
          )
        }
      >
        {lot && (
          <div data-testid="qc-lot">
            <Descriptions column={1} size="small" bordered className="console-card">
              <Descriptions.Item label={t('qc.item')}>{localName(lot.itemName, lot.itemNameZh)}</Descriptions.Item>
              <Descriptions.Item label="GTIN">{lot.gtin}</Descriptions.Item>
              <Descriptions.Item label={t('lots.expires')}>{lot.expiresOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('qc.supplierLot')}>{lot.supplierLot ?? t(`lots.origin.${lot.origin}`)}</Descriptions.Item>
            </Descriptions>
            {signed && (
              <Alert
                type="success"
                role="status"
                className="console-alert"
                data-testid="signed"
                title={t('qc.signed', { to: t(`lots.status.${signed.to}`), name: signed.signature.name, time: time(signed.signature.signedAt), meaning: t(`lots.meaning.${signed.signature.meaning}`) })}
              />
            )}
            <Space wrap className="console-card">
              {nextStatuses(lot.status).map((s) => (
                <Button key={s} type={to === s ? 'primary' : 'default'} onClick={() => choose(s)} data-testid={`to-${s}`}>
                  {t(`qc.action.${s}`)}
                </Button>
              ))}
            </Space>
            {to && (
              <Card size="small" title={t('qc.signTitle', { to: t(`lots.status.${to}`) })} className="console-card">
                <Form<SignFields> form={form} layout="vertical" onFinish={(v) => void sign(v)} data-testid="sign-form">
                  <Form.List name="results">
                    {(fields, { add, remove }) =>
                      fields.length === 0 ? null : (
                        <fieldset className="console-fieldset">
                          <legend>{t('qc.results')}</legend>
                          {fields.map((field) => (
                            <Space key={field.key} align="start" wrap>
                              <Form.Item name={[field.name, 'test']} rules={[{ max: 200 }]}>
                                <Input aria-label={t('qc.test')} placeholder={t('qc.test')} />
                              </Form.Item>
                              <Form.Item name={[field.name, 'value']} rules={[{ max: 200 }]}>
                                <Input aria-label={t('qc.value')} placeholder={t('qc.value')} />
                              </Form.Item>
                              <Form.Item name={[field.name, 'unit']} rules={[{ max: 40 }]}>
                                <Input aria-label={t('qc.unit')} placeholder={t('qc.unit')} style={{ width: 90, maxWidth: '100%' }} />
                              </Form.Item>
                              <Form.Item name={[field.name, 'pass']} valuePropName="checked">
                                <Checkbox>{t('qc.pass')}</Checkbox>
                              </Form.Item>
                              <Button icon={<DeleteOutlined />} aria-label={t('consoleForm.remove')} onClick={() => remove(field.name)} />
                            </Space>
                          ))}
                          <Button icon={<PlusOutlined />} onClick={() => add(emptyResult())}>
                            {t('qc.addResult')}
                          </Button>
                        </fieldset>
                      )
                    }
                  </Form.List>
                  <Form.Item label={t('qc.evidence')}>
                    <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)}>
                      <Button icon={<UploadOutlined />}>{t('qc.evidence')}</Button>
                    </Upload>
                  </Form.Item>
                  <SignatureItems meanings={allowedMeanings(to)} reasonName="reason" signer={session.user.displayName} submitLabel={t('qc.sign')} busy={busy} />
                </Form>
              </Card>
            )}
            <Typography.Title level={3}>{t('lots.history')}</Typography.Title>
            <LotHistory token={session.token} lotId={lot.id} refreshKey={version} />
          </div>
        )}
      </Drawer>
    </section>
  );
}
