import { describe, expect, it } from 'vitest';
import { parseAllowedNetworks } from './allowed-networks';
import { checkAddress } from './check-address';

function networks(text: string) {
  const parsed = parseAllowedNetworks(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.networks;
}

// The addresses an attacker types into a webhook URL to reach the server itself, its cloud's metadata service or
// the intranet, in the spellings that slip past a naive check (the URL parser has already turned 2130706433 and
// 0x7f.1 into 127.0.0.1 by the time an address is judged).
const REFUSED: [string, string][] = [
  ['127.0.0.1', 'loopback'],
  ['127.1.2.3', 'loopback'],
  ['0.0.0.0', 'unspecified'],
  ['10.0.0.1', 'private'],
  ['172.16.5.4', 'private'],
  ['192.168.1.1', 'private'],
  ['169.254.169.254', 'linkLocal'],
  ['100.64.0.1', 'carrierGradeNat'],
  ['224.0.0.1', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['fe80::1', 'linkLocal'],
  ['fe80::1%eth0', 'linkLocal'],
  ['fc00::1', 'uniqueLocal'],
  ['fd12:3456::1', 'uniqueLocal'],
  ['ff02::1', 'multicast'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:169.254.169.254', 'linkLocal'],
  ['::ffff:10.1.2.3', 'private'],
  ['64:ff9b::7f00:1', 'rfc6052'],
  ['::7f00:1', 'ipv4Compatible'],
  ['[::1]', 'loopback'],
];

describe('checkAddress', () => {
  it.each(REFUSED)('refuses %s (%s) by default', (address, range) => {
    expect(checkAddress(address, [])).toEqual({ allowed: false, range });
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(checkAddress(address, [])).toEqual({ allowed: true });
    },
  );

  it('allows only the networks the operator listed, in any spelling of their addresses', () => {
    const allowed = networks('127.0.0.0/8, 10.20.0.0/16,fd00:1::/32');
    expect(checkAddress('127.0.0.1', allowed).allowed).toBe(true);
    expect(checkAddress('::ffff:127.0.0.1', allowed).allowed).toBe(true);
    expect(checkAddress('10.20.3.4', allowed).allowed).toBe(true);
    expect(checkAddress('fd00:1::5', allowed).allowed).toBe(true);
    expect(checkAddress('10.21.0.1', allowed).allowed).toBe(false);
    expect(checkAddress('::1', allowed).allowed).toBe(false);
    expect(checkAddress('169.254.169.254', allowed).allowed).toBe(false);
  });
});

describe('parseAllowedNetworks', () => {
  it('reads comma-separated CIDRs and bare addresses', () => {
    expect(networks('').length).toBe(0);
    expect(networks(' 10.0.0.0/8 ,, 192.168.10.5 , ::ffff:192.168.0.0/112').map((n) => n.cidr)).toEqual([
      '10.0.0.0/8',
      '192.168.10.5',
      '::ffff:192.168.0.0/112',
    ]);
    expect(checkAddress('192.168.3.3', networks('::ffff:192.168.0.0/112')).allowed).toBe(true);
    expect(checkAddress('192.168.10.6', networks('192.168.10.5')).allowed).toBe(false);
  });

  it.each(['banana', '10.0.0.0/33', '10/8', '300.1.1.1/32', 'fd00::/129', '10.0.0.0/8;127.0.0.1'])(
    'refuses %s with a message naming it',
    (value) => {
      const parsed = parseAllowedNetworks(value);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.error).toContain('is not a network');
    },
  );
});
