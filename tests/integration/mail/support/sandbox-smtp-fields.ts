import type { Sandbox } from '../../../../sandbox/start-sandbox';

/**
 * The Emails form's fields for the sandbox's Exchange SMTP with OAuth (XOAUTH2), signed in and sending as `mailbox`.
 * The sandbox is a Custom cloud, so its SMTP host is confirmed. For Done (saveSandboxSmtpSettings) and for Send test
 * email alike.
 */
export function sandboxSmtpFields(
  sandbox: Pick<Sandbox, 'info'>,
  connectionId: string,
  mailbox: string,
): Record<string, string> {
  return {
    connectionType: 'smtp',
    smtpServer: `127.0.0.1:${sandbox.info.smtp.port}`,
    useSsl: 'on',
    confirmSmtpHost: '127.0.0.1',
    smtpAuth: 'oauth',
    mailboxAddress: mailbox,
    connectionId,
    senderAddress: mailbox,
  };
}
