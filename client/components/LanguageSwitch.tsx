import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lng) => (
        <button key={lng} type="button" className={lng === active ? 'active' : ''} aria-pressed={lng === active} lang={lng} onClick={() => void i18n.changeLanguage(lng)}>
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
