import { z } from 'zod';

// The Outbox list's multi-select: the checked message ids, sent as one comma-separated field. Universal.

export const OUTBOX_SELECTION_MAX = 200;

export const outboxSelectionSchema = z.object({
  ids: z
    .string({ error: 'Select at least one message' })
    .transform((raw) => [
      ...new Set(
        raw
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(
          z
            .string()
            .max(64)
            .regex(/^[a-z0-9]+$/i, 'Not a message id'),
        )
        .min(1, 'Select at least one message')
        .max(OUTBOX_SELECTION_MAX, `Select at most ${OUTBOX_SELECTION_MAX} messages at a time`),
    ),
});
