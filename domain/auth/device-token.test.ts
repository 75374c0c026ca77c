import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newToken } from '../../server/auth/tokens';
import { deviceTokenIn } from './device-token';

describe('deviceTokenIn', () => {
  it('finds every token the server issues, typed or behind a symbology identifier', () => {
    for (let i = 0; i < 200; i++) {
      const token = newToken('dev');
      expect(deviceTokenIn(token)).toBe(token);
      expect(deviceTokenIn(`]Q1${token}`)).toBe(token);
      expect(deviceTokenIn(`  ${token}\n`)).toBe(token);
    }
  });

  it('refuses what is not a whole device token', () => {
    const body = randomBytes(32).toString('base64url');
    expect(deviceTokenIn(`ses_${body}`)).toBeNull();
    expect(deviceTokenIn(`dev_${body.slice(0, 30)}`)).toBeNull();
    expect(deviceTokenIn(`dev_${body}x`)).toBeNull();
    expect(deviceTokenIn(']d20106901234000016')).toBeNull();
    expect(deviceTokenIn('')).toBeNull();
  });
});
