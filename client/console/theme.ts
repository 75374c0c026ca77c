import type { ThemeConfig } from 'antd';

/**
 * Ant Design's defaults, darkened where they fall below WCAG AA contrast on white: the primary
 * blue behind white text, the grey of secondary text, empty states and placeholders, and the red
 * of a form field's error (about 3:1 by default) (coloured tags: console.css).
 */
export const consoleTheme = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322',
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  },
} satisfies ThemeConfig;
