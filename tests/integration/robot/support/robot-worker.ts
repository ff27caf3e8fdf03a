// A separate Switchboard process running only the E-mail Robot's poller, as server.ts does, for tests that kill
// an instance or run two at once. Prints "ready"; stops cleanly when its stdin closes; SIGKILL is the crash.
import { disconnectDb } from '@/lib/db/prisma';
import { startRobotPoller } from '@/lib/robot/start-robot-poller';

const settings = JSON.parse(process.argv[2] ?? '{}') as {
  tickMs?: number;
  retryDelayMs?: number;
  leaseSeconds?: number;
};
const poller = startRobotPoller({
  tickMs: settings.tickMs ?? 100,
  leaseSeconds: settings.leaseSeconds ?? 120,
  ...(settings.retryDelayMs === undefined ? {} : { retryDelayMs: () => settings.retryDelayMs ?? 0 }),
});
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  void poller
    .stop()
    .then(() => disconnectDb())
    .finally(() => process.exit(0));
});
