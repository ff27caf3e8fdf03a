import 'server-only';
import { db } from '@/lib/db/prisma';
import { freeLease } from '@/lib/db/row-lease';

const INTERRUPTED =
  'Switchboard stopped during this test; a test email is never tried again. Send a new test from the Emails page.';

/** Test emails whose request died with the process (their claim ran out) end Failed: a test is never retried. */
export async function failInterruptedTests(now = new Date()): Promise<number> {
  const { count } = await db().outboundMessage.updateMany({
    where: { source: 'test', state: { in: ['sending', 'queued'] }, ...freeLease(now) },
    data: {
      state: 'failed',
      failedAt: now,
      lastError: INTERRUPTED,
      lastErrorCode: 'INTERRUPTED',
      leaseOwner: null,
      leaseUntil: null,
      transportOverride: null,
    },
  });
  return count;
}
