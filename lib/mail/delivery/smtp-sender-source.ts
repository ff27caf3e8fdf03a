// The SMTP sender thread's code, run with `new Worker(source, { eval: true })`: a string, so that neither tsx nor
// Next's bundler has to know about a second entry file (as the SQLite writer, lib/db/sqlite-writer-source.ts).
// Universal (no imports). Plain CommonJS JavaScript.
//
// It holds nodemailer's pools, one per key (server and credential): `open` creates one with the options given,
// `send` sends a message on one and answers with the server's reply or the error's fields, `close` closes one.
// Buffers arrive as Uint8Array (structured clone) and are made Buffers again: nodemailer tells content by Buffer.

export const SMTP_SENDER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const nodemailer = require(workerData.driver);
const pools = new Map();
const buffer = (value) =>
  value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
function revive(mail) {
  if (mail.raw) mail.raw = buffer(mail.raw);
  if (Array.isArray(mail.attachments)) for (const a of mail.attachments) a.content = buffer(a.content);
  return mail;
}
const FIELDS = ['code', 'originalCode', 'command', 'response', 'responseCode', 'errno', 'syscall', 'reason'];
function fieldsOf(error) {
  const out = { message: String((error && error.message) || error), name: error && error.name };
  for (const field of FIELDS) {
    const value = error && error[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  return out;
}
parentPort.on('message', (m) => {
  if (m.type === 'open') {
    if (!pools.has(m.key)) pools.set(m.key, nodemailer.createTransport(m.options));
  } else if (m.type === 'close') {
    const pool = pools.get(m.key);
    pools.delete(m.key);
    if (pool) pool.close();
  } else if (m.type === 'send') {
    const pool = pools.get(m.key);
    if (!pool) {
      parentPort.postMessage({ id: m.id, error: { message: 'No SMTP pool for this server.', code: 'ECONFIG' } });
      return;
    }
    pool.sendMail(revive(m.mail)).then(
      (info) =>
        parentPort.postMessage({
          id: m.id,
          value: { response: String(info.response || ''), rejected: (info.rejected || []).map(String) },
        }),
      (error) => parentPort.postMessage({ id: m.id, error: fieldsOf(error) }),
    );
  }
});
`;
