import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_BAND_DAY, MAX_BANDS } from '../../../../domain/dashboard/bands';

/** A site's bands of days (expiry buckets or ageing bands) as rows of from/to; an empty "to" is open-ended. */
export function BandList({ name, title, disabled }: { name: 'expiryBands' | 'ageingBands'; title: string; disabled: boolean }) {
  const { t } = useTranslation();
  const day = { type: 'integer' as const, min: 0, max: MAX_BAND_DAY, message: t('dashboard.settings.wholeDays', { max: MAX_BAND_DAY }) };
  return (
    <fieldset className="dashboard-bands" data-testid={`bands-${name}`}>
      <legend>
        <Typography.Text strong>{title}</Typography.Text>
      </legend>
      <Form.List name={name}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <div key={field.key} className="dashboard-band">
                <Typography.Text className="dashboard-band-name">{t('dashboard.settings.band', { band: index + 1 })}</Typography.Text>
                <Form.Item name={[field.name, 'from']} rules={[{ required: true, message: t('consoleForm.required') }, day]}>
                  <InputNumber aria-label={t('dashboard.settings.from', { band: index + 1 })} disabled={disabled} min={0} precision={0} style={{ width: 100 }} />
                </Form.Item>
                <span aria-hidden="true">–</span>
                <Form.Item name={[field.name, 'to']} rules={[day]}>
                  <InputNumber aria-label={t('dashboard.settings.to', { band: index + 1 })} disabled={disabled} min={0} precision={0} placeholder={t('dashboard.settings.open')} style={{ width: 100 }} />
                </Form.Item>
                {!disabled && fields.length > 1 && (
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('dashboard.settings.removeBand', { band: index + 1 })} onClick={() => remove(field.name)} />
                )}
              </div>
            ))}
            {!disabled && fields.length < MAX_BANDS && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ from: null, to: null })}>
                {t('dashboard.settings.addBand')}
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
