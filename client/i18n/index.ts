import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// <html lang> follows the language the UI speaks (screen readers, fonts, hyphenation). The first
// change fires inside init, so the listener goes on before it.
i18n.on('languageChanged', () => {
  document.documentElement.lang = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
});

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    supportedLngs: [...LANGUAGES],
    // Any Chinese browser gets zh-CN; everything else English.
    fallbackLng: (code) => (code?.toLowerCase().startsWith('zh') ? ['zh-CN'] : ['en']),
    nonExplicitSupportedLngs: false,
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: 'lotline.language', caches: ['localStorage'] },
  });


export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
