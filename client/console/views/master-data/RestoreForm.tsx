import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Schema } from '../../../api/types';

type History = Schema<'MasterDataHistory'>;
type FieldChange = Schema<'MasterDataChange'>;

interface Fields {
  reason: string;
  signer?: string;
  password?: string;
}

/**
 * Restores an earlier version as a new one. What the restore would change is asked of the server
 * first: where a regulated field changes, the form asks for a QC signature (the password, and the
 * QC colleague's username when the one restoring is not QC).
 */
export function RestoreForm({ token, path, version, current, onRestored }: { token: string; path: string; version: number; current: number; onRestored(history: History): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const [regulated, setRegulated] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Keyed by version and current version in the drawer: a new pair mounts a new form.
  useEffect(() => {
    void api<{ changes: FieldChange[] }>(`${path}/diff?from=${current}&to=${version}`, { token }).then(
      (a) => setRegulated(a.changes.filter((c) => c.regulated).map((c) => c.field)),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [token, path, version, current]);

  async function restore(fields: Fields) {
    setBusy(true);
    setError(null);
    const signature = fields.password ? { password: fields.password, ...(fields.signer?.trim() ? { username: fields.signer.trim() } : {}) } : undefined;
    try {
      onRestored(await api<History>(`${path}/restore`, { method: 'POST', token, body: JSON.stringify({ version, baseVersion: current, reason: fields.reason.trim(), signature }) }));
      form.resetFields();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const needsSignature = (regulated?.length ?? 0) > 0;
  return (
    <Form<Fields> form={form} layout="vertical" onFinish={(f) => void restore(f)} data-testid="master-data-restore" aria-label={t('masterData.restoreVersion', { version })}>
      {needsSignature && <Alert type="warning" showIcon title={t('masterData.needsSignature', { fields: regulated!.join(', ') })} className="console-alert" />}
      <Form.Item name="reason" label={t('masterData.reason')} rules={[{ required: true, whitespace: true, message: t('consoleForm.required') }, { max: 500 }]}>
        <Input.TextArea name="restore-reason" autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      {needsSignature && (
        <>
          <Form.Item name="signer" label={t('masterData.signer')} extra={t('masterData.signerHelp')}>
            <Input name="signer" autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item name="password" label={t('qc.password')} rules={[{ required: true, message: t('consoleForm.required') }]}>
            <Input.Password name="password" autoComplete="current-password" />
          </Form.Item>
        </>
      )}
      {error && <Alert type="error" role="alert" showIcon title={error} className="console-alert" />}
      <Button type="primary" htmlType="submit" loading={busy} disabled={regulated === null}>
        {t('masterData.restoreVersion', { version })}
      </Button>
    </Form>
  );
}
