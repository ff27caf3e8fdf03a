import ipaddr from 'ipaddr.js';
import { parseAllowedNetworks } from '@/lib/net/allowed-networks';

// Whether a connecting address lies in one of a relay client's networks (CIDRs, IPv4 and IPv6; an IPv4-mapped IPv6
// address is compared as the IPv4 address it maps). Universal.

export function addressInNetworks(address: string, cidrs: readonly string[]): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return false;
  }
  const networks = parseAllowedNetworks(cidrs.join(','));
  if (!networks.ok) return false;
  return networks.networks.some((n) => n.range[0].kind() === parsed.kind() && parsed.match(n.range));
}
