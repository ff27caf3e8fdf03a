import 'server-only';
import { findActiveSession } from '@/lib/auth/sessions';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie-name';
import { metricsAccess } from '@/lib/metrics/metrics-access';

function sessionToken(cookieHeader: string | null): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** Per-component health is for an administrator's session or the metrics token; anonymous callers get the status. */
export async function maySeeHealthDetails(request: Request): Promise<boolean> {
  if (metricsAccess(request.headers) === 'granted') return true;
  const token = sessionToken(request.headers.get('cookie'));
  if (!token) return false;
  try {
    return (await findActiveSession(token)) !== null;
  } catch {
    // The database is down: the details say so to whoever may see them, and nobody can be recognised meanwhile.
    return false;
  }
}
