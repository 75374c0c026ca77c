import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './sign';

const secret = 'whsec_test';
const body = '{"eventType":"lot.released"}';

describe('webhook signature', () => {
  it('is HMAC-SHA256 over "<t>.<body>" in hex, as the README tells receivers', () => {
    const header = signWebhook(secret, 1764590400, body);
    const expected = createHmac('sha256', secret).update(`1764590400.${body}`).digest('hex');
    expect(header).toBe(`t=1764590400,v1=${expected}`);
  });

  it.each([
    ['the same body and secret, in time', secret, body, 1764590400 + 60, true],
    ['another body', secret, `${body} `, 1764590400, false],
    ['another secret', 'whsec_other', body, 1764590400, false],
    ['too late', secret, body, 1764590400 + 301, false],
    ['from the future', secret, body, 1764590400 - 301, false],
  ])('%s: %s', (_, key, text, now, ok) => {
    expect(verifyWebhook(key, signWebhook(secret, 1764590400, body), text, now)).toBe(ok);
  });

  it('refuses a missing or malformed header', () => {
    expect(verifyWebhook(secret, undefined, body)).toBe(false);
    expect(verifyWebhook(secret, 'v1=abc', body)).toBe(false);
  });
});
