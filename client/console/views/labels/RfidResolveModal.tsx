import { Alert, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { settleTag, type TagRecord } from '../../../api/rfid';
import { ReasonFormModal } from '../../ReasonFormModal';

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
  const [refusal, setRefusal] = useState<string | null>(null);
  const action = Form.useWatch('action', form);

  async function submit({ action, epc, reason }: Fields, label: TagRecord) {
    try {
      const settled = await settleTag(token, label.jobId, action === 'tag_read' ? { action, epc: epc!.trim(), reason } : { action, reason });
      setRefusal(null);
      onSettled(t(settled.outcome === 'encoded' ? 'rfid.settledEncoded' : 'rfid.settledVoided', { serial: settled.serial }));
    } catch (e) {
      setRefusal(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <ReasonFormModal<TagRecord, Fields>
      subject={label}
      title={(l) => t('rfid.resolveTitle', { serial: l.serial })}
      testId="rfid-resolve-modal"
      formName="rfid-resolve"
      form={form}
      initialValues={() => ({ action: 'tag_read' })}
      intro={
        <>
          <Typography.Paragraph type="secondary">{t('rfid.resolveHelp')}</Typography.Paragraph>
          {refusal && <Alert type="error" role="alert" showIcon title={refusal} className="console-alert" />}
        </>
      }
      onCancel={() => {
        setRefusal(null);
        onClose();
      }}
      onConfirm={submit}
    >
      {() => (
        <>
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
        </>
      )}
    </ReasonFormModal>
  );
}
