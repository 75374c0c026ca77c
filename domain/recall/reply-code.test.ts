import { describe, expect, it } from 'vitest';
import { REPLY_CODE_ALPHABET, normalizeReplyCode, replyCodeFromBytes } from './reply-code';

describe('recall reply codes', () => {
  it('carries 100 bits in five groups of four, without I, L, O or U', () => {
    const code = replyCodeFromBytes(new Uint8Array(32).fill(0xff));
    expect(code).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(replyCodeFromBytes(new Uint8Array(13))).toBe('0000-0000-0000-0000-0000');
    // 0x08 = 00001 000: the first group of five bits is 1, the next starts with the remaining 000.
    expect(replyCodeFromBytes(Uint8Array.from([0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).slice(0, 4)).toBe('1000');
    expect(REPLY_CODE_ALPHABET).not.toMatch(/[ILOU]/);
    expect(new Set(REPLY_CODE_ALPHABET).size).toBe(32);
  });

  it('refuses too little key material', () => {
    expect(() => replyCodeFromBytes(new Uint8Array(12))).toThrow(RangeError);
  });

  it('spreads distinct bytes over distinct codes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 256; i++) seen.add(replyCodeFromBytes(Uint8Array.from({ length: 13 }, (_, j) => (i * 7 + j * 31) & 255)));
    expect(seen.size).toBe(256);
  });

  it.each([
    ['as printed', '7K3M-9QXT-2HWN-4RBD-8FZA', '7K3M-9QXT-2HWN-4RBD-8FZA'],
    ['lower case, spaces, no dashes', ' 7k3m 9qxt2hwn4rbd8fza ', '7K3M-9QXT-2HWN-4RBD-8FZA'],
    ['O, I and L typed for 0 and 1', 'O1IL-0000-0000-0000-0000', '0111-0000-0000-0000-0000'],
    ['too short', '7K3M-9QXT-2HWN-4RBD', null],
    ['a U is never in a code', 'U000-0000-0000-0000-0000', null],
    ['full-width digits are not a code', '７K3M-9QXT-2HWN-4RBD-8FZA', null],
    ['NUL', '7K3M-9QXT-2HWN-4RBD-8FZ\u0000', null],
    ['a lone surrogate', '7K3M-9QXT-2HWN-4RBD-8FZ\uD800', null],
    ['a path', '../../etc/passwd', null],
  ])('reads a code typed %s', (_what, typed, expected) => {
    expect(normalizeReplyCode(typed)).toBe(expected);
  });
});
