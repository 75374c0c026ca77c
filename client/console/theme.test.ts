import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { consoleTheme } from './theme';

/** WCAG 2.1 contrast ratio of two opaque #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('console theme', () => {
  const token = theme.getDesignToken(consoleTheme);

  it('keeps links and primary buttons at AA contrast on white', () => {
    expect(contrast(token.colorLink, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(token.colorLinkHover, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#ffffff', token.colorPrimary)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(token.colorError, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  // A case number is a link in a row the user selected; the pointer resting on that row must not
  // make it unreadable (Ant's default hover blue gives 4.1).
  it('keeps a link readable in a selected table row, hovered or not', () => {
    for (const background of [token.controlItemBgActive, token.controlItemBgActiveHover]) {
      expect(contrast(token.colorLink, background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(token.colorLinkHover, background)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
