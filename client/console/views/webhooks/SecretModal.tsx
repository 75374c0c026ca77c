import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The signing secret of a new subscription: shown here once, and gone from the page when closed. */
export function SecretModal({ made, onClose }: { made: { url: string; secret: string } | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('webhooks.secretTitle')} open={made !== null} destroyOnHidden onOk={onClose} onCancel={onClose} okText={t('webhooks.secretSaved')} cancelButtonProps={{ style: { display: 'none' } }} data-testid="secret-modal">
      {made && (
        <>
          <Alert type="warning" showIcon className="console-alert" title={t('webhooks.secretOnce', { url: made.url })} />
          <Typography.Paragraph copyable={{ text: made.secret }} className="console-secret">
            <code data-testid="webhook-secret">{made.secret}</code>
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('webhooks.secretHow')}</Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
