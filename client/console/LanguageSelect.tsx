import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, type Language } from '../i18n';

/** The UI language; Ant Design's locale and dayjs follow it (LocaleProvider). */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      size="small"
      value={currentLanguage()}
      options={LANGUAGES.map((lng) => ({ value: lng, label: <span lang={lng}>{t(`language.${lng}`)}</span> }))}
      onChange={(lng) => void i18n.changeLanguage(lng)}
    />
  );
}
