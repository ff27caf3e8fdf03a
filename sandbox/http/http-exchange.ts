import type { IncomingMessage, ServerResponse } from 'node:http';

// One request and its response, with the small helpers every endpoint needs.

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class HttpExchange {
  readonly url: URL;
  params: Record<string, string> = {};
  private body?: Promise<Buffer>;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
  ) {
    this.url = new URL(req.url ?? '/', 'https://127.0.0.1');
  }

  get method(): string {
    return (this.req.method ?? 'GET').toUpperCase();
  }

  header(name: string): string | undefined {
    const value = this.req.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  cookie(name: string): string | undefined {
    for (const part of (this.header('cookie') ?? '').split(';')) {
      const [key, ...rest] = part.trim().split('=');
      if (key === name) return decodeURIComponent(rest.join('='));
    }
    return undefined;
  }

  readBody(): Promise<Buffer> {
    this.body ??= new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      this.req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          reject(new Error('request body too large'));
          this.req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      this.req.on('end', () => resolve(Buffer.concat(chunks)));
      this.req.on('error', reject);
    });
    return this.body;
  }

  /** The form fields of a POST (application/x-www-form-urlencoded), or the query of a GET. */
  async readForm(): Promise<URLSearchParams> {
    if (this.method === 'GET' || this.method === 'HEAD') return this.url.searchParams;
    return new URLSearchParams((await this.readBody()).toString('utf8'));
  }

  /** The JSON body, or undefined when it is empty or not JSON. */
  async readJson(): Promise<unknown> {
    const text = (await this.readBody()).toString('utf8').trim();
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  send(status: number, body: string | Buffer, headers: Record<string, string | string[]>): void {
    if (this.res.headersSent) return;
    this.res.writeHead(status, { 'Content-Length': String(Buffer.byteLength(body)), ...headers });
    this.res.end(this.method === 'HEAD' ? undefined : body);
  }

  json(status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
    this.send(status, JSON.stringify(body), {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    });
  }

  html(status: number, html: string, headers: Record<string, string | string[]> = {}): void {
    this.send(status, html, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  }

  redirect(location: string, headers: Record<string, string | string[]> = {}): void {
    this.send(302, '', { Location: location, 'Cache-Control': 'no-store', ...headers });
  }

  empty(status: number, headers: Record<string, string | string[]> = {}): void {
    this.send(status, '', headers);
  }
}
