import type { AddressObject } from 'mailparser';
import type { MailAddress } from './mail-address';

// mailparser's address fields (one header or several, groups included) as a flat list of addresses. Universal.

export function parsedAddresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list
    .flatMap((f) => f.value)
    .flatMap((a) => (a.group ? a.group : [a]))
    .filter((a): a is { address: string; name: string } => typeof a.address === 'string' && a.address !== '')
    .map((a) => ({ address: a.address, name: a.name ?? '' }));
}
