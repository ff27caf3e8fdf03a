// Why a guarded socket did not connect: the address it would have reached is not allowed (lib/net/check-address.ts).

/** Thrown through the socket when an address is not allowed; `range` names the kind (loopback, private, …). */
export class AddressRefusedError extends Error {
  readonly code = 'ADDRESS_REFUSED';
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${hostname} resolves to a ${range} address, which is not allowed`);
  }
}
