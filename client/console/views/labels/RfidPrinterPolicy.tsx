import { Alert, Button, Form, InputNumber, Modal, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { Printer } from '../../../api/printing';
import { setPrinterRfidPolicy } from '../../../api/rfid';

interface Fields {
  retry: boolean;
  retries: number | null;
  readBackTimeoutMs: number | null;
}

/**
 * A printer's RFID policy, in words, and for label admins its editor: whether labels whose tag
 * failed are tried again, how many (over the template's), how long to wait for a read-back.
 */
export function RfidPrinterPolicy({ token, printer, canEdit, onSaved }: { token: string; printer: Printer; canEdit: boolean; onSaved(message: string): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const policy = printer.rfidPolicy;
  const retry = Form.useWatch('retry', form);
  const summary = t('rfid.policyShort', {
    retries: !policy.retry ? t('rfid.noRetry') : policy.retries === null ? t('rfid.templateRetries') : t('rfid.retriesN', { count: policy.retries }),
    timeout: policy.readBackTimeoutMs === null ? t('rfid.defaultTimeout') : `${policy.readBackTimeoutMs} ms`,
  });

  async function submit(fields: Fields) {
    setBusy(true);
    try {
      await setPrinterRfidPolicy(token, printer.id, { retry: fields.retry, retries: fields.retries ?? null, readBackTimeoutMs: fields.readBackTimeoutMs ?? null });
      setRefusal(null);
      setOpen(false);
      onSaved(t('rfid.policySaved'));
    } catch (e) {
      setRefusal(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Typography.Text type="secondary" data-testid={`rfid-policy-${printer.name}`}>
        {summary}
      </Typography.Text>
      {canEdit && (
        <Button size="small" type="link" onClick={() => setOpen(true)} aria-label={t('rfid.policyTitle', { printer: printer.name })}>
          {t('rfid.policy')}
        </Button>
      )}
      <Modal
        title={t('rfid.policyTitle', { printer: printer.name })}
        open={open}
        destroyOnHidden
        okText={t('consoleForm.confirm')}
        cancelText={t('consoleForm.cancel')}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
      >
        {refusal && <Alert type="error" role="alert" showIcon title={refusal} className="console-alert" />}
        <Form<Fields> form={form} name={`rfid-policy-${printer.id}`} layout="vertical" preserve={false} initialValues={policy} onFinish={(v) => void submit(v)}>
          <Form.Item name="retry" label={t('rfid.retry')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="retries" label={t('rfid.retries')} rules={[{ type: 'number', min: 0, max: 5 }]}>
            <InputNumber min={0} max={5} precision={0} disabled={retry === false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="readBackTimeoutMs" label={t('rfid.readBackTimeout')} rules={[{ type: 'number', min: 500, max: 120_000 }]}>
            <InputNumber min={500} max={120_000} step={500} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
