import type { ThemeConfig } from 'antd';

/**
 * Ant Design's defaults, darkened where they fall below WCAG AA contrast on white: the primary
 * blue behind white text and of links (hovered or focused too), the red of field errors and
 * danger buttons, the grey of secondary text, empty states and placeholders, and the blue of a
 * selected table row under the pointer, where a link in it must stay readable (coloured tags:
 * console.css).
 */
export const consoleTheme = {
  token: {
    colorPrimary: '#0958d9',
    colorError: '#cf1322',
    colorLink: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorLinkHover: '#003eb3',
    controlItemBgActiveHover: '#d4e8ff',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  },
} satisfies ThemeConfig;
