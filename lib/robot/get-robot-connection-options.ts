import 'server-only';
import { connectionFit, type ConnectionFit } from '@/lib/connections/connection-fit';
import { getConnectionFacts } from '@/lib/connections/get-connection-facts';

export interface RobotConnectionOption {
  id: string;
  name: string;
  authType: string;
  accountUsername: string | null;
  /** Whether it may read and file mail (Mail.ReadWrite or Mail.ReadWrite.Shared), and why not. */
  fit: ConnectionFit;
}

/** Every connection, each with whether the robot can read mail through it: the form disables the others with the reason. */
export async function getRobotConnectionOptions(): Promise<RobotConnectionOption[]> {
  const rows = await getConnectionFacts();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    authType: r.facts.authType,
    accountUsername: r.accountUsername,
    fit: connectionFit('robot', r.facts),
  }));
}
