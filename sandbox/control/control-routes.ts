import { z } from 'zod';
import { sandboxSettingsSchema } from '../config/sandbox-config-schema';
import type { HttpExchange } from '../http/http-exchange';
import type { Mount } from '../http/https-endpoint';
import { RouteTable } from '../http/route-table';
import { NotFoundError, type SandboxControl } from './sandbox-control';

// The control API over HTTPS under /_sandbox, for a process that cannot hold the in-process handle (the
// console under test, a Playwright spec). Each route calls one SandboxControl method. See sandbox/README.md.

const enabledBody = z.object({ enabled: z.boolean() });
const trusteeBody = z.object({ trustee: z.string().min(1), allowed: z.boolean().default(true) });
const throttleBody = z.object({
  service: z.enum(['graph', 'token', 'smtp']),
  count: z.number().int().min(0),
  retryAfterSeconds: z.number().int().min(0).default(1),
  pathContains: z.string().min(1).optional(),
});
const certificateBody = z.object({ pem: z.string().includes('-----BEGIN CERTIFICATE-----') });
const secretBody = z.object({
  value: z.string().min(1).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
const policyBody = z.object({ accessRight: z.enum(['RestrictAccess', 'DenyAccess']), mailboxes: z.array(z.string()) });
const messageBody = z.object({
  raw: z.string().optional(),
  from: z.string().optional(),
  to: z.array(z.string()).optional(),
  cc: z.array(z.string()).optional(),
  subject: z.string().optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  attachments: z
    .array(z.object({ name: z.string(), contentType: z.string().optional(), contentBase64: z.string() }))
    .optional(),
  folder: z.string().optional(),
  isRead: z.boolean().optional(),
});

class BadRequest extends Error {}

async function body<T>(exchange: HttpExchange, schema: z.ZodType<T>): Promise<T> {
  const result = schema.safeParse((await exchange.readJson()) ?? {});
  if (!result.success) throw new BadRequest(z.prettifyError(result.error));
  return result.data;
}

export function controlMount(control: SandboxControl, info: () => unknown): Mount {
  const routes = new RouteTable();
  const p = (exchange: HttpExchange, name: string) => exchange.params[name] ?? '';
  const action = (method: string, path: string, run: (exchange: HttpExchange) => Promise<unknown> | unknown) =>
    routes.add(method, `/_sandbox${path}`, async (exchange) => {
      try {
        const result = await run(exchange);
        if (result === undefined) exchange.empty(204);
        else exchange.json(200, result);
      } catch (error) {
        if (error instanceof NotFoundError) return exchange.json(404, { error: 'not_found', message: error.message });
        if (error instanceof BadRequest) return exchange.json(400, { error: 'bad_request', message: error.message });
        throw error;
      }
    });

  action('GET', '/info', () => info());
  action('GET', '/counters', () => control.counters());
  action('GET', '/counters/token/:grantType', (e) => ({
    grantType: p(e, 'grantType'),
    count: control.tokenRequestCount(p(e, 'grantType')),
  }));
  action('POST', '/counters/reset', () => control.resetCounters());
  action('GET', '/settings', () => control.settings());
  action('PATCH', '/settings', async (e) => control.updateSettings(await body(e, sandboxSettingsSchema.partial())));
  action('POST', '/throttle', async (e) => control.injectThrottle(await body(e, throttleBody)));

  action('POST', '/users/:user/revoke-refresh-tokens', (e) => control.revokeRefreshTokens(p(e, 'user')));
  action('POST', '/users/:user/expire-refresh-tokens', (e) => control.expireRefreshTokens(p(e, 'user')));
  action('POST', '/users/:user/account', async (e) =>
    control.setAccountEnabled(p(e, 'user'), (await body(e, enabledBody)).enabled),
  );
  action('DELETE', '/users/:user/consents/:clientId', (e) => control.revokeConsent(p(e, 'user'), p(e, 'clientId')));

  action('GET', '/apps/:clientId/redirect-uris', (e) => control.redirectUris(p(e, 'clientId')));
  action('POST', '/apps/:clientId/redirect-uris', async (e) =>
    control.addRedirectUri(p(e, 'clientId'), (await body(e, z.object({ uri: z.url() }))).uri),
  );
  action('POST', '/apps/:clientId/certificates', async (e) =>
    control.addCertificate(p(e, 'clientId'), (await body(e, certificateBody)).pem),
  );
  action('DELETE', '/apps/:clientId/certificates', (e) => control.removeCertificates(p(e, 'clientId')));
  action('POST', '/apps/:clientId/secrets', async (e) =>
    control.addClientSecret(p(e, 'clientId'), await body(e, secretBody)),
  );
  action('DELETE', '/apps/:clientId/secrets', async (e) =>
    control.removeClientSecret(p(e, 'clientId'), (await body(e, z.object({ value: z.string().min(1) }))).value),
  );
  action('POST', '/apps/:clientId/expire-secret', (e) => control.expireClientSecret(p(e, 'clientId')));
  action('PUT', '/apps/:clientId/application-permissions', async (e) => {
    const { resource, permissions } = await body(
      e,
      z.object({ resource: z.string().min(1), permissions: z.array(z.string().min(1)) }),
    );
    control.setApplicationPermissions(p(e, 'clientId'), resource, permissions);
  });
  action('PUT', '/apps/:clientId/access-policy', async (e) =>
    control.setApplicationAccessPolicy(p(e, 'clientId'), await body(e, policyBody)),
  );
  action('DELETE', '/apps/:clientId/access-policy', (e) => control.setApplicationAccessPolicy(p(e, 'clientId'), null));

  action('POST', '/tenants/:tenant/smtp-auth', async (e) =>
    control.setTenantSmtpAuthEnabled(p(e, 'tenant'), (await body(e, enabledBody)).enabled),
  );
  action('POST', '/mailboxes/:mailbox/smtp-auth', async (e) =>
    control.setSmtpAuthEnabled(p(e, 'mailbox'), (await body(e, enabledBody)).enabled),
  );
  action('POST', '/mailboxes/:mailbox/rest-enabled', async (e) =>
    control.setRestEnabled(p(e, 'mailbox'), (await body(e, enabledBody)).enabled),
  );
  action('POST', '/mailboxes/:mailbox/app-full-access', async (e) => {
    const { clientId, allowed } = await body(
      e,
      z.object({ clientId: z.string().min(1), allowed: z.boolean().default(true) }),
    );
    control.setAppFullAccess(p(e, 'mailbox'), clientId, allowed);
  });
  action('POST', '/mailboxes/:mailbox/send-as', async (e) => {
    const { trustee, allowed } = await body(e, trusteeBody);
    control.setSendAs(p(e, 'mailbox'), trustee, allowed);
  });
  action('POST', '/mailboxes/:mailbox/full-access', async (e) => {
    const { trustee, allowed } = await body(e, trusteeBody);
    control.setFullAccess(p(e, 'mailbox'), trustee, allowed);
  });
  action('GET', '/mailboxes/:mailbox/messages', (e) =>
    control.readMailbox(p(e, 'mailbox'), e.url.searchParams.get('folder') ?? undefined),
  );
  action('POST', '/mailboxes/:mailbox/messages', async (e) =>
    control.addMessage(p(e, 'mailbox'), await body(e, messageBody)),
  );
  action('POST', '/mailboxes/:mailbox/invalidate-delta-tokens', (e) => control.invalidateDeltaTokens(p(e, 'mailbox')));

  return {
    prefix: '/_sandbox',
    routes,
    notFound: (exchange, methodNotAllowed) =>
      exchange.json(methodNotAllowed ? 405 : 404, {
        error: 'not_found',
        message: `No control route ${exchange.method} ${exchange.url.pathname}`,
      }),
  };
}
