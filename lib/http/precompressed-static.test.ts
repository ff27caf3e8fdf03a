import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressedStatic } from './precompressed-static';

// The server answering with the build's brotli copies: a real folder with copies as the build writes them, a real
// HTTP server with Next's place taken by an answer that says "next", and requests as a browser (or an attacker)
// sends them.

const SCRIPT = 'export function hello(name) { return `Hello, ${name}`; }\n'.repeat(200);
const STYLE = '.button { color: rgb(15 23 42); padding: 0.5rem 1rem; }\n'.repeat(100);
let dir: string;
let port: number;
let server: http.Server;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'precompressed-'));
  fs.mkdirSync(path.join(dir, 'chunks', 'css'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'chunks', 'app.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'chunks', 'css', 'app.css'), STYLE);
  // Without a copy (the build makes none where brotli makes nothing smaller): Next answers.
  fs.writeFileSync(path.join(dir, 'chunks', 'random.js'), crypto.randomBytes(4096));
  fs.writeFileSync(path.join(dir, 'chunks', 'font.woff2'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the browser');
  // Copies as the build writes them (scripts/support/precompress-static.mjs), and one of a file of no served type.
  for (const file of ['chunks/app.js', 'chunks/css/app.css', 'chunks/font.woff2', 'secret.txt']) {
    const full = path.join(dir, file);
    fs.writeFileSync(`${full}.br`, zlib.brotliCompressSync(fs.readFileSync(full)));
  }
  const serve = precompressedStatic(dir);
  server = http.createServer((req, res) => {
    if (!serve(req, res)) res.end('next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw request (fetch would decode the body and hide Content-Encoding's effect). */
function get(
  urlPath: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    // `path` as given: a URL would resolve the dot segments an attacker sends.
    const request = http.request({ host: '127.0.0.1', port, path: urlPath, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };

describe('precompressedStatic (the server)', () => {
  it('answers a browser that accepts br with the brotli copy and the headers of a built file', async () => {
    const answer = await get('/_next/static/chunks/app.js', BROWSER);
    expect(answer.status).toBe(200);
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
    expect(answer.headers).toMatchObject({
      'content-encoding': 'br',
      'content-type': 'application/javascript; charset=UTF-8',
      'content-length': String(answer.body.length),
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
    });
    const style = await get('/_next/static/chunks/css/app.css?dpl=1', { 'accept-encoding': 'br' });
    expect(style.headers['content-type']).toBe('text/css; charset=UTF-8');
    expect(zlib.brotliDecompressSync(style.body).toString()).toBe(STYLE);
  });

  it('leaves to Next a client that does not accept br, or refuses it', async () => {
    for (const acceptEncoding of ['gzip, deflate', 'br;q=0, gzip', '', 'identity']) {
      const answer = await get('/_next/static/chunks/app.js', { 'accept-encoding': acceptEncoding });
      expect(answer.body.toString(), acceptEncoding).toBe('next');
    }
  });

  it('leaves to Next every path that is not exactly one of the copies', async () => {
    for (const urlPath of [
      '/_next/static/chunks/random.js',
      '/_next/static/chunks/font.woff2',
      '/_next/static/chunks/app.js.br',
      '/_next/static/chunks/../chunks/app.js',
      '/_next/static/chunks/%61pp.js',
      '/_next/static/secret.txt',
      '/_next/static/../../etc/passwd',
      '/chunks/app.js',
    ]) {
      const answer = await get(urlPath, BROWSER);
      expect(answer.body.toString(), urlPath).toBe('next');
    }
    const post = await get('/_next/static/chunks/app.js', BROWSER, 'POST');
    expect(post.body.toString()).toBe('next');
  });

  it('answers HEAD without a body, and a cached copy with 304', async () => {
    const head = await get('/_next/static/chunks/app.js', BROWSER, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const etag = String(head.headers.etag);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);

    const cached = await get('/_next/static/chunks/app.js', { ...BROWSER, 'if-none-match': `W/"other", ${etag}` });
    expect(cached.status).toBe(304);
    expect(cached.body.length).toBe(0);
    expect(cached.headers.etag).toBe(etag);
    const changed = await get('/_next/static/chunks/app.js', { ...BROWSER, 'if-none-match': '"br-other"' });
    expect(changed.status).toBe(200);
  });
});
