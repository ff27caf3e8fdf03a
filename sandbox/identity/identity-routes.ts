import { RouteTable } from '../http/route-table';
import type { Mount } from '../http/https-endpoint';
import type { SandboxContext } from '../sandbox-context';
import { escapeHtml } from './authorize-pages';
import { addAuthorizeRoutes } from './authorize-routes';
import { addDiscoveryRoutes } from './discovery-routes';
import { addTokenRoute } from './token-route';

// The identity platform (login.microsoftonline.com's v2.0 endpoints) as one mount of the HTTPS server.

export function identityMount(context: SandboxContext): Mount {
  const routes = new RouteTable();
  addDiscoveryRoutes(routes, context);
  addAuthorizeRoutes(routes, context);
  addTokenRoute(routes, context);
  routes.add('GET', '/error', (exchange) => {
    const code = exchange.url.searchParams.get('code') ?? '';
    exchange.html(
      200,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>AADSTS${escapeHtml(code)}</title></head><body><main><h1>Error code AADSTS${escapeHtml(code)}</h1><p>See the error_description of the response; this sandbox has no error lookup.</p></main></body></html>`,
    );
  });
  routes.add('GET', '/', (exchange) => {
    const tenants = context.directory.tenants
      .map((t) => `<li>${escapeHtml(t.displayName)}: ${escapeHtml(t.id)} (${escapeHtml(t.domain)})</li>`)
      .join('');
    exchange.html(
      200,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Switchboard sandbox</title></head><body><main><h1>Switchboard sandbox</h1><p>Microsoft identity platform, Graph and Exchange SMTP on loopback.</p><ul>${tenants}</ul><p>Control API: <code>/_sandbox/info</code></p></main></body></html>`,
    );
  });
  return {
    prefix: '/',
    routes,
    notFound: (exchange, methodNotAllowed) =>
      exchange.html(
        methodNotAllowed ? 405 : 404,
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>404 - Not found</h1></body></html>',
      ),
  };
}
