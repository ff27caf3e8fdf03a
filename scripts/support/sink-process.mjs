// The SMTP sink of `bench:outbox` in a process of its own (scripts/support/bench-console.ts, startSinkProcess): it
// accepts everything and only counts, as startSink does. Tells its parent (IPC) its port once listening, its counts
// every few milliseconds while they change, and at once when asked ("count"). Plain JavaScript: started with node
// alone, so that neither tsx nor the TypeScript loader runs beside the sink.
import { SMTPServer } from 'smtp-server';

let received = 0;
let connections = 0;
let told = -1;
const server = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  onConnect(_session, callback) {
    connections += 1;
    callback();
  },
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      received += 1;
      callback();
    });
  },
});
const tell = () => {
  told = received;
  process.send?.({ received, connections });
};
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: server.server.address().port });
  setInterval(() => {
    if (received !== told) tell();
  }, 5);
});
process.on('message', (message) => {
  if (message === 'count') tell();
});
process.on('disconnect', () => server.close(() => process.exit(0)));
