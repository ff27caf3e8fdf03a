import 'server-only';
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { AllowedNetwork } from './allowed-networks';
import { AddressRefusedError } from './address-refused-error';
import { checkAddress } from './check-address';

// The `lookup` a guarded socket connects through: the host name is resolved here, every address it resolves to is
// checked, and the socket connects only to addresses this function handed out. Checking the resolved address at
// connect time (not the URL when it was saved) is what defeats DNS rebinding: a name that resolved to a public
// address yesterday and to 127.0.0.1 now is refused now.

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses. Tests inject their own; the default is the system resolver. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export function guardedLookup(allowed: readonly AllowedNetwork[], resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (all) => {
        // Refuse the name when any of its addresses is refused: the socket may try each in turn.
        for (const { address } of all) {
          const verdict = checkAddress(address, allowed);
          if (!verdict.allowed) return callback(new AddressRefusedError(hostname, address, verdict.range), '', 0);
        }
        const family =
          typeof options.family === 'number'
            ? options.family
            : options.family === 'IPv6'
              ? 6
              : options.family === 'IPv4'
                ? 4
                : 0;
        const usable = family ? all.filter((a) => a.family === family) : all;
        if (usable.length === 0) {
          const error = Object.assign(new Error(`${hostname} has no usable address`), { code: 'ENOTFOUND' });
          return callback(error, '', 0);
        }
        if (options.all) return (callback as unknown as (e: null, addresses: ResolvedAddress[]) => void)(null, usable);
        const [first] = usable as [ResolvedAddress];
        callback(null, first.address, first.family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };
}
