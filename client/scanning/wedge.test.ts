import { describe, expect, it } from 'vitest';
import { GS, WedgeReader } from './wedge';

function type(reader: WedgeReader, text: string, start: number, gap: number, end = 'Enter'): string | null {
  let result: string | null = null;
  [...text].forEach((ch, i) => (result = reader.key(ch === GS ? 'GroupSeparator' : ch, start + i * gap) ?? result));
  return reader.key(end, start + text.length * gap) ?? result;
}

describe('WedgeReader', () => {
  it('reads a fast burst ending in Enter as one scan, GS kept', () => {
    expect(type(new WedgeReader(), `0109506000134352${GS}10ABC`, 1000, 3)).toBe(`0109506000134352${GS}10ABC`);
  });
  it('accepts Tab as the end of a scan', () => {
    expect(type(new WedgeReader(), 'A-01-02', 1000, 3, 'Tab')).toBe('A-01-02');
  });
  it('ignores a person typing', () => {
    expect(type(new WedgeReader(), '1234', 1000, 180)).toBeNull();
  });
  it('turns Ctrl+] and a configured substitute into GS', () => {
    const reader = new WedgeReader({ maxGapMs: 35, minLength: 4, fnc1Substitute: '~' });
    reader.key('1', 0);
    reader.key('0', 2);
    reader.key(']', 4, true);
    reader.key('~', 6);
    reader.key('2', 8);
    expect(reader.key('Enter', 10)).toBe(`10${GS}${GS}2`);
  });
});
