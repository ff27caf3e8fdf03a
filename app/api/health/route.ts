// GET /api/health - 200 while this instance can serve (database and key), else 503. Anonymous callers get the status
// only; an administrator's session or the metrics token also gets each component's state (outbox, robot).
import { checkHealth } from '@/lib/health/check-health';
import { getComponentHealth } from '@/lib/health/get-component-health';
import { maySeeHealthDetails } from '@/lib/health/may-see-health-details';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const health = await checkHealth();
  const status = health.database.ok && health.encryption.ok ? 200 : 503;
  const headers = { 'cache-control': 'no-store' };
  if (!(await maySeeHealthDetails(request))) return Response.json({ status: health.status }, { status, headers });
  const components = health.database.ok ? await getComponentHealth().catch(() => null) : null;
  return Response.json({ ...health, ...(components ?? {}) }, { status, headers });
}
