import ipaddr from 'ipaddr.js';
import type { AllowedNetwork } from './allowed-networks';

// Which addresses the console may call out to on an administrator's say-so (webhooks): public unicast addresses,
// and the networks the operator listed. Everything else — loopback, private, link-local, unique-local, unspecified,
// multicast, broadcast, carrier-grade NAT, NAT64 and the other special ranges — is refused, because a URL typed
// into the console must not reach the server itself, its cloud metadata service or the intranet behind it.

export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

// ::/96 "IPv4-compatible" addresses are deprecated and ipaddr.js calls them unicast; they embed an IPv4 address.
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

export function checkAddress(address: string, allowed: readonly AllowedNetwork[]): AddressVerdict {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() turns ::ffff:127.0.0.1 into 127.0.0.1, so a mapped address is judged as the IPv4 it reaches.
    parsed = ipaddr.process(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return { allowed: false, range: 'invalid' };
  }
  if (allowed.some((network) => network.range[0].kind() === parsed.kind() && parsed.match(network.range)))
    return { allowed: true };
  const named = parsed.range();
  const range =
    named === 'unicast' && parsed.kind() === 'ipv6' && parsed.match(IPV4_COMPATIBLE) ? 'ipv4Compatible' : named;
  return range === 'unicast' ? { allowed: true } : { allowed: false, range };
}
