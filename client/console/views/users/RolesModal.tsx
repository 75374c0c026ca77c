import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../domain/auth';
import type { Account } from '../../../api/users';

/** Changes one account's roles, with the reason the audit trail keeps; stays open with the refusal if the server says no. */
export function RolesModal({ account, onClose, onSave }: { account: Account | null; onClose(): void; onSave(roles: Role[], reason: string): Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ roles: Role[]; reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      title={account ? t('users.rolesOf', { user: account.username }) : ''}
      open={account !== null}
      destroyOnHidden
      okText={t('consoleForm.confirm')}
      cancelText={t('consoleForm.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      data-testid="roles-modal"
    >
      {account && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ roles: account.roles }}
          onFinish={({ roles, reason }) => {
            setBusy(true);
            void onSave(roles, reason.trim()).finally(() => setBusy(false));
          }}
        >
          <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRule') }]}>
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="roles-select" />
          </Form.Item>
          <Form.Item name="reason" label={t('consoleForm.reason')} rules={[{ required: true, whitespace: true, message: t('consoleForm.reasonRequired') }, { max: 500 }]}>
            <Input.TextArea name="reason" autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
