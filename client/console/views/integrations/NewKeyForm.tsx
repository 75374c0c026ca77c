import { Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { API_SCOPES, type ApiScope } from '../../../../domain/integration';
import { optionalGln, optionalGlnRule } from './optional-gln';

type Fields = { integration: string; scopes: ApiScope[]; partnerGln?: string | undefined };
export type NewKey = { integration: string; scopes: ApiScope[]; partnerGln: string | null };

/** i18next reads ':' as a namespace separator: scope names are looked up with '_' instead. */
export const scopeLabelKey = (scope: ApiScope) => `integrations.scope.${scope.replace(':', '_')}`;

/** A new key for an ERP or MES: its name and what it may write. */
export function NewKeyForm({ onCreate }: { onCreate(input: NewKey): Promise<boolean> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  return (
    <Card size="small" className="console-card" title={t('integrations.new')}>
      <Form<Fields>
        form={form}
        layout="vertical"
        className="console-form-grid"
        initialValues={{ scopes: ['read'] }}
        data-testid="api-key-new"
        onFinish={async (fields) => {
          if (await onCreate({ integration: fields.integration.trim().toLowerCase(), scopes: fields.scopes, partnerGln: optionalGln(fields.partnerGln) })) form.resetFields();
        }}
      >
        <Form.Item
          name="integration"
          label={t('integrations.integration')}
          rules={[{ required: true, whitespace: true, message: t('consoleForm.required') }, { pattern: /^[a-z0-9][a-z0-9._-]{1,39}$/, message: t('integrations.integrationRule') }]}
          normalize={(v: string) => v.toLowerCase()}
        >
          <Input name="integration" autoComplete="off" />
        </Form.Item>
        <Form.Item name="scopes" label={t('integrations.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('integrations.scopesRule') }]}>
          <Select mode="multiple" options={API_SCOPES.map((s) => ({ value: s, label: t(scopeLabelKey(s)) }))} data-testid="api-key-scopes" />
        </Form.Item>
        <Form.Item
          name="partnerGln"
          label={t('integrations.partnerGln')}
          extra={t('integrations.partnerGlnHelp')}
          rules={[optionalGlnRule(t)]}
        >
          <Input name="partnerGln" inputMode="numeric" autoComplete="off" maxLength={13} />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit">
            {t('integrations.create')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
