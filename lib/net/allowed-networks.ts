import ipaddr from 'ipaddr.js';

// The operator's allow-list for outbound calls to non-public addresses (SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS):
// comma-separated CIDRs, parsed once by lib/env.ts. Universal: no Node APIs.

export interface AllowedNetwork {
  /** As the operator wrote it, for messages. */
  cidr: string;
  range: [ipaddr.IPv4 | ipaddr.IPv6, number];
}

export type ParsedNetworks = { ok: true; networks: AllowedNetwork[] } | { ok: false; error: string };

export function parseAllowedNetworks(text: string | undefined): ParsedNetworks {
  const networks: AllowedNetwork[] = [];
  for (const part of (text ?? '').split(',')) {
    const cidr = part.trim();
    if (!cidr) continue;
    // A bare address is one host: 10.0.0.5 means 10.0.0.5/32 (IPv6: /128).
    const withBits = cidr.includes('/')
      ? cidr
      : `${cidr}/${ipaddr.IPv6.isValid(cidr) && !ipaddr.IPv4.isValid(cidr) ? 128 : 32}`;
    // isValidCIDR also accepts IPv4 shorthands such as "10/8" in some versions: insist on four-part IPv4.
    const [address] = withBits.split('/');
    const plausible =
      ipaddr.IPv4.isValidFourPartDecimal(address ?? '') ||
      (ipaddr.IPv6.isValid(address ?? '') && (address ?? '').includes(':'));
    if (!plausible || !ipaddr.isValidCIDR(withBits)) {
      return {
        ok: false,
        error: `"${cidr}" is not a network: write CIDRs such as 10.20.0.0/16 or fd00::/8, separated by commas`,
      };
    }
    const [network, bits] = ipaddr.parseCIDR(withBits);
    // An IPv4-mapped IPv6 network is the IPv4 network it maps (addresses are compared after the same unwrapping).
    const range: [ipaddr.IPv4 | ipaddr.IPv6, number] =
      network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96
        ? [(network as ipaddr.IPv6).toIPv4Address(), bits - 96]
        : [network, bits];
    networks.push({ cidr, range });
  }
  return { ok: true, networks };
}
