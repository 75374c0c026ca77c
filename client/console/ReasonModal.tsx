import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asks why before an audited action (resolve an exception, revoke a device); the action runs
 * only with a reason, and the modal stays open with the refusal if the server says no.
 */
export function ReasonModal({ title, open, onClose, onReason }: { title: string; open: boolean; onClose(): void; onReason(reason: string): Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      title={title}
      open={open}
      destroyOnHidden
      okText={t('consoleForm.confirm')}
      cancelText={t('consoleForm.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      data-testid="reason-modal"
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={({ reason }) => {
          setBusy(true);
          void onReason(reason.trim()).finally(() => setBusy(false));
        }}
      >
        <Form.Item name="reason" label={t('consoleForm.reason')} rules={[{ required: true, whitespace: true, message: t('consoleForm.reasonRequired') }, { max: 500 }]}>
          <Input.TextArea name="reason" autoFocus autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
