import { Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES, patternProblem } from '../../../../domain/events';
import type { NewWebhook } from '../../../api/webhooks';

type Fields = { url: string; eventFilter: string[]; description?: string; fromPosition?: number | null };

// Offered in the filter besides every event type; any NATS-style pattern may be typed.
const PATTERNS = ['>', 'lot.*', 'op.*', 'print.job.*', 'recall.*', ...EVENT_TYPES];

/** A new subscription: where to POST, which events (NATS wildcards), and from which position. */
export function NewWebhookForm({ onCreate }: { onCreate(webhook: NewWebhook): Promise<boolean> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const required = { required: true, whitespace: true, message: t('consoleForm.required') };
  return (
    <Card size="small" className="console-card" title={t('webhooks.new')}>
      <Form<Fields>
        form={form}
        layout="vertical"
        className="console-form-grid"
        initialValues={{ eventFilter: ['lot.*'] }}
        data-testid="webhook-new"
        onFinish={async ({ url, eventFilter, description, fromPosition }) => {
          const made = await onCreate({
            url: url.trim(),
            eventFilter,
            ...(description?.trim() ? { description: description.trim() } : {}),
            ...(typeof fromPosition === 'number' ? { fromPosition } : {}),
          });
          if (made) form.resetFields();
        }}
      >
        <Form.Item name="url" label={t('webhooks.url')} rules={[required, { type: 'url', message: t('webhooks.urlRule') }, { max: 2000 }]}>
          <Input name="url" autoComplete="off" placeholder="https://erp.plant.example/lotline" />
        </Form.Item>
        <Form.Item
          name="eventFilter"
          label={t('webhooks.filter')}
          extra={t('webhooks.filterHelp')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('webhooks.filterRequired') },
            {
              validator: async (_, patterns: string[] | undefined) => {
                const bad = (patterns ?? []).find((p) => patternProblem(p) !== null);
                if (bad !== undefined) throw new Error(t('webhooks.filterRule', { pattern: bad }));
              },
            },
          ]}
        >
          <Select mode="tags" tokenSeparators={[',', ' ']} options={PATTERNS.map((p) => ({ value: p, label: p }))} data-testid="webhook-filter" aria-label={t('webhooks.filter')} />
        </Form.Item>
        <Form.Item name="description" label={t('webhooks.description')} rules={[{ max: 200 }]}>
          <Input name="description" autoComplete="off" />
        </Form.Item>
        <Form.Item name="fromPosition" label={t('webhooks.fromPosition')} extra={t('webhooks.fromPositionHelp')}>
          <InputNumber name="fromPosition" min={0} precision={0} className="console-number" />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit">
            {t('webhooks.create')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
