// The default branch of an exhaustive switch: a kind added to a union and forgotten in the switch is a compile error
// here ("not assignable to never"), and a value that got past the types anyway fails loudly. Universal.
export function assertNever(value: never): never {
  throw new Error(`Unexpected kind: ${JSON.stringify(value)}`);
}
