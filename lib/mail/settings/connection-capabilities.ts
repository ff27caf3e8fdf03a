// What a connection can do for outbound mail, from its service's authentication type and scopes. Universal.
// Delegated connections are judged by the scopes Microsoft granted at sign-in (or, before any sign-in, by what the
// service asks for); application connections by their service's resource, since app roles are not in the row.

export interface MailCapabilities {
  /** SMTP AUTH XOAUTH2: a delegated SMTP.Send scope, or an application connection (SMTP.SendAsApp role). */
  smtp: boolean;
  /** Graph sendMail: a delegated Mail.Send(.Shared) scope, or an application connection to Graph. */
  graph: boolean;
}

const SMTP_SEND = /^https:\/\/outlook\.office(365)?\.com\/smtp\.send$/i;
const GRAPH_SEND = /^(https:\/\/graph\.microsoft\.com\/)?mail\.send(\.shared)?$/i;
const GRAPH_RESOURCE = /^https:\/\/graph\.microsoft\.com\//i;

export function connectionCapabilities(authType: string, scopes: readonly string[]): MailCapabilities {
  if (authType === 'application') return { smtp: true, graph: scopes.some((s) => GRAPH_RESOURCE.test(s)) };
  return { smtp: scopes.some((s) => SMTP_SEND.test(s)), graph: scopes.some((s) => GRAPH_SEND.test(s)) };
}
