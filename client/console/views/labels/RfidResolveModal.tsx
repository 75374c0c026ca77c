import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { settleTag, type TagRecord } from '../../../api/rfid';

interface Fields {
  action: 'tag_read' | 'destroyed';
  epc?: string;
  reason: string;
}

const EPC_HEX = /^\s*(0x)?[0-9A-Fa-f]{24,64}\s*$/;

/**
 * Settles one uncertain RFID label: the EPC read from its tag (the server binds the serial only
 * when it is the EPC intended) or the label declared destroyed, each with a reason. A refusal
 * stays in the modal, next to what the person typed.
 */
export function RfidResolveModal({ token, label, onClose, onSettled }: { token: string; label: TagRecord | null; onClose(): void; onSettled(message: string): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const action = Form.useWatch('action', form);

  async function submit({ action, epc, reason }: Fields) {
    if (!label) return;
    setBusy(true);
    try {
      const settled = await settleTag(token, label.jobId, action === 'tag_read' ? { action, epc: epc!.trim(), reason: reason.trim() } : { action, reason: reason.trim() });
      setRefusal(null);
      onSettled(t(settled.outcome === 'encoded' ? 'rfid.settledEncoded' : 'rfid.settledVoided', { serial: settled.serial }));
    } catch (e) {
      setRefusal(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={label ? t('rfid.resolveTitle', { serial: label.serial }) : ''}
      open={label !== null}
      destroyOnHidden
      okText={t('consoleForm.confirm')}
      cancelText={t('consoleForm.cancel')}
      confirmLoading={busy}
      onCancel={() => {
        setRefusal(null);
        onClose();
      }}
      onOk={() => form.submit()}
      data-testid="rfid-resolve-modal"
    >
      <Typography.Paragraph type="secondary">{t('rfid.resolveHelp')}</Typography.Paragraph>
      {refusal && <Alert type="error" role="alert" showIcon title={refusal} className="console-alert" />}
      <Form<Fields> form={form} name="rfid-resolve" layout="vertical" preserve={false} initialValues={{ action: 'tag_read' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="action" label={t('rfid.action')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'tag_read', label: t('rfid.tagRead') },
              { value: 'destroyed', label: t('rfid.destroyed') },
            ]}
          />
        </Form.Item>
        {action !== 'destroyed' && (
          <Form.Item name="epc" label={t('rfid.epcRead')} extra={t('rfid.epcHelp')} rules={[{ required: true, message: t('consoleForm.required') }, { pattern: EPC_HEX, message: t('rfid.epcInvalid') }]}>
            <Input name="epc" autoComplete="off" spellCheck={false} className="rfid-epc" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('consoleForm.reason')} rules={[{ required: true, whitespace: true, message: t('consoleForm.reasonRequired') }, { max: 500 }]}>
          <Input.TextArea name="reason" autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
