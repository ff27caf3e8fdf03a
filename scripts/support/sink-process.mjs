// The SMTP sink of `bench:outbox` in a process of its own (bench-console.ts, startSinkProcess). Tells its parent
// (IPC) its port once listening, and its counts each time it is asked ("count"), in the order asked.
import { countingSink } from './counting-sink.mjs';

const { server, counts } = countingSink();
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.server.address().port }));
process.on('message', (message) => {
  if (message === 'count') process.send?.({ received: counts.received, connections: counts.connections });
});
process.on('disconnect', () => server.close(() => process.exit(0)));
