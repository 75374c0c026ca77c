import i18n from 'i18next';

/** An item's name in the language the UI speaks: the Chinese name on Chinese screens where the master data has one. */
export function localName(name: string, nameZh: string | null | undefined): string {
  return i18n.resolvedLanguage !== 'en' && nameZh ? nameZh : name;
}
