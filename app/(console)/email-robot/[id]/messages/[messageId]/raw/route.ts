import { getCurrentAdmin } from '@/lib/auth/current-admin';
import { getRobotMessageMime } from '@/lib/robot/get-robot-message-mime';

// GET /email-robot/{id}/messages/{messageId}/raw - the stored MIME of one message as an .eml download.
// Checks the administrator's session itself: the proxy only looks for a cookie.
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string; messageId: string }> },
): Promise<Response> {
  const admin = await getCurrentAdmin();
  if (!admin) return Response.json({ error: 'Sign in required' }, { status: 401 });
  const { id, messageId } = await params;
  const mime = await getRobotMessageMime(id, messageId);
  if (!mime) return Response.json({ error: 'No stored MIME for this message' }, { status: 404 });
  const filename = `${
    (mime.subject || 'message')
      .replace(/[^\w.\- ]+/g, '_')
      .trim()
      .slice(0, 80) || 'message'
  }.eml`;
  return new Response(Buffer.from(mime.bytes), {
    headers: {
      'Content-Type': 'message/rfc822',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Content-Length': String(mime.bytes.byteLength),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
