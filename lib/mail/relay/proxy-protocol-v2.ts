import ipaddr from 'ipaddr.js';
import type { Socket } from 'node:net';
import type { SMTPServer } from 'smtp-server';

// smtp-server reads the PROXY protocol's text header (v1) only. Load balancers such as AWS NLB and HAProxy's
// `send-proxy-v2` send the binary header (v2): from a trusted proxy it is read here, before smtp-server sees the
// connection, and handed on as the equivalent v1 line, so one parser (smtp-server's) decides what the address is.

const SIGNATURE = Buffer.from([0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d, 0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a]);
const FIXED_BYTES = 16;
// Addresses and the TLVs a proxy appends (TLS details, AWS's VPC endpoint id): generous, but bounded.
const MAX_HEADER_BYTES = 4096;
const HEADER_TIMEOUT_MS = 15_000;

export type ProxyPreamble =
  | { kind: 'incomplete' }
  | { kind: 'not-v2' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'v2'; length: number; line: string };

function address(bytes: Buffer): string {
  return ipaddr.fromByteArray([...bytes]).toString();
}

/** Reads a PROXY protocol v2 header at the start of `data`; `line` is the same information as a v1 header. */
export function readProxyV2(data: Buffer): ProxyPreamble {
  const prefix = data.subarray(0, SIGNATURE.length);
  if (!SIGNATURE.subarray(0, prefix.length).equals(prefix)) return { kind: 'not-v2' };
  if (data.length < FIXED_BYTES) return { kind: 'incomplete' };
  const versionCommand = data[12] ?? 0;
  if (versionCommand >> 4 !== 2) return { kind: 'invalid', reason: 'unsupported PROXY protocol version' };
  const length = FIXED_BYTES + data.readUInt16BE(14);
  if (length > MAX_HEADER_BYTES) return { kind: 'invalid', reason: 'PROXY header too long' };
  if (data.length < length) return { kind: 'incomplete' };
  const command = versionCommand & 0x0f;
  if (command > 1) return { kind: 'invalid', reason: 'unknown PROXY command' };
  const family = data[13] ?? 0;
  const body = data.subarray(FIXED_BYTES, length);
  // LOCAL (the proxy's own health check) and anything but TCP over IPv4/IPv6 carry no client address.
  if (command === 1 && family === 0x11 && body.length >= 12)
    return {
      kind: 'v2',
      length,
      line: `PROXY TCP4 ${address(body.subarray(0, 4))} ${address(body.subarray(4, 8))} ${body.readUInt16BE(8)} ${body.readUInt16BE(10)}\r\n`,
    };
  if (command === 1 && family === 0x21 && body.length >= 36)
    return {
      kind: 'v2',
      length,
      line: `PROXY TCP6 ${address(body.subarray(0, 16))} ${address(body.subarray(16, 32))} ${body.readUInt16BE(32)} ${body.readUInt16BE(34)}\r\n`,
    };
  return { kind: 'v2', length, line: 'PROXY UNKNOWN\r\n' };
}

function normalized(host: string | undefined): string {
  if (!host || !ipaddr.isValid(host)) return host ?? '';
  const parsed = ipaddr.parse(host);
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address().toString()
    : parsed.toString();
}

function translateHeader(socket: Socket, handOn: (socket: Socket) => void) {
  let buffered = Buffer.alloc(0);
  const finish = (data: Buffer | null) => {
    clearTimeout(timer);
    socket.removeListener('readable', onReadable);
    socket.removeListener('error', onError);
    socket.removeListener('close', onClose);
    if (!data) return;
    if (data.length) socket.unshift(data);
    handOn(socket);
  };
  const fail = () => {
    socket.on('error', () => undefined);
    finish(null);
    socket.destroy();
  };
  const onReadable = () => {
    let chunk: Buffer | null;
    while ((chunk = socket.read() as Buffer | null) !== null) buffered = Buffer.concat([buffered, chunk]);
    const preamble = readProxyV2(buffered);
    if (preamble.kind === 'incomplete') return;
    if (preamble.kind === 'invalid') return fail();
    if (preamble.kind === 'not-v2') return finish(buffered);
    finish(Buffer.concat([Buffer.from(preamble.line, 'latin1'), buffered.subarray(preamble.length)]));
  };
  const onError = () => fail();
  const onClose = () => finish(null);
  const timer = setTimeout(fail, HEADER_TIMEOUT_MS);
  timer.unref();
  socket.on('readable', onReadable);
  socket.on('error', onError);
  socket.on('close', onClose);
}

/**
 * Lets `server` (built with `useProxy: trustedProxies`) take PROXY protocol v2 as well as v1 from the trusted
 * proxies. Connections from anyone else reach smtp-server untouched.
 */
export function acceptProxyV2(server: SMTPServer, trustedProxies: string[]): SMTPServer {
  if (!trustedProxies.length) return server;
  const trusted = new Set(trustedProxies.map(normalized));
  const handlers = server.server.listeners('connection') as ((socket: Socket) => void)[];
  server.server.removeAllListeners('connection');
  const handOn = (socket: Socket) => handlers.forEach((handler) => handler.call(server.server, socket));
  server.server.on('connection', (socket: Socket) => {
    if (trusted.has(normalized(socket.remoteAddress))) translateHeader(socket, handOn);
    else handOn(socket);
  });
  return server;
}
