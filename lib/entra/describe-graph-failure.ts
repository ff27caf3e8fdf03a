import type { GraphFailure } from './graph-failure';

/** One line for the console and the log: "403 ErrorAccessDenied: Access is denied…". Never holds a token. Universal. */
export function describeGraphFailure(failure: GraphFailure): string {
  const head = failure.status ? `${failure.status} ${failure.code}` : failure.code;
  return failure.message ? `${head}: ${failure.message}` : head;
}
