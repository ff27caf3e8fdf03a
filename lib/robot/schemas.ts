import { z } from 'zod';
import {
  DEFAULT_FOLDER,
  DEFAULT_POLL_SECONDS,
  MAX_POLL_SECONDS,
  MIN_POLL_SECONDS,
  MIN_WEBHOOK_SECRET_LENGTH,
} from './robot-limits';
import { sameFolderPath } from './same-folder-path';

// Shared by the robot mailbox form (client), its actions and lib/robot (server). Universal.

export const ROBOT_NAME_TAKEN = 'A robot mailbox with this name already exists';
export const AFTER_PROCESSING = ['mark_read', 'move'] as const;
export type AfterProcessing = (typeof AFTER_PROCESSING)[number];

const trimmed = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim());

const folderText = trimmed.pipe(
  z
    .string()
    .max(255, 'Use at most 255 characters')
    .refine((v) => !/\/\s*\//.test(v), 'A folder path has a name between each “/”'),
);

const robotMailboxFields = {
  name: trimmed.pipe(z.string().min(1, 'Enter a name').max(200, 'Use at most 200 characters')),
  connectionId: trimmed.pipe(z.string().min(1, 'Choose a Service Connection')),
  mailboxAddress: trimmed
    .transform((v) => v.toLowerCase())
    .pipe(
      z.union([
        z.literal(''),
        z.email('Enter an email address, or leave it empty for the signed-in account’s own mailbox'),
      ]),
    ),
  folder: folderText.transform((v) => v || DEFAULT_FOLDER),
  pollIntervalSeconds: trimmed.pipe(
    z
      .string()
      .transform((v) => (v === '' ? DEFAULT_POLL_SECONDS : Number(v)))
      .pipe(
        z
          .number({ error: 'Enter a number of seconds' })
          .int('Enter whole seconds')
          .min(MIN_POLL_SECONDS, `Poll at most every ${MIN_POLL_SECONDS} seconds`)
          .max(MAX_POLL_SECONDS, 'Poll at least once a day'),
      ),
  ),
  afterProcessing: z.enum(AFTER_PROCESSING, { error: 'Choose what happens after processing' }),
  moveToFolder: folderText,
  webhookUrl: trimmed.pipe(
    z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'Enter an http:// or https:// URL' })]),
  ),
  /** Write-only: empty keeps the stored secret. */
  webhookSecret: trimmed.pipe(
    z.union([
      z.literal(''),
      z
        .string()
        .min(MIN_WEBHOOK_SECRET_LENGTH, `Use at least ${MIN_WEBHOOK_SECRET_LENGTH} characters, or Generate one`)
        .max(256, 'Use at most 256 characters'),
    ]),
  ),
  /** A checkbox: present ("on") when ticked. */
  enabled: z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === 'true'),
};

type Fields = { folder: string; afterProcessing: AfterProcessing; moveToFolder: string };

function moveNeedsFolder(value: Fields, ctx: z.RefinementCtx) {
  if (value.afterProcessing !== 'move') return;
  if (!value.moveToFolder)
    ctx.addIssue({ code: 'custom', path: ['moveToFolder'], message: 'Enter the folder to move processed mail to' });
  else if (sameFolderPath(value.moveToFolder, value.folder))
    ctx.addIssue({ code: 'custom', path: ['moveToFolder'], message: 'Choose a folder other than the watched one' });
}

const ALWAYS = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

export const createRobotMailboxSchema = z.object(robotMailboxFields).superRefine(moveNeedsFolder, ALWAYS);
export const updateRobotMailboxSchema = z
  .object({ id: z.string().min(1), ...robotMailboxFields })
  .superRefine(moveNeedsFolder, ALWAYS);
export const robotMailboxIdSchema = z.object({ id: z.string().min(1) });
export const robotMessageIdSchema = z.object({ id: z.string().min(1), messageId: z.string().min(1) });

export type CreateRobotMailboxInput = z.output<typeof createRobotMailboxSchema>;
export type UpdateRobotMailboxInput = z.output<typeof updateRobotMailboxSchema>;
