// A second (and third) Switchboard process for cross-process tests: it loads the same modules as the console,
// waits for "go" on stdin so that all processes start at once, asks for a token N times concurrently, and prints
// one JSON line with what it got.
import readline from 'node:readline';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { disconnectDb } from '@/lib/db/prisma';

const [connectionId = '', countText = '10'] = process.argv.slice(2);

async function main(): Promise<void> {
  process.stdout.write('ready\n');
  const input = readline.createInterface({ input: process.stdin });
  for await (const line of input) {
    if (line.trim() === 'go') break;
  }
  input.close();
  const results = await Promise.all(Array.from({ length: Number(countText) }, () => getAccessToken(connectionId)));
  const tokens = [...new Set(results.map((r) => (r.ok ? r.accessToken : `error:${r.reason}:${r.message}`)))];
  process.stdout.write(JSON.stringify({ ok: results.every((r) => r.ok), tokens }) + '\n');
  await disconnectDb();
}

main().catch((error: unknown) => {
  process.stdout.write(JSON.stringify({ ok: false, tokens: [], error: (error as Error).message }) + '\n');
  process.exit(1);
});
