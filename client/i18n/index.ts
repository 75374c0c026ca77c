import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Each language's texts are a chunk of their own: a handheld loads the one it speaks, and the
 * other only when someone switches to it. The service worker precaches both, so a switch works
 * offline too.
 */
const TEXTS: Record<Language, () => Promise<{ default: ResourceKey }>> = {
  'zh-CN': () => import('./locales/zh-CN.json'),
  en: () => import('./locales/en.json'),
};

function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code);
}

const textsOnDemand: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init: () => undefined,
  read(language, _namespace, callback) {
    if (!isLanguage(language)) return callback(`no texts for language ${language}`, false);
    TEXTS[language]().then(
      (texts) => callback(null, texts.default),
      (error: unknown) => callback(error instanceof Error ? error : String(error), false),
    );
  },
};

// <html lang> follows the language the UI speaks (screen readers, fonts, hyphenation). The first
// change fires inside init, so the listener goes on before it.
i18n.on('languageChanged', () => {
  document.documentElement.lang = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
});

/** Resolves once the UI language's texts are loaded: render nothing before, or it shows keys. */
export const i18nReady: Promise<unknown> = i18n
  .use(textsOnDemand)
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
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
