import { describe, expect, it } from 'vitest';
import { AddressPolicy, isValidAllowListEntry } from './address-policy.js';

describe('AddressPolicy', () => {
  const strict = new AddressPolicy([]);

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback /8'],
    ['10.0.0.1', 'private 10/8'],
    ['172.16.5.4', 'private 172.16/12'],
    ['172.31.255.255', 'private 172.16/12 (top)'],
    ['192.168.1.1', 'private 192.168/16'],
    ['169.254.169.254', 'cloud metadata (link-local)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fe80::1', 'IPv6 link-local'],
    ['fd00::1', 'IPv6 unique local'],
    ['fd00:ec2::254', 'AWS IPv6 metadata'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['2002:a00:1::', '6to4 embedding 10.0.0.1'],
    ['64:ff9b::a00:1', 'NAT64 embedding 10.0.0.1'],
    ['ff02::1', 'IPv6 multicast'],
    ['not-an-ip', 'not an address'],
  ])('refuses %s (%s)', (address) => {
    expect(strict.allowsAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '1.1.1.1', '2606:4700:4700::1111', '::ffff:1.1.1.1'])(
    'allows the public address %s',
    (address) => {
      expect(strict.allowsAddress(address)).toBe(true);
    },
  );

  it('lets the allow-list name hosts, addresses and ranges', () => {
    const policy = new AddressPolicy(['127.0.0.2', '10.1.0.0/16', 'hooks.internal', '[::1]']);
    expect(policy.allowsAddress('127.0.0.2')).toBe(true);
    expect(policy.allowsAddress('::ffff:127.0.0.2')).toBe(true);
    expect(policy.allowsAddress('127.0.0.1')).toBe(false);
    expect(policy.allowsAddress('10.1.200.3')).toBe(true);
    expect(policy.allowsAddress('10.2.0.1')).toBe(false);
    expect(policy.allowsAddress('::1')).toBe(true);
    expect(policy.allowsAddress('10.9.9.9', 'hooks.internal')).toBe(true);
    expect(policy.allowsAddress('10.9.9.9', 'other.internal')).toBe(false);
  });

  it('validates allow-list entries', () => {
    for (const ok of ['localhost', 'hooks.internal', '10.0.0.0/8', '::1', 'fd00::/8', '127.0.0.1'])
      expect(isValidAllowListEntry(ok), ok).toBe(true);
    for (const bad of ['http://x', 'a b', '10.0.0.0/99', '*.internal', ''])
      expect(isValidAllowListEntry(bad), bad).toBe(false);
  });
});
