import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { ADELE, createSandboxConnection, signInConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { messageState } from './support/message-state';
import { saveSettings } from './support/save-settings';
import { uniqueRecipient } from './support/unique-recipient';
import { waitFor } from './support/wait-for';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// A connection whose sign-in Microsoft revoked keeps mail queued (not failed), says why, and sends it once someone
// has run Setup Authentication again.

describe('a connection that needs re-authentication (SQLite)', () => {
  const suite = sandboxSuite('sqlite');

  it('keeps messages queued with a clear last error, then sends them after Setup Authentication', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    // Access tokens that are already stale: the first send must refresh, which the revocation below makes fail.
    suite.sandbox.control.setAccessTokenLifetime(1);
    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    suite.sandbox.control.setAccessTokenLifetime(3600);
    await saveSettings({ connectionType: 'graph', connectionId, senderAddress: ADELE.username });
    suite.sandbox.control.revokeRefreshTokens(ADELE.username);

    const to = uniqueRecipient();
    const accepted = await enqueueMessage({
      source: 'api',
      from: { address: ADELE.username, name: '' },
      to: [{ address: to, name: '' }],
      subject: 'Held while signed out',
      text: 'x',
    });
    const worker = startOutboxWorker({ pollIntervalMs: 50, policy: { deferMs: 300 } });
    try {
      const held = await waitFor('the message to be held', async () => {
        const state = await messageState(accepted.id);
        return state.lastErrorCode === 'NEEDS_REAUTH' ? state : undefined;
      });
      expect(held).toMatchObject({
        state: 'queued',
        attempts: 0,
        lastError: expect.stringMatching(/AADSTS50173|re-authentication|Setup Authentication/),
      });
      expect(held.attemptLog).toHaveLength(0);
      expect((await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } })).state).toBe(
        'needs_reauth',
      );
      expect(suite.sandbox.control.readMailbox(to)).toHaveLength(0);

      expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
      const sent = await waitFor('the message to be sent', async () => {
        const state = await messageState(accepted.id);
        return state.state === 'sent' ? state : undefined;
      });
      expect(sent.attemptLog.map((a) => a.outcome)).toEqual(['sent']);
      expect(suite.sandbox.control.readMailbox(to)).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });
});
