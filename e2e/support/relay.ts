import net from 'node:net';
import { expect, type Page } from '@playwright/test';
import { SERVERS } from './servers';

// Settings → SMTP relay as the specs drive it: relaying turned on, and the main console's relay listener answering.

/** Whether the main console's relay port greets as an SMTP server (every instance follows the switch in seconds). */
export const relayGreets = () =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(SERVERS.main.relayPort, '127.0.0.1');
    socket.once('data', (greeting) => (socket.destroy(), resolve(greeting.toString().startsWith('220'))));
    socket.once('error', () => resolve(false));
  });

/** On the SMTP relay page: turns relaying on unless another spec already did. */
export async function turnRelayingOn(page: Page): Promise<void> {
  const turnOn = page.getByRole('button', { name: 'Turn relaying on' });
  if (await turnOn.isVisible()) {
    await turnOn.click();
    await expect(page.getByText('Relaying is on.')).toBeVisible();
  }
}
