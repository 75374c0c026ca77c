import { Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, SIGNING_ROLES, USERNAME_PATTERN, type Role } from '../../../../domain/auth';
import type { NewAccount } from '../../../api/users';

type Fields = { username: string; displayName: string; password: string; roles: Role[]; locale: 'zh-CN' | 'en'; reason?: string };

/** A new account: name, first password, roles and language; granting a signing role asks why (it goes into the audit trail). */
export function NewUserForm({ onCreate }: { onCreate(account: NewAccount): Promise<boolean> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const roles = Form.useWatch('roles', form) ?? [];
  const signing = roles.some((r) => SIGNING_ROLES.includes(r));
  const required = { required: true, whitespace: true, message: t('consoleForm.required') };
  return (
    <Card size="small" className="console-card" title={t('users.new')}>
      <Form<Fields>
        form={form}
        layout="vertical"
        className="console-form-grid"
        initialValues={{ roles: ['operator'], locale: 'zh-CN' }}
        data-testid="user-new"
        onFinish={async ({ reason, ...fields }) => {
          const made = await onCreate({ ...fields, username: fields.username.trim().toLowerCase(), displayName: fields.displayName.trim(), ...(reason?.trim() ? { reason: reason.trim() } : {}) });
          if (made) form.resetFields();
        }}
      >
        <Form.Item name="username" label={t('users.username')} rules={[required, { pattern: USERNAME_PATTERN, message: t('users.usernameRule') }]} normalize={(v: string) => v.toLowerCase()}>
          <Input name="username" autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required, { max: 100 }]}>
          <Input name="displayName" autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('users.firstPassword')} rules={[{ required: true, message: t('consoleForm.required') }, { min: 8, message: t('users.passwordRule') }, { max: 200 }]}>
          <Input.Password name="newPassword" autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRule') }]}>
          <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="user-new-roles" />
        </Form.Item>
        <Form.Item name="locale" label={t('users.locale')}>
          <Select options={[{ value: 'zh-CN', label: t('language.zh-CN') }, { value: 'en', label: t('language.en') }]} />
        </Form.Item>
        {signing && (
          <Form.Item name="reason" label={t('users.signingReason')} rules={[required, { max: 500 }]}>
            <Input.TextArea name="reason" autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        )}
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit">
            {t('users.create')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
