import { getCurrentAdmin } from '@/lib/auth/current-admin';
import { tenantCertificateFile } from '@/lib/tenants/tenant-certificate-file';

// GET /integration/service-connections/tenants/{id}/certificate?format=cer|pem[&which=pending] - the tenant's public
// certificate (or the new one of a Rotate credential), to upload under Azure → Certificates & secrets → Certificates. Never the private key. Checks the session itself:
// the proxy only looks for a cookie.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const admin = await getCurrentAdmin();
  if (!admin) return Response.json({ error: 'Sign in required' }, { status: 401 });
  const { id } = await params;
  const format = new URL(request.url).searchParams.get('format') === 'pem' ? 'pem' : 'cer';
  const which = new URL(request.url).searchParams.get('which') === 'pending' ? 'pending' : 'current';
  const file = await tenantCertificateFile(id, format, which);
  if (!file) return Response.json({ error: 'This tenant has no certificate' }, { status: 404 });
  return new Response(new Uint8Array(file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Content-Length': String(file.body.byteLength),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
