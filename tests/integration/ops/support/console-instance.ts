// One Switchboard instance for the two-instance test: the background services server.ts starts (outbox worker, robot
// poller, token keeper, retention job) and the public sending API's own route handler on an HTTP port, in a process
// of its own. Next's page rendering is left out: it plays no part in sending or receiving. Prints "ready <port>";
// stops cleanly when stdin closes; SIGKILL is the crash.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { POST } from '@/app/api/v1/messages/route';
import { disconnectDb } from '@/lib/db/prisma';
import { startTokenKeeper } from '@/lib/entra/refresh-idle-connections';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { startRetentionJob } from '@/lib/retention/start-retention-job';
import { startRobotPoller } from '@/lib/robot/start-robot-poller';

const settings = JSON.parse(process.argv[2] ?? '{}') as {
  leaseMs?: number;
  robotTickMs?: number;
  robotLeaseSeconds?: number;
};

const outbox = startOutboxWorker(settings.leaseMs ? { policy: { leaseMs: settings.leaseMs } } : {});
const robot = startRobotPoller({
  tickMs: settings.robotTickMs ?? 2000,
  ...(settings.robotLeaseSeconds ? { leaseSeconds: settings.robotLeaseSeconds } : {}),
});
const tokenKeeper = startTokenKeeper();
const retention = startRetentionJob();

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    const answer =
      req.method === 'POST' && req.url === '/api/v1/messages'
        ? POST(request)
        : Promise.resolve(new Response('Not found', { status: 404 }));
    void answer
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: Error) => {
        res.writeHead(500);
        res.end(error.message);
      });
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`));

process.stdin.resume();
process.stdin.on('end', () => {
  server.close();
  void Promise.allSettled([outbox.stop(), robot.stop(), tokenKeeper.stop(), retention.stop()])
    .then(() => disconnectDb())
    .finally(() => process.exit(0));
});
