import 'server-only';
import { encryptSecret, secretHint } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';
import { checkRobotMailboxInput } from './check-robot-mailbox-input';
import type { SaveRobotMailboxResult } from './create-robot-mailbox';
import { ROBOT_NAME_TAKEN, type UpdateRobotMailboxInput } from './schemas';

const COMPARED = [
  'name',
  'connectionId',
  'mailboxAddress',
  'folder',
  'pollIntervalSeconds',
  'afterProcessing',
  'moveToFolder',
  'webhookUrl',
  'enabled',
] as const;

/**
 * Saves a robot mailbox's form; a blank webhook secret keeps the stored one. Another connection, address or folder
 * starts a new sync (the stored messages still count as seen, so none is handed on twice). Saving makes the mailbox
 * due at once. Returns the changed field names for the audit log.
 */
export async function updateRobotMailbox(
  input: UpdateRobotMailboxInput,
): Promise<SaveRobotMailboxResult & { changed?: string[] }> {
  const current = await db().robotMailbox.findUnique({ where: { id: input.id } });
  if (!current) return { ok: false, message: 'This robot mailbox no longer exists.' };
  const fieldErrors = await checkRobotMailboxInput(input, Boolean(current.webhookSecret), current.connectionId);
  if (fieldErrors) return { ok: false, fieldErrors };
  const next = { ...input, moveToFolder: input.afterProcessing === 'move' ? input.moveToFolder : '' };
  const changed: string[] = COMPARED.filter((field) => current[field] !== next[field]);
  if (input.webhookSecret) changed.push('webhookSecret');
  const resync =
    current.connectionId !== next.connectionId ||
    current.mailboxAddress !== next.mailboxAddress ||
    current.folder !== next.folder;
  const now = new Date();
  try {
    await db().robotMailbox.update({
      where: { id: input.id },
      data: {
        name: next.name,
        connectionId: next.connectionId,
        mailboxAddress: next.mailboxAddress,
        folder: next.folder,
        pollIntervalSeconds: next.pollIntervalSeconds,
        afterProcessing: next.afterProcessing,
        moveToFolder: next.moveToFolder,
        webhookUrl: next.webhookUrl,
        enabled: next.enabled,
        ...(input.webhookSecret
          ? {
              webhookSecret: encryptSecret(input.webhookSecret, 'RobotMailbox.webhookSecret'),
              webhookSecretHint: secretHint(input.webhookSecret) || null,
              webhookSecretSetAt: now,
            }
          : {}),
        ...(resync ? { folderId: null, cursor: null } : {}),
        nextPollAt: now,
        nextRunAt: now,
      },
    });
    return { ok: true, id: input.id, name: next.name, changed };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { name: ROBOT_NAME_TAKEN } };
    throw error;
  }
}
