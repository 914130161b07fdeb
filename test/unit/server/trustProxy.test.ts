import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../../../src/server/trustProxy';

describe('TRUST_PROXY', () => {
  it('is off when unset, empty or 0', () => {
    for (const value of [undefined, '', ' ', '0', 'false']) expect(parseTrustProxy(value)).toBe(false);
  });

  it('takes a hop count', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy(' 2 ')).toBe(2);
  });

  it('takes a list of addresses and CIDR ranges', () => {
    expect(parseTrustProxy('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(parseTrustProxy('10.0.0.0/8, ::1 ,fd00::/8,loopback')).toEqual(['10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
  });

  it.each(['true', 'TRUE', '*', 'all'])('refuses "trust all" (%s) with a message that says what to write', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/TRUST_PROXY=1.*TRUST_PROXY=127\.0\.0\.1/);
  });

  it.each(['0.0.0.0/0', '::/0', 'proxy.example', '10.0.0.1/33', '10.0.0.1/8/2', '1.2.3', '-1', '99'])('refuses %s', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/TRUST_PROXY/);
  });
});
