import { z } from 'zod';
import { CLOUD_IDS, GLOBAL_RESOURCES } from '@/lib/entra/clouds';

// Shared by the tenant forms (client, including the one inside Add Service Connection) and their actions (server).
// Labels and wording follow the Azure portal's "App registrations → Overview" page, where each value is copied from.

export const TENANT_NAME_TAKEN = 'A tenant with this name already exists';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

const trimmed = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim());

export const tenantNameSchema = z
  .string({ error: 'Enter a name' })
  .trim()
  .min(1, 'Enter a name')
  .max(100, 'Use at most 100 characters');

export const directoryIdSchema = trimmed.transform((value, ctx) => {
  if (!value) {
    ctx.addIssue({
      code: 'custom',
      message: 'Enter the Directory (tenant) ID from the app registration’s Overview page',
    });
    return z.NEVER;
  }
  if (['common', 'organizations', 'consumers'].includes(value.toLowerCase())) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a tenant: enter your directory’s ID or verified domain`,
    });
    return z.NEVER;
  }
  if (!GUID.test(value) && !DOMAIN.test(value)) {
    ctx.addIssue({
      code: 'custom',
      message:
        'Enter a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47, or a verified domain such as contoso.onmicrosoft.com',
    });
    return z.NEVER;
  }
  return value.toLowerCase();
});

export const clientIdSchema = trimmed.transform((value, ctx) => {
  if (!value) {
    ctx.addIssue({
      code: 'custom',
      message: 'Enter the Application (client) ID from the app registration’s Overview page',
    });
    return z.NEVER;
  }
  if (!GUID.test(value)) {
    ctx.addIssue({
      code: 'custom',
      message: 'The Application (client) ID is a GUID such as 00000000-0000-0000-0000-000000000000',
    });
    return z.NEVER;
  }
  return value.toLowerCase();
});

/** A new client secret: its Value, never its Secret ID. Blank means "none given". */
export const secretSchema = trimmed.transform((value, ctx) => {
  if (!value) return undefined;
  if (value.length > 1024) {
    ctx.addIssue({ code: 'custom', message: 'A client secret is at most 1024 characters' });
    return z.NEVER;
  }
  if (/\s/.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'A client secret contains no spaces: copy it again' });
    return z.NEVER;
  }
  if (GUID.test(value)) {
    ctx.addIssue({
      code: 'custom',
      message: 'This is the secret’s ID. Copy its Value instead (shown once, when the secret was created)',
    });
    return z.NEVER;
  }
  return value;
});

const expiresOnSchema = trimmed.transform((value, ctx) => {
  if (!value) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  if (!DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    ctx.addIssue({ code: 'custom', message: 'Enter a date as YYYY-MM-DD' });
    return z.NEVER;
  }
  return date;
});

function httpsUrlSchema(what: string, example: string, refuseVersion: boolean) {
  return trimmed.transform((value, ctx) => {
    if (!value) return null;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `Enter the ${what} as an https:// URL, such as ${example}` });
      return z.NEVER;
    }
    if (url.protocol !== 'https:' || url.search || url.hash || url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: `The ${what} must be a plain https:// URL, such as ${example}` });
      return z.NEVER;
    }
    if (refuseVersion && /\/(v1\.0|beta)(\/|$)/i.test(url.pathname)) {
      ctx.addIssue({ code: 'custom', message: 'Leave out the version (/v1.0): Switchboard adds it' });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  });
}

/**
 * A resource name (Application ID URI) as a scope prefixes it: an https:// origin, lower-cased, since Switchboard
 * writes `{resource}/Mail.Send` and `{resource}/.default` after it. Blank: Microsoft's global name.
 */
function resourceNameSchema(what: string, example: string) {
  return trimmed.transform((value, ctx) => {
    if (!value) return null;
    const message = `Enter the ${what} as an https:// origin without a path, such as ${example}`;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    if (url.protocol !== 'https:' || url.origin !== value.replace(/\/+$/, '').toLowerCase()) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return url.origin;
  });
}

const tenantFields = {
  name: tenantNameSchema,
  cloud: z.enum(CLOUD_IDS, { error: 'Choose a cloud' }),
  authorityHost: httpsUrlSchema('authority host', 'https://login.contoso.test', false),
  graphBaseUrl: httpsUrlSchema('Graph base URL', 'https://graph.contoso.test', true),
  graphResource: resourceNameSchema('Graph resource', 'https://graph.contoso.test'),
  exchangeResource: resourceNameSchema('Exchange resource', 'https://outlook.contoso.test'),
  directoryId: directoryIdSchema,
  clientId: clientIdSchema,
  expiresOn: expiresOnSchema,
};

interface CloudShape {
  cloud: string;
  authorityHost: string | null;
  graphBaseUrl: string | null;
  graphResource: string | null;
  exchangeResource: string | null;
}

// Runs even when other fields failed (`when`), so every field's error shows in one round.
const CUSTOM_URLS_REQUIRED = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};

// Also runs when other fields failed, but not when the secret itself did (its own message says what is wrong).
const SECRET_FIELD_PARSED = {
  when: (payload: { value: unknown; issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    CUSTOM_URLS_REQUIRED.when(payload) && !payload.issues.some((issue) => issue.path?.[0] === 'clientSecret'),
};

function requireSecretUnlessCertificate(
  value: { credentialType: string; clientSecret?: string },
  ctx: z.RefinementCtx,
) {
  if (value.credentialType !== 'certificate' && !value.clientSecret)
    ctx.addIssue({ code: 'custom', path: ['clientSecret'], message: 'Enter the client secret’s Value' });
}

function requireCustomUrls(value: CloudShape, ctx: z.RefinementCtx) {
  if (value.cloud !== 'custom') return;
  if (!value.authorityHost)
    ctx.addIssue({ code: 'custom', path: ['authorityHost'], message: 'A Custom cloud needs its authority host' });
  if (!value.graphBaseUrl)
    ctx.addIssue({ code: 'custom', path: ['graphBaseUrl'], message: 'A Custom cloud needs its Graph base URL' });
  // One token, one audience: Graph and Exchange must be told apart by their names.
  const graph = value.graphResource ?? GLOBAL_RESOURCES.graph;
  const exchange = value.exchangeResource
    ? [value.exchangeResource]
    : [GLOBAL_RESOURCES.exchange, GLOBAL_RESOURCES.exchangeApp];
  if (exchange.includes(graph))
    ctx.addIssue({
      code: 'custom',
      path: ['exchangeResource'],
      message: 'Graph and Exchange need different resource names',
    });
}

/** Only a Custom cloud keeps its own URLs and resource names; the others' come from `lib/entra/clouds.ts`. */
function dropUnusedUrls<T extends CloudShape>(value: T): T {
  return value.cloud === 'custom'
    ? value
    : { ...value, authorityHost: null, graphBaseUrl: null, graphResource: null, exchangeResource: null };
}

/** A new tenant signs in with a client secret, or with a certificate generated or uploaded on its page next. */
export const createTenantSchema = z
  .object({
    ...tenantFields,
    credentialType: z.enum(['secret', 'certificate']).default('secret'),
    clientSecret: secretSchema,
  })
  .superRefine(requireCustomUrls, CUSTOM_URLS_REQUIRED)
  .superRefine(requireSecretUnlessCertificate, SECRET_FIELD_PARSED)
  .transform(dropUnusedUrls);

/** On edit a blank Client Secret keeps the stored one. */
export const updateTenantSchema = z
  .object({ id: z.string().min(1), ...tenantFields, clientSecret: secretSchema })
  .superRefine(requireCustomUrls, CUSTOM_URLS_REQUIRED)
  .transform(dropUnusedUrls);

/** Verify credentials: the form's values as typed; a blank Client Secret on a saved tenant means the stored one. */
export const verifyTenantSchema = z
  .object({ id: z.string().optional(), ...tenantFields, clientSecret: secretSchema })
  .superRefine(requireCustomUrls, CUSTOM_URLS_REQUIRED)
  .transform(dropUnusedUrls);

export const tenantIdSchema = z.object({ id: z.string().min(1) });

export type CreateTenantInput = z.output<typeof createTenantSchema>;
export type UpdateTenantInput = z.output<typeof updateTenantSchema>;
export type VerifyTenantInput = z.output<typeof verifyTenantSchema>;
