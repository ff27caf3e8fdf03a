// GET /metrics - Prometheus text format; needs SWITCHBOARD_METRICS_TOKEN as a bearer token, and is absent when unset
import { collectStoreGauges } from '@/lib/composition/collect-store-gauges';
import { metricsAccess } from '@/lib/metrics/metrics-access';
import { metricsRegistry } from '@/lib/metrics/metrics-registry';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const access = metricsAccess(request.headers);
  if (access === 'disabled')
    return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain' } });
  if (access === 'refused') {
    return new Response('A valid bearer token is required\n', {
      status: 401,
      headers: {
        'content-type': 'text/plain',
        'www-authenticate': 'Bearer realm="switchboard-metrics"',
        'cache-control': 'no-store',
      },
    });
  }
  const { registry } = metricsRegistry();
  collectStoreGauges(registry);
  return new Response(await registry.metrics(), {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
}
