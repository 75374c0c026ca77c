import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WebhookSubscription } from '../../../api/webhooks';
import { ReasonFormModal } from '../../ReasonFormModal';

/** Sends a subscription every matching event after a position again, with the reason the audit trail keeps. */
export function ReplayModal({ subscription, onClose, onReplay }: { subscription: WebhookSubscription | null; onClose(): void; onReplay(fromPosition: number, reason: string): Promise<void> }) {
  const { t } = useTranslation();
  return (
    <ReasonFormModal<WebhookSubscription, { fromPosition: number; reason: string }>
      subject={subscription}
      title={(s) => t('webhooks.replayTitle', { url: s.url })}
      testId="replay-modal"
      initialValues={() => ({ fromPosition: 0 })}
      onCancel={onClose}
      onConfirm={({ fromPosition, reason }) => onReplay(fromPosition, reason)}
    >
      {(s) => (
        <Form.Item name="fromPosition" label={t('webhooks.replayFrom')} extra={t('webhooks.replayHelp', { position: s.position })} rules={[{ required: true, message: t('consoleForm.required') }]}>
          <InputNumber name="replayFrom" min={0} max={s.position} precision={0} className="console-number" />
        </Form.Item>
      )}
    </ReasonFormModal>
  );
}
