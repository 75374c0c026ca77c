import { Alert, Button, Empty, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Schema } from '../../../api/types';
import type { StoredSession } from '../../../session/session';
import { ConsoleTable } from '../../ConsoleTable';
import { ReasonFormModal } from '../../ReasonFormModal';
import { useLive } from '../../useLive';
import { byTime, useTime } from '../../useTime';

type ChangeRequest = Schema<'MasterDataChangeRequest'>;

interface ApproveFields {
  reason: string;
  signer?: string;
  password: string;
}

const shown = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** Who may decide: approving needs a QC signature (a colleague's when the one approving is not QC); rejecting is QC's own. */
const APPROVERS = new Set(['labeladmin', 'qc', 'supervisor', 'admin']);
const REJECTERS = new Set(['qc', 'admin']);

/**
 * Changes to regulated master data that an integration sent: held until QC signs them, each shown
 * as the fields it would change, before and after, with the regulated ones marked.
 */
export function ChangeRequestsTable({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const time = useTime();
  const live = useLive(session.token, (token) => api<{ requests: ChangeRequest[] }>('/api/master-data/change-requests?status=pending', { token }));
  const [approving, setApproving] = useState<ChangeRequest | null>(null);
  const [rejecting, setRejecting] = useState<ChangeRequest | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const requests = live.data?.requests ?? [];
  const roles = new Set(session.user.roles);
  const canApprove = [...roles].some((r) => APPROVERS.has(r));
  const canReject = [...roles].some((r) => REJECTERS.has(r));

  async function decide(request: ChangeRequest, decision: 'approve' | 'reject', body: object) {
    try {
      await api(`/api/master-data/change-requests/${request.id}/${decision}`, { method: 'POST', token: session.token, body: JSON.stringify(body) });
      setApproving(null);
      setRejecting(null);
      setRefusal(null);
      await live.reload();
    } catch (e) {
      // The modal stays open with the server's answer: a wrong password is typed again, a stale request is rejected instead.
      setRefusal(e instanceof Error ? e.message : String(e));
    }
  }

  const close = () => {
    setApproving(null);
    setRejecting(null);
    setRefusal(null);
  };
  const refusalAlert = refusal && <Alert type="error" role="alert" showIcon title={refusal} className="console-alert" />;

  return (
    <>
      {live.error && <Alert type="error" role="alert" showIcon title={live.error} className="console-alert" />}
      <ConsoleTable<ChangeRequest>
        name="master-data-change-requests"
        title={t('changeRequests.title')}
        extra={<Tag data-testid="change-requests-count">{requests.length}</Tag>}
        rowKey="id"
        loading={!live.data}
        dataSource={requests}
        // A bare string is drawn in the table's disabled grey, too faint to read; the Empty block keeps the contrast other tables have.
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('changeRequests.none')} /> }}
        columns={[
          {
            key: 'record',
            title: t('changeRequests.record'),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{r.externalId}</Typography.Text>
                <Typography.Text type="secondary">{t(`changeRequests.kinds.${r.kind}`)}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'changes',
            title: t('changeRequests.changes'),
            render: (_, r) => (
              <ul className="change-list" aria-label={t('changeRequests.changesOf', { record: r.externalId })}>
                {r.changes.map((c) => (
                  <li key={c.field}>
                    <Typography.Text code>{c.field}</Typography.Text> {shown(c.before)} → {shown(c.after)} {c.regulated && <Tag color="orange">{t('masterData.regulated')}</Tag>}
                  </li>
                ))}
              </ul>
            ),
          },
          { key: 'requestedBy', title: t('changeRequests.requestedBy'), dataIndex: 'requestedBy' },
          { key: 'requestedAt', title: t('changeRequests.requestedAt'), render: (_, r) => time(r.requestedAt), sorter: byTime((r) => r.requestedAt), defaultSortOrder: 'ascend' },
          {
            key: 'decide',
            title: t('changeRequests.decide'),
            render: (_, r) => (
              <Space wrap>
                {canApprove && (
                  <Button size="small" type="primary" onClick={() => setApproving(r)} aria-label={t('changeRequests.approveOf', { record: r.externalId })}>
                    {t('changeRequests.approve')}
                  </Button>
                )}
                {canReject && (
                  <Button size="small" danger onClick={() => setRejecting(r)} aria-label={t('changeRequests.rejectOf', { record: r.externalId })}>
                    {t('changeRequests.reject')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ReasonFormModal<ChangeRequest, ApproveFields>
        subject={approving}
        title={(r) => t('changeRequests.approveTitle', { record: r.externalId })}
        testId="change-request-approve"
        formName="change-approve"
        intro={
          <>
            {approving && <Alert type="warning" showIcon title={t('changeRequests.needsSignature', { fields: approving.regulatedFields.join(', ') })} className="console-alert" />}
            {refusalAlert}
          </>
        }
        onCancel={close}
        onConfirm={(f, r) => decide(r, 'approve', { reason: f.reason, signature: { password: f.password, ...(f.signer?.trim() ? { username: f.signer.trim() } : {}) } })}
      >
        {() => (
          <>
            <Form.Item name="signer" label={t('masterData.signer')} extra={t('masterData.signerHelp')}>
              <Input name="signer" autoComplete="off" spellCheck={false} />
            </Form.Item>
            <Form.Item name="password" label={t('qc.password')} rules={[{ required: true, message: t('consoleForm.required') }]}>
              <Input.Password name="password" autoComplete="current-password" />
            </Form.Item>
          </>
        )}
      </ReasonFormModal>
      <ReasonFormModal<ChangeRequest, { reason: string }>
        subject={rejecting}
        title={(r) => t('changeRequests.rejectTitle', { record: r.externalId })}
        testId="change-request-reject"
        formName="change-reject"
        intro={refusalAlert}
        onCancel={close}
        onConfirm={(f, r) => decide(r, 'reject', { reason: f.reason })}
      />
    </>
  );
}
