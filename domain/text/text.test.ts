import { describe, expect, it } from 'vitest';
import { escapeForTerminal, findIllFormedText, storableText, storableValue } from '.';

describe('text the database can store as it is', () => {
  it.each([
    ['plain', 'LOT-2411 批号 ü', null],
    ['a proper surrogate pair', 'box 📦', null],
    ['a lone high surrogate', 'adm\uD800in', 'lone_surrogate'],
    ['a lone low surrogate', '\uDC00', 'lone_surrogate'],
    ['a reversed pair', '\uDC00\uD800', 'lone_surrogate'],
    ['NUL', 'a\u0000b', 'nul'],
    ['ESC (stored, but escaped when printed)', '\u001b[2J', null],
  ])('%s', (_name, text, problem) => {
    expect(findIllFormedText(text)?.problem ?? null).toBe(problem);
  });

  it('names the path of the first bad string, keys included', () => {
    expect(findIllFormedText({ lines: [{ note: 'ok' }, { note: 'x\u0000' }] })).toEqual({ path: 'lines.1.note', problem: 'nul' });
    expect(findIllFormedText({ ['k\uD801']: 1 })).toEqual({ path: 'k\uD801', problem: 'lone_surrogate' });
    expect(findIllFormedText([1, true, null, { a: 'fine' }])).toBeNull();
  });

  it('makes text storable the way PostgreSQL would, and leaves good text alone', () => {
    expect(storableText('adm\uD800in')).toBe('adm\uFFFDin');
    expect(storableText('\uDC00\uD800')).toBe('\uFFFD\uFFFD');
    expect(storableText('a\u0000b')).toBe('ab');
    expect(storableText('box 📦')).toBe('box 📦');
    expect(storableValue({ ['k\uD801']: ['\u0000x', 2, null] })).toEqual({ ['k\uFFFD']: ['x', 2, null] });
    // What the pg driver sends for a lone surrogate is the UTF-8 of U+FFFD: the same bytes.
    expect(Buffer.from('adm\uD800in', 'utf8').equals(Buffer.from(storableText('adm\uD800in'), 'utf8'))).toBe(true);
  });

  it('escapes what would steer a terminal, and keeps readable text', () => {
    expect(escapeForTerminal('\u001b[2Jforged\nline\r')).toBe('\\u001b[2Jforged\\u000aline\\u000d');
    expect(escapeForTerminal('tab\there 批号 📦')).toBe('tab\there 批号 📦');
    expect(escapeForTerminal('\u202eevil\uD800')).toBe('\\u202eevil\\ud800');
    expect(escapeForTerminal('\u0085\u007f')).toBe('\\u0085\\u007f');
  });
});
