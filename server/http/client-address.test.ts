import { describe, expect, it } from 'vitest';
import { callerAddress, isTrustedProxy, proxyEntryProblem } from './client-address';

const proxies = ['10.0.0.5', '192.168.10.0/24', '::1'];

describe('callerAddress', () => {
  it.each([
    ['a direct caller is itself, whatever it claims', '203.0.113.9', '1.2.3.4', '203.0.113.9'],
    ['a trusted proxy names the caller it saw', '10.0.0.5', '198.51.100.7', '198.51.100.7'],
    ['a forged entry left of the real one is ignored', '10.0.0.5', '1.2.3.4, 198.51.100.7', '198.51.100.7'],
    ['trusted hops are walked through', '10.0.0.5', '198.51.100.7, 192.168.10.20', '198.51.100.7'],
    ['an IPv4-mapped peer is read as IPv4', '::ffff:10.0.0.5', '198.51.100.7', '198.51.100.7'],
    ['garbage from the chain stops at the hop that added it', '10.0.0.5', 'not-an-ip', '10.0.0.5'],
    ['a proxy without the header is the caller', '10.0.0.5', undefined, '10.0.0.5'],
    ['IPv6 loopback proxy', '::1', '2001:db8::7', '2001:db8::7'],
  ])('%s', (_, peer, forwarded, expected) => {
    expect(callerAddress(peer, forwarded, proxies)).toBe(expected);
  });

  it('believes no header when no proxy is trusted', () => {
    expect(callerAddress('127.0.0.1', '198.51.100.7', [])).toBe('127.0.0.1');
  });

  it('answers unknown without a socket address', () => {
    expect(callerAddress(undefined, '198.51.100.7', proxies)).toBe('unknown');
  });

  it('matches networks', () => {
    expect(isTrustedProxy('192.168.10.200', proxies)).toBe(true);
    expect(isTrustedProxy('192.168.11.1', proxies)).toBe(false);
  });
});

describe('proxyEntryProblem', () => {
  it.each(['10.0.0.5', '10.0.0.0/8', '::1', 'fd00::/8'])('accepts %s', (entry) => expect(proxyEntryProblem(entry)).toBeUndefined());
  it.each(['proxy.local', '10.0.0.0/33', '10.0.0.0/x', '1.2.3.4/8/9', ''])('refuses %j', (entry) => expect(proxyEntryProblem(entry)).toBeDefined());
});
