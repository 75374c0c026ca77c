import { Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookSubscription } from '../../../api/webhooks';

/** Sends a subscription every matching event after a position again, with the reason the audit trail keeps. */
export function ReplayModal({ subscription, onClose, onReplay }: { subscription: WebhookSubscription | null; onClose(): void; onReplay(fromPosition: number, reason: string): Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ fromPosition: number; reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      title={subscription ? t('webhooks.replayTitle', { url: subscription.url }) : ''}
      open={subscription !== null}
      destroyOnHidden
      okText={t('consoleForm.confirm')}
      cancelText={t('consoleForm.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      data-testid="replay-modal"
    >
      {subscription && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ fromPosition: 0 }}
          onFinish={({ fromPosition, reason }) => {
            setBusy(true);
            void onReplay(fromPosition, reason.trim()).finally(() => setBusy(false));
          }}
        >
          <Form.Item name="fromPosition" label={t('webhooks.replayFrom')} extra={t('webhooks.replayHelp', { position: subscription.position })} rules={[{ required: true, message: t('consoleForm.required') }]}>
            <InputNumber name="replayFrom" min={0} max={subscription.position} precision={0} className="console-number" />
          </Form.Item>
          <Form.Item name="reason" label={t('consoleForm.reason')} rules={[{ required: true, whitespace: true, message: t('consoleForm.reasonRequired') }, { max: 500 }]}>
            <Input.TextArea name="reason" autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
