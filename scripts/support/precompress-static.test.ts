import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompressStatic } from './precompress-static.mjs';

const SCRIPT = 'export function hello(name) { return `Hello, ${name}`; }\n'.repeat(200);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'precompress-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('precompressStatic', () => {
  it('writes a brotli copy of each script and style sheet, only where it is smaller, smaller than gzip', () => {
    fs.mkdirSync(path.join(dir, 'chunks', 'css'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'chunks', 'app.js'), SCRIPT);
    fs.writeFileSync(path.join(dir, 'chunks', 'css', 'app.css'), '.button { padding: 0.5rem 1rem; }\n'.repeat(100));
    fs.writeFileSync(path.join(dir, 'chunks', 'random.js'), crypto.randomBytes(4096));
    fs.writeFileSync(path.join(dir, 'font.woff2'), SCRIPT);

    const totals = precompressStatic(dir);

    const copies = fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.br'));
    expect(copies.sort()).toEqual([path.join('chunks', 'app.js.br'), path.join('chunks', 'css', 'app.css.br')]);
    const copy = fs.readFileSync(path.join(dir, 'chunks', 'app.js.br'));
    expect(zlib.brotliDecompressSync(copy).toString()).toBe(SCRIPT);
    expect(copy.length).toBeLessThan(zlib.gzipSync(SCRIPT, { level: 9 }).length);
    expect(totals.files).toBe(2);
  });

  it('does nothing where there is no build', () => {
    expect(precompressStatic(path.join(dir, 'missing'))).toEqual({ files: 0, bytes: 0, brotli: 0 });
  });
});
