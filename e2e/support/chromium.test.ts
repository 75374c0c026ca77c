import { describe, expect, it } from 'vitest';
import { findChromium } from './chromium';

describe('findChromium', () => {
  it('fails with a one-line install hint when CHROMIUM_PATH points nowhere', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(/^Chromium not found at CHROMIUM_PATH=\/nonexistent\/chromium: set CHROMIUM_PATH or install it \(apt-get install chromium\)$/);
  });
});
