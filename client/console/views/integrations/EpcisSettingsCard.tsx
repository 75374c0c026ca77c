import { Alert, Button, Card, Form, Input, InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readEpcisSettings, saveEpcisSettings, type EpcisSettings } from '../../../api/epcis';
import { optionalGln, optionalGlnRule } from './optional-gln';

type Fields = { companyPrefixLength: number; plantGln: string };

/**
 * How partners read the plant's EPCIS events: the GS1 Company Prefix length splits each GTIN into
 * its LGTIN class, and with the plant's GLN locations become SGLNs and the plant its PGLN.
 */
export function EpcisSettingsCard({ token, onError }: { token: string; onError(error: unknown): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const [saved, setSaved] = useState<EpcisSettings | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    readEpcisSettings(token)
      .then((s) => form.setFieldsValue({ companyPrefixLength: s.companyPrefixLength, plantGln: s.plantGln ?? '' }))
      .catch(onError);
  }, [token, form, onError]);

  return (
    <Card size="small" className="console-card" title={t('integrations.epcis.title')}>
      <Form<Fields>
        form={form}
        layout="vertical"
        className="console-form-grid"
        data-testid="epcis-settings"
        onValuesChange={() => setSaved(null)}
        onFinish={async (fields) => {
          setBusy(true);
          try {
            setSaved(await saveEpcisSettings(token, { companyPrefixLength: fields.companyPrefixLength, plantGln: optionalGln(fields.plantGln) }));
          } catch (e) {
            onError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="companyPrefixLength"
          label={t('integrations.epcis.prefixLength')}
          extra={t('integrations.epcis.prefixLengthHelp')}
          rules={[{ required: true, type: 'integer', min: 6, max: 12, message: t('integrations.epcis.prefixLengthRule') }]}
        >
          <InputNumber name="companyPrefixLength" min={6} max={12} precision={0} />
        </Form.Item>
        <Form.Item
          name="plantGln"
          label={t('integrations.epcis.plantGln')}
          extra={t('integrations.epcis.plantGlnHelp')}
          rules={[optionalGlnRule(t)]}
        >
          <Input name="plantGln" inputMode="numeric" autoComplete="off" maxLength={13} />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('integrations.epcis.save')}
          </Button>
        </Form.Item>
      </Form>
      {saved && <Alert type="success" role="status" showIcon title={t('integrations.epcis.saved')} data-testid="epcis-settings-saved" />}
    </Card>
  );
}
