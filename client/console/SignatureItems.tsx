import { Alert, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SignatureMeaning } from '../../domain/lots';

/**
 * The part every electronic signature asks for, in the same order everywhere (21 CFR 11.50: the
 * reason, the meaning, and the signer's password again), ending with the button that signs. Fields
 * of the surrounding antd Form: `reason`, `meaning`, `password`.
 */
export function SignatureItems({ meanings, reasonName = 'signReason', signer, submitLabel, busy }: { meanings: readonly SignatureMeaning[]; reasonName?: string; signer: string; submitLabel: string; busy: boolean }) {
  const { t } = useTranslation();
  const required = { required: true, whitespace: true, message: t('consoleForm.required') };
  return (
    <>
      <Form.Item name="reason" label={t('qc.reason')} rules={[required, { max: 2000 }]}>
        <Input.TextArea name={reasonName} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="meaning" label={t('qc.meaning')} rules={[{ required: true, message: t('consoleForm.required') }]}>
        <Select options={meanings.map((m) => ({ value: m, label: t(`lots.meaning.${m}`) }))} />
      </Form.Item>
      <Form.Item name="password" label={t('qc.password')} rules={[{ required: true, message: t('consoleForm.required') }]}>
        <Input.Password name="password" autoComplete="current-password" />
      </Form.Item>
      <Alert type="info" title={t('qc.signNotice', { name: signer })} className="console-alert" />
      <Button type="primary" htmlType="submit" loading={busy}>
        {submitLabel}
      </Button>
    </>
  );
}
