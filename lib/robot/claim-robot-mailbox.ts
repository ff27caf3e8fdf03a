import 'server-only';
import type { Db } from '@/lib/db/create-prisma-client';
import { db } from '@/lib/db/prisma';
import { leaseEnd, takeRowLease } from '@/lib/db/row-lease';
import type { RobotOptions } from './robot-options';

// The lease that makes one instance at a time work on a mailbox: a row lease (lib/db/row-lease.ts), taken with a
// conditional UPDATE that succeeds only while no one else holds an unexpired lease, the same statement on SQLite and
// PostgreSQL.
// Every later write is conditional too: on still holding the lease, and on the mailbox still being the one that was
// claimed (same connection, address and folder), so an edit in the console mid-poll cannot get a stale cursor.

type MailboxUpdate = Parameters<Db['robotMailbox']['updateMany']>[0]['data'];
export type ClaimedMailbox = NonNullable<Awaited<ReturnType<typeof loadMailbox>>>;

export interface RobotLease {
  mailboxId: string;
  owner: string;
  /** Renews the lease when less than half of it is left; false once the mailbox is no longer ours. */
  keep(): Promise<boolean>;
  /** Writes `data` only while the lease is still ours; false (and lost from then on) otherwise. */
  write(data: MailboxUpdate): Promise<boolean>;
  /** Writes the final state and gives the mailbox up. */
  release(data: MailboxUpdate): Promise<boolean>;
  readonly lost: boolean;
}

function loadMailbox(id: string) {
  return db().robotMailbox.findUnique({ where: { id } });
}

export async function claimRobotMailbox(
  mailboxId: string,
  options: RobotOptions,
  claim: { manual?: boolean } = {},
): Promise<{ lease: RobotLease; mailbox: ClaimedMailbox } | null> {
  const { owner, leaseSeconds } = options;
  const now = new Date();
  // A manual "Poll now" may run on a disabled mailbox and before its time; the poller takes only due, enabled ones.
  const due = claim.manual ? {} : { enabled: true, nextRunAt: { lte: now } };
  const taken = await takeRowLease(
    leaseSeconds * 1000,
    ({ free, until }) =>
      db().robotMailbox.updateMany({
        where: { id: mailboxId, ...due, ...free },
        data: { leaseOwner: owner, leaseUntil: until },
      }),
    now,
  );
  if (!taken) return null;
  let until = taken;
  const mailbox = await loadMailbox(mailboxId);
  if (!mailbox) return null;

  let lost = false;
  const same = { connectionId: mailbox.connectionId, mailboxAddress: mailbox.mailboxAddress, folder: mailbox.folder };
  const mine = () => ({ id: mailboxId, leaseOwner: owner, leaseUntil: { gt: new Date() }, ...same });
  const lease: RobotLease = {
    mailboxId,
    owner,
    get lost() {
      return lost;
    },
    async keep() {
      if (lost) return false;
      if (until.getTime() - Date.now() > (leaseSeconds * 1000) / 2) return true;
      const next = leaseEnd(new Date(), leaseSeconds * 1000);
      const renewed = await db().robotMailbox.updateMany({ where: mine(), data: { leaseUntil: next } });
      if (renewed.count === 1) until = next;
      else lost = true;
      return !lost;
    },
    async write(data) {
      if (lost) return false;
      const written = await db().robotMailbox.updateMany({ where: mine(), data });
      if (written.count !== 1) lost = true;
      return !lost;
    },
    async release(data) {
      lost = true;
      // The state of the cycle is written even after an edit of the settings, but never over another owner's lease.
      const written = await db().robotMailbox.updateMany({
        where: { id: mailboxId, leaseOwner: owner },
        data: { ...data, leaseOwner: null, leaseUntil: null },
      });
      return written.count === 1;
    },
  };
  return { lease, mailbox };
}
