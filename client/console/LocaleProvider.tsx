import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleTheme } from './theme';

/** Ant Design and dayjs speak the language i18next speaks, and switch with it. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  // dayjs keeps one global locale; it must be set before the date pickers below render.
  dayjs.locale(english ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={consoleTheme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
