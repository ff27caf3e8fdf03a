'use server';
import { revalidatePath } from 'next/cache';
import { adminAction } from '@/lib/actions/define-action';
import { apiKeyIdSchema, createApiKeySchema } from '@/lib/api-keys/api-key-schemas';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';

const PAGE = '/settings/api-keys';

// POST (form) - create an API key; the key is in the answer once and never again
export const createApiKeyAction = adminAction(
  createApiKeySchema,
  { action: 'api-key.create', target: 'api-key' },
  async ({ name }, ctx) => {
    const created = await createApiKey(name, { id: ctx.admin.id, email: ctx.admin.email });
    ctx.audit.target = created.id;
    ctx.audit.summary = `API key “${name}” (${created.prefix}…) created`;
    revalidatePath(PAGE);
    return {
      status: 'success',
      message: `API key “${name}” created. Copy it now: it is not shown again.`,
      values: { apiKey: created.key, name },
    };
  },
);

// POST (form) - revoke an API key: requests with it are refused at once
export const revokeApiKeyAction = adminAction(
  apiKeyIdSchema,
  { action: 'api-key.revoke', target: 'api-key' },
  async ({ id }, ctx) => {
    ctx.audit.target = id;
    const revoked = await revokeApiKey(id);
    if (!revoked) return { status: 'error', message: 'This API key no longer exists.' };
    ctx.audit.summary = `API key “${revoked.name}” (${revoked.prefix}…) revoked`;
    revalidatePath(PAGE);
    return { status: 'success', message: `API key “${revoked.name}” revoked.` };
  },
);
