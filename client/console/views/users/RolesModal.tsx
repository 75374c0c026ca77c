import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../domain/auth';
import type { Account } from '../../../api/users';
import { ReasonFormModal } from '../../ReasonFormModal';

/** Changes one account's roles, with the reason the audit trail keeps; stays open with the refusal if the server says no. */
export function RolesModal({ account, onClose, onSave }: { account: Account | null; onClose(): void; onSave(roles: Role[], reason: string): Promise<void> }) {
  const { t } = useTranslation();
  return (
    <ReasonFormModal<Account, { roles: Role[]; reason: string }>
      subject={account}
      title={(a) => t('users.rolesOf', { user: a.username })}
      testId="roles-modal"
      initialValues={(a) => ({ roles: a.roles })}
      onCancel={onClose}
      onConfirm={({ roles, reason }) => onSave(roles, reason)}
    >
      {() => (
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRule') }]}>
          <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="roles-select" />
        </Form.Item>
      )}
    </ReasonFormModal>
  );
}
