import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CHECK_METHODS, CONTACT_METHODS, CONTACT_STEPS, type CheckMethod, type CheckedConsignee, type ContactMethod, type ContactStep } from '../../../../domain/recall';
import type { CheckRecord, ContactRecord } from '../../../api/recall-effectiveness';

interface Props<T> {
  consignees: readonly CheckedConsignee[];
  busy: boolean;
  /** Resolves true once the server kept it: the form then clears for the next one. */
  onRecord(record: T): Promise<boolean>;
}

function ConsigneeItem({ name, consignees }: { name: string; consignees: readonly CheckedConsignee[] }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="customerCode" label={t('recall.scope.customer')} rules={[{ required: true, message: t('consoleForm.required') }]}>
      <Select data-testid={name} showSearch={{ optionFilterProp: 'label' }} options={consignees.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }))} />
    </Form.Item>
  );
}

type ContactFields = { customerCode: string; step: ContactStep; method: ContactMethod; at?: Dayjs | null; note?: string };

/** Records an attempt to reach a drawn consignee: the step of the ladder, how, and when it was made (now unless given). */
export function EffectivenessContactForm({ consignees, busy, onRecord }: Props<ContactRecord>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContactFields>();
  return (
    <Card size="small" title={t('recall.effectiveness.contactTitle')} data-testid="effectiveness-contact-form">
      <Form<ContactFields>
        form={form}
        name="contact"
        layout="vertical"
        initialValues={{ customerCode: consignees[0]?.code, step: 'repeat_contact', method: 'phone' }}
        onFinish={async ({ at, note, ...fields }) => {
          const done = await onRecord({ ...fields, ...(at ? { at: at.toISOString() } : {}), ...(note?.trim() ? { note: note.trim() } : {}) });
          if (done) form.resetFields(['at', 'note']);
        }}
      >
        <ConsigneeItem name="contact-customer" consignees={consignees} />
        <Form.Item name="step" label={t('recall.effectiveness.stepLabel')}>
          <Radio.Group name="contact-step" options={CONTACT_STEPS.map((s) => ({ value: s, label: t(`recall.effectiveness.step.${s}`) }))} />
        </Form.Item>
        <Form.Item name="method" label={t('recall.effectiveness.methodLabel')}>
          <Radio.Group name="contact-method" options={CONTACT_METHODS.map((m) => ({ value: m, label: t(`recall.effectiveness.method.${m}`) }))} />
        </Form.Item>
        <Form.Item name="at" label={t('recall.effectiveness.contactAt')}>
          <DatePicker name="contact-at" needConfirm={false} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('recall.effectiveness.note')} rules={[{ max: 2000 }]}>
          <Input name="contact-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="effectiveness-contact-submit">
          {t('recall.effectiveness.recordContact')}
        </Button>
      </Form>
    </Card>
  );
}

type Answer = 'yes' | 'no';
type CheckFields = { customerCode: string; method: CheckMethod; reached: boolean; receivedNotice?: Answer; followedInstructions?: Answer; onHand?: number | null; note?: string };

/** Records what a check of a drawn consignee found; the questions about the notice are asked only of one who was reached. */
export function EffectivenessCheckForm({ consignees, busy, onRecord }: Props<CheckRecord>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CheckFields>();
  const reached = Form.useWatch('reached', form) ?? true;
  const answers = [
    { value: 'yes', label: t('recall.effectiveness.yes') },
    { value: 'no', label: t('recall.effectiveness.no') },
  ];
  return (
    <Card size="small" title={t('recall.effectiveness.checkTitle')} data-testid="effectiveness-check-form">
      <Form<CheckFields>
        form={form}
        name="check"
        layout="vertical"
        initialValues={{ customerCode: consignees[0]?.code, method: 'phone', reached: true }}
        onFinish={async ({ receivedNotice, followedInstructions, onHand, note, ...fields }) => {
          const check: CheckRecord = {
            ...fields,
            ...(fields.reached && receivedNotice ? { receivedNotice: receivedNotice === 'yes' } : {}),
            ...(fields.reached && followedInstructions ? { followedInstructions: followedInstructions === 'yes' } : {}),
            ...(fields.reached && onHand !== undefined && onHand !== null ? { onHand } : {}),
            ...(note?.trim() ? { note: note.trim() } : {}),
          };
          if (await onRecord(check)) form.resetFields(['receivedNotice', 'followedInstructions', 'onHand', 'note']);
        }}
      >
        <ConsigneeItem name="check-customer" consignees={consignees} />
        <Form.Item name="method" label={t('recall.effectiveness.methodLabel')}>
          <Radio.Group name="check-method" options={CHECK_METHODS.map((m) => ({ value: m, label: t(`recall.effectiveness.method.${m}`) }))} />
        </Form.Item>
        <Form.Item name="reached" valuePropName="checked">
          <Checkbox name="check-reached">{t('recall.effectiveness.reached')}</Checkbox>
        </Form.Item>
        <Form.Item name="receivedNotice" label={t('recall.effectiveness.receivedNotice')}>
          <Radio.Group name="check-received" disabled={!reached} options={answers} />
        </Form.Item>
        <Form.Item name="followedInstructions" label={t('recall.effectiveness.followedInstructions')}>
          <Radio.Group name="check-followed" disabled={!reached} options={answers} />
        </Form.Item>
        <Form.Item name="onHand" label={t('recall.effectiveness.onHand')} rules={[{ type: 'number', min: 0, message: t('recall.disposition.badQty') }]}>
          <InputNumber name="check-on-hand" min={0} disabled={!reached} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('recall.effectiveness.note')} rules={[{ max: 2000 }]}>
          <Input name="check-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="effectiveness-check-submit">
          {t('recall.effectiveness.recordCheck')}
        </Button>
      </Form>
    </Card>
  );
}
