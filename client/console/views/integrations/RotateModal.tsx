import { Form, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '../../../api/api-keys';

const GRACE = [
  ['graceNone', 0],
  ['graceHour', 60],
  ['graceDay', 24 * 60],
  ['graceWeek', 7 * 24 * 60],
] as const;

/** Rotation asks how long the old key may still work, so the ERP can switch without a gap. */
export function RotateModal({ apiKey, onClose, onRotate }: { apiKey: ApiKey | null; onClose(): void; onRotate(graceMinutes: number): Promise<void> }) {
  const { t } = useTranslation();
  const [grace, setGrace] = useState<number>(24 * 60);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      title={apiKey ? t('integrations.rotateTitle', { integration: apiKey.integration }) : ''}
      open={apiKey !== null}
      destroyOnHidden
      okText={t('integrations.rotate')}
      cancelText={t('consoleForm.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => {
        setBusy(true);
        void onRotate(grace).finally(() => setBusy(false));
      }}
      data-testid="rotate-modal"
    >
      <Form layout="vertical">
        <Form.Item label={t('integrations.grace')}>
          <Radio.Group value={grace} onChange={(e) => setGrace(e.target.value as number)} options={GRACE.map(([key, minutes]) => ({ value: minutes, label: t(`integrations.${key}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
