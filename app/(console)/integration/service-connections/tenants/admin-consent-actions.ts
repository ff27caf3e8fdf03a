'use server';
import { z } from 'zod';
import { adminCallAction } from '@/lib/actions/admin-call-action';
import { getRedirectUri } from '@/lib/connections/get-redirect-uri';
import { ensureBrowserBinding } from '@/lib/entra/browser-binding';
import { startAdminConsent } from '@/lib/entra/start-admin-consent';

export type AdminConsentStart = { ok: true; url: string } | { ok: false; message: string };

const byId = z.tuple([z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)]);

// POST (action) - tenant page → Grant admin consent: a single-use state, then Microsoft's admin consent URL
export const startAdminConsentAction = adminCallAction(
  {
    args: byId,
    audit: { action: 'tenant.admin_consent.start', target: 'tenant' },
    failed: (message): AdminConsentStart => ({ ok: false, message }),
  },
  async ([tenantId], ctx): Promise<AdminConsentStart> => {
    ctx.audit.target = tenantId;
    const started = await startAdminConsent({
      tenantId,
      redirectUri: (await getRedirectUri()).uri,
      browserBinding: await ensureBrowserBinding(),
      administratorId: ctx.admin.id,
    });
    if (!started.ok) return started;
    ctx.audit.summary = `Grant admin consent started for tenant '${started.tenantName}'`;
    return { ok: true, url: started.url };
  },
);
