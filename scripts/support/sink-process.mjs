// The SMTP sink of `bench:outbox` in a process of its own (bench-console.ts, startSinkProcess). Tells its parent
// (IPC) its port once listening, its counts every few milliseconds while they change, and at once when asked ("count").
import { countingSink } from './counting-sink.mjs';

const { server, counts } = countingSink();
let told = -1;
const tell = () => {
  told = counts.received;
  process.send?.({ received: counts.received, connections: counts.connections });
};
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: server.server.address().port });
  setInterval(() => {
    if (counts.received !== told) tell();
  }, 5);
});
process.on('message', (message) => {
  if (message === 'count') tell();
});
process.on('disconnect', () => server.close(() => process.exit(0)));
