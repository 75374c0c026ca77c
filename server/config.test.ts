import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('sign-in settings from the environment', () => {
  it('defaults to 5 free failures, a 300 s cap, a lock after 3 failed signatures, and no proxy believed', () => {
    const config = loadConfig({});
    expect(config.loginLimit).toMatchObject({ freeFailures: 5, maxDelaySeconds: 300, signatureLockAfter: 3 });
    expect(config).toMatchObject({ trustProxy: false, trustedProxies: undefined });
  });

  it('reads the limits and a list of trusted proxies, which implies believing them', () => {
    const config = loadConfig({ LOTLINE_SIGNATURE_ATTEMPTS: '2', LOTLINE_LOGIN_FREE_FAILURES: '3', LOTLINE_TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,::1' });
    expect(config.loginLimit).toMatchObject({ freeFailures: 3, signatureLockAfter: 2 });
    expect(config).toMatchObject({ trustProxy: true, trustedProxies: ['10.0.0.5', '10.1.0.0/16', '::1'] });
  });

  it.each([
    [{ LOTLINE_TRUSTED_PROXIES: 'proxy.plant.local' }, /LOTLINE_TRUSTED_PROXIES: 'proxy.plant.local' is not an IP address/],
    [{ LOTLINE_SIGNATURE_ATTEMPTS: '0' }, /LOTLINE_SIGNATURE_ATTEMPTS/],
  ])('refuses %j with the variable named', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('the public address recall letters print', () => {
  it('is read without a trailing slash, and absent unless set', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ LOTLINE_PUBLIC_URL: 'https://lotline.plant.example/' }).publicUrl).toBe('https://lotline.plant.example');
  });

  it.each(['lotline.plant.example', 'ftp://plant.example', 'https://plant.example/?x=1'])('refuses %s with the variable named', (url) => {
    expect(() => loadConfig({ LOTLINE_PUBLIC_URL: url })).toThrow(/LOTLINE_PUBLIC_URL: must be an http:\/\/ or https:\/\/ address/);
  });
});

describe('NATS JetStream for domain events', () => {
  it('is off unless LOTLINE_NATS_URL is set; the stream is LOTLINE by default', () => {
    expect(loadConfig({}).nats).toBeUndefined();
    expect(loadConfig({}).webhookAttempts).toBe(12);
    expect(loadConfig({ LOTLINE_WEBHOOK_ATTEMPTS: '3' }).webhookAttempts).toBe(3);
    expect(loadConfig({ LOTLINE_NATS_URL: 'nats://127.0.0.1:4222' }).nats).toEqual({ servers: ['nats://127.0.0.1:4222'], stream: 'LOTLINE', subjectPrefix: 'lotline' });
    expect(loadConfig({ LOTLINE_NATS_URL: 'nats://a:4222,tls://b:4222', LOTLINE_NATS_STREAM: 'PLANT_SZ', LOTLINE_NATS_SUBJECT_PREFIX: 'plant-sz' }).nats).toEqual({
      servers: ['nats://a:4222', 'tls://b:4222'],
      stream: 'PLANT_SZ',
      subjectPrefix: 'plant-sz',
    });
  });

  it('does not reuse an SSCC within 12 months unless told a longer time', () => {
    expect(loadConfig({}).ssccReuseMonths).toBe(12);
    expect(loadConfig({ LOTLINE_SSCC_REUSE_MONTHS: '24' }).ssccReuseMonths).toBe(24);
  });

  it('keeps delivered events 90 days and idempotent answers 24 hours unless told otherwise', () => {
    expect(loadConfig({}).retention).toEqual({ eventDays: 90, idempotencyHours: 24 });
    expect(loadConfig({ LOTLINE_EVENT_RETENTION_DAYS: '7', LOTLINE_IDEMPOTENCY_RETENTION_HOURS: '48' }).retention).toEqual({ eventDays: 7, idempotencyHours: 48 });
  });

  it.each([
    [{ LOTLINE_NATS_URL: '127.0.0.1:4222' }, /LOTLINE_NATS_URL: must be one or more nats:\/\//],
    [{ LOTLINE_NATS_URL: 'http://127.0.0.1:4222' }, /LOTLINE_NATS_URL/],
    [{ LOTLINE_NATS_URL: 'nats://a:4222', LOTLINE_NATS_STREAM: 'lot.line' }, /LOTLINE_NATS_STREAM/],
    [{ LOTLINE_WEBHOOK_ATTEMPTS: '0' }, /LOTLINE_WEBHOOK_ATTEMPTS/],
    [{ LOTLINE_NATS_URL: 'nats://a:4222', LOTLINE_NATS_SUBJECT_PREFIX: 'lotline.a' }, /LOTLINE_NATS_SUBJECT_PREFIX/],
    [{ LOTLINE_NATS_URL: 'nats://a:4222', LOTLINE_NATS_SUBJECT_PREFIX: 'ｌｏｔ' }, /LOTLINE_NATS_SUBJECT_PREFIX/],
    [{ LOTLINE_EVENT_RETENTION_DAYS: '0' }, /LOTLINE_EVENT_RETENTION_DAYS/],
    [{ LOTLINE_EVENT_RETENTION_DAYS: '1.5' }, /LOTLINE_EVENT_RETENTION_DAYS/],
    [{ LOTLINE_IDEMPOTENCY_RETENTION_HOURS: '0' }, /LOTLINE_IDEMPOTENCY_RETENTION_HOURS/],
    [{ LOTLINE_IDEMPOTENCY_RETENTION_HOURS: 'a day' }, /LOTLINE_IDEMPOTENCY_RETENTION_HOURS/],
    [{ LOTLINE_SSCC_REUSE_MONTHS: '6' }, /LOTLINE_SSCC_REUSE_MONTHS: must be at least 12/],
  ])('refuses %j with the variable named', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
