import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

function flatten(value: unknown, prefix = ''): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return { [prefix]: value };
  return Object.entries(value).reduce<Record<string, unknown>>((all, [key, v]) => ({ ...all, ...flatten(v, prefix ? `${prefix}.${key}` : key) }), {});
}

describe('locales', () => {
  const zh = flatten(zhCN);
  const english = flatten(en);

  it('have exactly the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(english).sort());
  });

  it.each([
    ['zh-CN', zh],
    ['en', english],
  ])('%s has no empty strings and keeps every placeholder of the other', (_name, messages) => {
    for (const [key, text] of Object.entries(messages)) {
      expect(typeof text, key).toBe('string');
      expect((text as string).trim(), key).not.toBe('');
      const placeholders = (s: unknown) => [...String(s).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
      expect(placeholders(text), key).toEqual(placeholders(zh[key]));
    }
  });
});
