// What a feature reports when it uses a connection (lib/mail, lib/robot): lib/composition/connection-usages.ts
// asks every feature, so a connection in use is not deleted from under it. Universal.

export interface ConnectionUsage {
  /** The feature, e.g. "Email settings" or "E-mail Robot". */
  feature: string;
  /** What in that feature uses it, e.g. "Outbound mail" or a mailbox address. */
  name: string;
  href?: string;
}
