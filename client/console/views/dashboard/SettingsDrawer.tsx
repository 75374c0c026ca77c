import { Alert, Button, Drawer, Form, InputNumber, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_BAND_DAY } from '../../../../domain/dashboard/bands';
import type { SettingsProblem } from '../../../../domain/dashboard/settings';
import { ApiError } from '../../../api/client';
import { saveDashboardSettings, type SiteSettings } from '../../../api/dashboard';
import { BandList } from './BandList';
import { problemField, problemsOf, settingsOf, valuesOf, type SettingsValues } from './settings-form';

interface Props {
  open: boolean;
  site: SiteSettings;
  token: string;
  /** Only supervisors and administrators change where a site's buckets fall (the server checks again). */
  canEdit: boolean;
  onClose(): void;
  onSaved(): void;
}

/** A site's expiry buckets, ageing bands and limits; bands that overlap or leave gaps are refused by the server, each problem marked where it is. */
export function SettingsDrawer({ open, site, token, canEdit, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SettingsValues>();
  const [refusal, setRefusal] = useState<{ message: string; problems: SettingsProblem[]; conflict: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  // Keyed by content, not identity: the page reads the dashboard again after every stock change,
  // and that must not wipe what someone is typing.
  const saved = JSON.stringify(site.settings);
  useEffect(() => {
    if (open) form.setFieldsValue(valuesOf(JSON.parse(saved) as SiteSettings['settings']));
  }, [open, saved, form]);
  const close = () => {
    setRefusal(null);
    onClose();
  };
  const problemWords = (p: SettingsProblem) => t(`dashboard.problem.${p.code}`, { defaultValue: p.message });
  const problemText = (p: SettingsProblem) => `${t(`dashboard.settings.field.${p.field}`)}${p.index === undefined ? '' : ` ${p.index + 1}`}: ${problemWords(p)}`;
  const save = async (values: SettingsValues) => {
    setSaving(true);
    setRefusal(null);
    try {
      await saveDashboardSettings(token, site.site, site.version, settingsOf(values));
      onSaved();
      close();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const problems = problemsOf(e.details);
      // Beside the box it is about, the problem alone; the alert names the field too.
      form.setFields(problems.map((p) => ({ name: problemField(p), errors: [problemWords(p)] })));
      setRefusal({ message: e.message, problems, conflict: e.status === 409 });
      // Someone else saved meanwhile: show theirs, so the next save starts from it.
      if (e.status === 409) onSaved();
    } finally {
      setSaving(false);
    }
  };
  const days = (name: 'nearExpiryDays' | 'deadStockDays' | 'longHoldDays') => (
    <Form.Item name={name} label={t(`dashboard.settings.field.${name}`)} rules={[{ required: true, message: t('consoleForm.required') }, { type: 'integer', min: 1, max: MAX_BAND_DAY, message: t('dashboard.settings.dayRange', { max: MAX_BAND_DAY }) }]}>
      <InputNumber disabled={!canEdit} precision={0} style={{ width: 140 }} />
    </Form.Item>
  );
  return (
    <Drawer open={open} onClose={close} title={t('dashboard.settings.title', { site: site.site })} size="min(640px, 100vw)" rootClassName="console-dashboard-settings">
      {!canEdit && <Alert type="info" showIcon title={t('dashboard.settings.readOnly')} className="console-alert" />}
      <Form<SettingsValues> form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={!canEdit} data-testid="settings-form">
        <BandList name="expiryBands" title={t('dashboard.settings.field.expiryBands')} disabled={!canEdit} />
        <BandList name="ageingBands" title={t('dashboard.settings.field.ageingBands')} disabled={!canEdit} />
        <Space wrap size="large">
          {days('nearExpiryDays')}
          {days('deadStockDays')}
          {days('longHoldDays')}
        </Space>
        {refusal && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="settings-refused"
            className="console-alert"
            title={refusal.conflict ? t('dashboard.settings.conflict') : t('dashboard.settings.refused')}
            description={refusal.problems.length > 0 ? <ul className="dashboard-problems">{refusal.problems.map((p, i) => <li key={i}>{problemText(p)}</li>)}</ul> : refusal.message}
          />
        )}
        {canEdit && (
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
              {t('dashboard.settings.save')}
            </Button>
            <Button onClick={close}>{t('consoleForm.cancel')}</Button>
          </Space>
        )}
      </Form>
    </Drawer>
  );
}
