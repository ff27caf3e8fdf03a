import type { Sandbox } from '../../../../sandbox/start-sandbox';
import { sandboxSmtpFields } from './sandbox-smtp-fields';
import { saveSettings } from './save-settings';

/** Saves the Emails settings as the sandbox's Exchange SMTP with OAuth, signed in and sending as `mailbox`. */
export async function saveSandboxSmtpSettings(
  sandbox: Pick<Sandbox, 'info'>,
  connectionId: string,
  mailbox: string,
): Promise<void> {
  await saveSettings(sandboxSmtpFields(sandbox, connectionId, mailbox));
}
