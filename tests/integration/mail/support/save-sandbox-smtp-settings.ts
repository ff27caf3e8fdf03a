import type { Sandbox } from '../../../../sandbox/start-sandbox';
import { saveSettings } from './save-settings';

/**
 * Saves the Emails settings as the sandbox's Exchange SMTP with OAuth (XOAUTH2), signed in and sending as `mailbox`:
 * the setup that Test's handshake and the outbox's SMTP sends go through. The sandbox is a Custom cloud, so its SMTP
 * host is confirmed.
 */
export async function saveSandboxSmtpSettings(
  sandbox: Pick<Sandbox, 'info'>,
  connectionId: string,
  mailbox: string,
): Promise<void> {
  await saveSettings({
    connectionType: 'smtp',
    smtpServer: `127.0.0.1:${sandbox.info.smtp.port}`,
    useSsl: 'on',
    confirmSmtpHost: '127.0.0.1',
    smtpAuth: 'oauth',
    mailboxAddress: mailbox,
    connectionId,
    senderAddress: mailbox,
  });
}
