// `npm run bench:api-body`: the memory POST /api/v1/messages uses for a body at its 48 MB limit (a 35 MB message:
// a 35 MB attachment in base64), and for a body just above it (refused with 413 while streaming). Runs the route
// handler in this process against a fresh SQLite database in a temporary folder and prints the resident memory
// before, the highest seen while the request ran (sampled every 5 ms and after every step), and the answer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { POST } from '@/app/api/v1/messages/route';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { disconnectDb } from '@/lib/db/prisma';
import { emailSettingsSchema } from '@/lib/mail/settings/email-settings-schema';
import { saveEmailSettings } from '@/lib/mail/settings/save-email-settings';

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

function body(attachmentBytes: number): Uint8Array {
  const content = Buffer.alloc(attachmentBytes, 0x41).toString('base64');
  return Buffer.from(
    JSON.stringify({
      to: 'bench@example.test',
      subject: 'Limit',
      text: 'See the attachment.',
      attachments: [{ filename: 'big.bin', content }],
    }),
  );
}

async function measure(label: string, key: string, payload: Uint8Array): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 5);
  const started = performance.now();
  // Streamed in 64 KB chunks, as a socket delivers it.
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      sample();
      if (offset >= payload.length) return controller.close();
      controller.enqueue(payload.subarray(offset, (offset += 64 * 1024)));
    },
  });
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    duplex: 'half',
    body: stream,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
  };
  const response = await POST(new Request('http://localhost/api/v1/messages', init));
  sample();
  clearInterval(timer);
  const ms = (performance.now() - started).toFixed(0);
  console.log(
    `${label}: body ${mb(payload.length)} -> ${response.status}; RSS before ${mb(before)}, peak ${mb(peak)} (+${mb(peak - before)}); ${ms} ms`,
  );
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-api-'));
  process.env.SWITCHBOARD_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  try {
    await applyMigrations(resolveDatabaseConfig());
    const input = emailSettingsSchema.parse({
      enabled: 'on',
      connectionType: 'smtp',
      smtpServer: '127.0.0.1:9',
      smtpAuth: 'none',
      allowUnencrypted: 'on',
      senderAddress: 'bench@switchboard.test',
    });
    await saveEmailSettings(input, 'bench@switchboard.test');
    const { key } = await createApiKey('bench', { id: 'bench', email: 'bench@switchboard.test' });
    await measure('at the limit (35 MB message)', key, body(35 * MB - 1024));
    await measure('above the limit', key, body(37 * MB));
  } finally {
    await disconnectDb();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
