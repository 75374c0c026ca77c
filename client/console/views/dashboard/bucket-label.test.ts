import { describe, expect, it } from 'vitest';
import { bucketWords } from './bucket-label';

describe('bucket keys in words', () => {
  it.each([
    ['expired', { text: 'expired' }],
    ['none', { text: 'none' }],
    ['0-30', { text: 'upTo', to: 30 }],
    ['31-90', { text: 'range', from: 31, to: 90 }],
    ['181+', { text: 'over', days: 180 }],
    ['0+', { text: 'any' }],
    ['weird', { text: 'other', key: 'weird' }],
  ])('%s', (key, words) => {
    expect(bucketWords(key)).toEqual(words);
  });
});
